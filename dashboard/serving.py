"""What the first page load costs: the layout served from memory, a lighter runtime.

The layout never changes once the app is built (languages and states are
applied by callbacks), yet Dash serialises it again for every page load:
80 ms of server time, most of it the 3D meshes, before the browser can
draw anything. It is kept here compressed after the first request.

Dash's page starts with the whole Babel polyfill (core-js 2 and
regenerator), which a current browser parses and runs for 0.1 to 0.3 s
before anything else. Its components need only the regenerator runtime.

Dash asks for its layout, its callbacks and dcc's lazily loaded parts only
once its scripts have run; the page's head preloads them, so that they
download alongside the scripts (0.1 to 0.2 s sooner to the first 3D view).
"""

from __future__ import annotations

import gzip
import logging
import re

import dash
from dash._utils import to_json
from flask import Response, request

__all__ = ["install_layout_cache", "install_regenerator_runtime", "install_preloads", "LAYOUT_ROUTE", "PRELOADED_CHUNKS"]

LAYOUT_ROUTE = "_dash-layout"
DEPENDENCIES_ROUTE = "_dash-dependencies"
# dcc's lazily loaded parts that the first view renders
PRELOADED_CHUNKS = ("dash/dcc/async-graph.js", "dash/dcc/async-dropdown.js", "dash/dcc/async-slider.js")
BABEL_POLYFILL_TAG = re.compile(r'<script src="[^"]*/deps/polyfill@[^"]*"></script>')
log = logging.getLogger(__name__)


def install_layout_cache(app: dash.Dash) -> None:
    """Answer ``GET /_dash-layout`` from a gzip body built once (per process)."""
    path = app.config.routes_pathname_prefix + LAYOUT_ROUTE
    cached: dict[str, bytes] = {}

    @app.server.before_request
    def serve_cached_layout():
        if request.method != "GET" or request.path != path:
            return None
        if "body" not in cached:
            cached["body"] = to_json(app.get_layout()).encode()
            cached["gzip"] = gzip.compress(cached["body"], compresslevel=6, mtime=0)
        # Flask-Compress leaves a response that already has an encoding alone.
        if "gzip" in request.accept_encodings:
            response = Response(cached["gzip"], mimetype="application/json")
            response.headers["Content-Encoding"] = "gzip"
        else:
            response = Response(cached["body"], mimetype="application/json")
        response.headers["Vary"] = "Accept-Encoding"
        return response


def install_regenerator_runtime(app: dash.Dash, runtime_url: str) -> None:
    """Load ``runtime_url`` (regenerator-runtime) where Dash loads its Babel polyfill.

    Dash's compiled components call ``regeneratorRuntime`` and nothing else
    of the polyfill that current browsers lack; plotly.js 3 and later needs
    an ES2016 browser anyway. The page keeps the polyfill, with a warning in
    the log, if a Dash upgrade renames it.
    """
    build_index = app.interpolate_index

    def interpolate_index(**parts):
        scripts, replaced = BABEL_POLYFILL_TAG.subn(f'<script src="{runtime_url}"></script>', parts.get("scripts", ""), count=1)
        if not replaced:
            log.warning("Dash's Babel polyfill was not found in the page's scripts: it is loaded as Dash lists it")
        return build_index(**{**parts, "scripts": scripts})

    app.interpolate_index = interpolate_index


def install_preloads(app: dash.Dash) -> None:
    """Start fetching what Dash asks for once its scripts have run, with the scripts.

    Dash requests its layout and callback list, then dcc's lazily loaded graph,
    dropdown and slider code, one after another once the page's scripts have run.
    Preloaded from the page's head, they download while the scripts do.
    """
    build_index = app.interpolate_index
    prefix = app.config.requests_pathname_prefix
    links = [f'<link rel="preload" href="{prefix}{route}" as="fetch" crossorigin>' for route in (LAYOUT_ROUTE, DEPENDENCIES_ROUTE)]
    links += [f'<link rel="preload" href="{prefix}_dash-component-suites/{chunk}" as="script">' for chunk in PRELOADED_CHUNKS]
    preloads = "\n".join(links)

    def interpolate_index(**parts):
        return build_index(**{**parts, "metas": parts.get("metas", "") + preloads})

    app.interpolate_index = interpolate_index
