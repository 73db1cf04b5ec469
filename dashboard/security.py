"""Response headers: a strict Content-Security-Policy and friends, cache rules.

The policy allows scripts from the app's own origin plus the hashes of the
inline scripts Dash writes (``app.csp_hashes()``), and nothing from any other
origin. Plotly needs inline styles; WebGL and the slice images need
``data:``/``blob:`` images and workers.
"""

from __future__ import annotations

import dash
from flask import request

__all__ = ["content_security_policy", "install_headers", "install_request_guard", "malformed_callback", "SECURITY_HEADERS"]

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}
# Fingerprinted Dash bundles are cached by Dash itself; our assets change
# with a release, and Dash adds ``?m=<mtime>`` to their URLs.
ASSET_CACHE = "public, max-age=86400"


def content_security_policy(app: dash.Dash) -> str:
    """The CSP header value for ``app`` (call once every callback is registered)."""
    hashes = " ".join(app.csp_hashes())
    directives = {
        "default-src": "'self'",
        "script-src": f"'self' {hashes}",
        "style-src": "'self' 'unsafe-inline'",
        "img-src": "'self' data: blob:",
        "font-src": "'self' data:",
        "connect-src": "'self'",
        "worker-src": "'self' blob:",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
        "frame-ancestors": "'none'",
    }
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def install_headers(app: dash.Dash) -> None:
    """Add the security and cache headers to every response of ``app``."""
    policy = content_security_policy(app)

    @app.server.after_request
    def add_headers(response):
        response.headers["Content-Security-Policy"] = policy
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        if response.status_code == 200 and request.path.startswith("/assets/"):
            response.headers["Cache-Control"] = ASSET_CACHE
        return response


def _is_prop(item) -> bool:
    return isinstance(item, dict) and isinstance(item.get("id"), (str, dict)) and isinstance(item.get("property"), str)


def _is_props(items) -> bool:
    """A list of inputs: each a prop, or (pattern-matching ALL) a list of props."""
    return isinstance(items, list) and all(_is_prop(item) or (isinstance(item, list) and all(map(_is_prop, item))) for item in items)


def malformed_callback(body, callbacks) -> str | None:
    """Why a callback request cannot have come from the dashboard, or None if it could."""
    if not isinstance(body, dict):
        return "the body is not a JSON object"
    if body.get("output") not in callbacks:
        return "unknown output"
    outputs = body.get("outputs")
    if not (_is_prop(outputs) or _is_props(outputs)):
        return "malformed outputs"
    if not _is_props(body.get("inputs")) or not _is_props(body.get("state", [])):
        return "malformed inputs"
    if not isinstance(body.get("changedPropIds", []), list):
        return "malformed changedPropIds"
    expected = callbacks[body["output"]]
    if len(body["inputs"]) != len(expected["inputs"]) or len(body.get("state", [])) != len(expected["state"]):
        return "inputs do not match the callback"
    return None


def install_request_guard(app: dash.Dash) -> None:
    """Answer malformed callback requests with 400 and a one-line reason, never a 500.

    Dash trusts the shape of ``/_dash-update-component`` requests; a forged
    one would raise deep inside it. View states that no control could
    produce raise :class:`dashboard.state.InvalidState`, also a 400.
    """
    from flask import abort, jsonify

    from dashboard.state import InvalidState

    @app.server.before_request
    def check_callback_request():
        if request.method == "POST" and request.path.endswith("/_dash-update-component"):
            body = request.get_json(silent=True)
            reason = malformed_callback(body, app.callback_map)
            if reason:
                abort(400, description=f"malformed callback request: {reason}")

    @app.server.errorhandler(InvalidState)
    def invalid_state(error):
        return jsonify(error=f"invalid view state: {error}"), 400

    @app.server.errorhandler(dash.exceptions.DependencyException)
    def unknown_bundle(error):
        # a request for a script bundle Dash does not serve (e.g. "../../etc/passwd")
        return jsonify(error="not found"), 404

    @app.server.errorhandler(LookupError)
    def unknown_id(error):
        # a forged store naming a scenario, region or section that does not exist
        if request.path.endswith("/_dash-update-component"):
            return jsonify(error=f"unknown id in the request: {error}"), 400
        raise error
