"""Safe defaults: security headers, a strict CSP, text never rendered as HTML."""

import re

import pytest

from dashboard.app import create_app
from dashboard.security import malformed_callback


@pytest.fixture(scope="module")
def app(resources):
    return create_app(resources)


def test_every_page_response_carries_the_security_headers(app):
    response = app.server.test_client().get("/")
    headers = response.headers
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["X-Frame-Options"] == "DENY"
    policy = dict(part.strip().split(" ", 1) for part in headers["Content-Security-Policy"].split(";"))
    assert policy["frame-ancestors"] == "'none'" and policy["object-src"] == "'none'"
    assert policy["default-src"] == "'self'" and policy["connect-src"] == "'self'"
    # scripts: our origin and the hashes of Dash's inline scripts, nothing else
    sources = policy["script-src"].split()
    assert sources[0] == "'self'" and all(re.fullmatch(r"'sha256-[A-Za-z0-9+/=]+'", s) for s in sources[1:])
    assert set(app.csp_hashes()) == set(sources[1:])
    assert "http" not in headers["Content-Security-Policy"] and "unsafe-eval" not in headers["Content-Security-Policy"]


def test_assets_are_cached_and_layout_is_compressed(app):
    client = app.server.test_client()
    asset = client.get("/assets/style.css")
    assert asset.status_code == 200 and "max-age" in asset.headers["Cache-Control"]
    layout = client.get("/_dash-layout", headers={"Accept-Encoding": "gzip"})
    assert layout.headers["Content-Encoding"] == "gzip"


def test_no_endpoint_reads_a_path_from_the_request(app):
    client = app.server.test_client()
    for path in ("/assets/../pyproject.toml", "/assets/%2e%2e/pyproject.toml", "/_dash-component-suites/../../etc/passwd"):
        response = client.get(path)
        assert response.status_code in (400, 404), path
        assert b"[project]" not in response.data and b"root:" not in response.data


def test_the_guard_names_what_is_wrong_with_a_forged_request(app):
    callbacks = app.callback_map
    assert malformed_callback([], callbacks) == "the body is not a JSON object"
    assert malformed_callback({"output": "x.y"}, callbacks) == "unknown output"
    key = "panel-body.children"
    assert malformed_callback({"output": key, "outputs": {"id": "panel-body", "property": "children"}, "inputs": 1}, callbacks) == (
        "malformed inputs"
    )


def test_data_text_is_rendered_as_text_not_html(app, resources):
    from dashboard.state import Selection, ViewState
    from dashboard.views.panel import region_card

    card = region_card(resources.content, "amygdala", ViewState(select=Selection("region", "amygdala")))
    serialised = str(card.to_plotly_json())
    assert "dangerously" not in serialised.lower()
    # every text node is a plain string child of a Dash html component, which React escapes
    assert "Markdown" not in serialised and "DangerouslySetInnerHTML" not in serialised
