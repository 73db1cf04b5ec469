"""Property-based tests: no URL and no callback payload makes the server fail.

The result of bad input is the default view with a notice, or a 400 for a
request no page could have sent; never a 500, never a traceback.
"""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard import ids
from dashboard.app import create_app
from dashboard.state import PANES, ViewState, parse_query, to_query

KNOWN = (("baseline", "ptsd"), ("amygdala", "vta"), ("mesolimbic",))
PARAMETERS = ["scenario", "compare", "select", "camera", "lang", "panel", "labels", "glass", "opacity", "extra", "pane",
              "at", "radiological", "cite", "step", "present", "theme", "zoom"]
text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)
query = st.lists(st.tuples(st.sampled_from(PARAMETERS), text), max_size=8).map(
    lambda pairs: "?" + "&".join(f"{key}={value}" for key, value in pairs)
)


@given(query | text)
@settings(max_examples=400, deadline=None)
def test_any_url_gives_a_valid_state_that_survives_a_round_trip(search):
    state, notices = parse_query(search, *KNOWN, steps=8)
    state.check()
    assert parse_query(to_query(state), *KNOWN, steps=8) == (state, [])
    assert all(isinstance(notice.parameter, str) and isinstance(notice.value, str) for notice in notices)


@pytest.fixture(scope="module")
def client(resources):
    app = create_app(resources)
    return app, app.server.test_client()


def sync_request(app, search=None, changed=None, value=None, initial=False):
    """A request shaped like the page's own call of the URL/state callback (``initial``: the one at page load)."""
    key = next(key for key in app.callback_map if key.startswith(f"..{ids.URL}.search"))
    callback = app.callback_map[key]
    inputs = []
    for item in callback["inputs"]:
        identifier = json.loads(item["id"]) if item["id"].startswith("{") else item["id"]
        if isinstance(identifier, dict):
            inputs.append([])  # pattern-matching inputs: no components
        else:
            current = search if identifier == ids.URL else None
            if identifier == changed:
                current = value
            inputs.append({"id": identifier, "property": item["property"], "value": current})
    outputs = []
    for part in key.strip(".").split("..."):
        identifier, _, prop = part.rpartition(".")
        outputs.append([] if identifier.startswith("{") else {"id": identifier, "property": prop})
    state = [{"id": ids.VIEW_STATE, "property": "data", "value": ViewState().to_dict()}]
    changed_ids = [] if initial else [f"{changed}.value" if changed else f"{ids.URL}.search"]
    return {"output": key, "outputs": outputs, "inputs": inputs, "state": state, "changedPropIds": changed_ids}


@given(query | text)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_url_reaches_the_state_callback_without_a_server_error(client, search):
    app, http = client
    response = http.post("/_dash-update-component", json=sync_request(app, search=search))
    assert response.status_code in (200, 204), response.get_data(as_text=True)[:300]


def test_a_page_opened_at_the_default_url_gets_nothing_back_and_any_other_url_its_state(client):
    app, http = client
    # the layout was built for the default state: no outputs to send, nothing for the browser to re-render
    assert http.post("/_dash-update-component", json=sync_request(app, search="", initial=True)).status_code == 204
    response = http.post("/_dash-update-component", json=sync_request(app, search="?select=amygdala", initial=True))
    assert response.status_code == 200
    assert ViewState.from_dict(response.get_json()["response"][ids.VIEW_STATE]["data"]).select.id == "amygdala"
    # a default URL that is not written the short way is rewritten
    response = http.post("/_dash-update-component", json=sync_request(app, search="?lang=en", initial=True))
    assert response.status_code == 200 and response.get_json()["response"][ids.URL]["search"] == ""


CONTROLS = [ids.SCENARIO, ids.COMPARE, ids.CAMERA, ids.LANGUAGE, ids.PANE, ids.THEME, ids.OPACITY, ids.EXTRA, ids.TOGGLES]
values = st.one_of(text, st.integers(), st.floats(allow_nan=True), st.none(), st.lists(text, max_size=3),
                   st.dictionaries(text, text, max_size=2))


@given(st.sampled_from(CONTROLS), values)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_control_value_gives_a_state_or_a_notice_never_a_500(client, control, value):
    app, http = client
    response = http.post("/_dash-update-component", json=sync_request(app, search="", changed=control, value=value))
    assert response.status_code in (200, 204, 400), response.get_data(as_text=True)[:300]
    if response.status_code == 200:
        stored = response.get_json()["response"][ids.VIEW_STATE]["data"]
        state = ViewState.from_dict(stored)
        assert state.pane in PANES and state.scenario in ("baseline", "ptsd", "mdma-acute", "mdma-therapy", "psilocybin",
                                                          "lsd", "methamphetamine", "ketamine", "ssri")


@given(st.recursive(st.none() | st.booleans() | st.integers() | text, lambda inner: st.lists(inner, max_size=3)
                    | st.dictionaries(text, inner, max_size=3), max_leaves=12))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_json_body_is_refused_with_a_400_or_served(client, body):
    _, http = client
    response = http.post("/_dash-update-component", json=body)
    assert response.status_code in (200, 204, 400)
    assert "Traceback" not in response.get_data(as_text=True)


@given(st.dictionaries(st.sampled_from(sorted(ViewState().to_dict()) + ["bogus"]), values, max_size=6))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_a_forged_view_state_store_is_refused_not_a_500(client, store):
    app, http = client
    body = {
        "output": f"{ids.PANEL_BODY}.children",
        "outputs": {"id": ids.PANEL_BODY, "property": "children"},
        "inputs": [{"id": ids.VIEW_STATE, "property": "data", "value": {**ViewState().to_dict(), **store}}],
        "changedPropIds": [f"{ids.VIEW_STATE}.data"],
    }
    response = http.post("/_dash-update-component", json=body)
    assert response.status_code in (200, 204, 400), response.get_data(as_text=True)[:300]
