"""The page layout served from memory.

The layout never changes once the app is built (languages and states are
applied by callbacks), yet Dash serialises it again for every page load:
80 ms of server time, most of it the 3D meshes, before the browser can
draw anything. It is kept here compressed after the first request.
"""

from __future__ import annotations

import gzip

import dash
from dash._utils import to_json
from flask import Response, request

__all__ = ["install_layout_cache", "LAYOUT_ROUTE"]

LAYOUT_ROUTE = "_dash-layout"


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
