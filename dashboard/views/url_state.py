"""One callback keeps the URL, the controls and the view state in step.

The URL is the source of truth on load (and on back/forward); after that
every control, click on a mesh, region button or panel link changes the
state, and the state is written back to the URL without reloading. Doing it
in one callback keeps the cycle URL <-> controls legal in Dash and free of
loops. Every other view listens to the state store only.
"""

from __future__ import annotations

from dataclasses import dataclass

from dash import ALL, Input, Output, State, ctx, dcc, html, no_update
from dash.exceptions import PreventUpdate

from dashboard import ids
from dashboard.content import Content
from atlas.lookup import AtlasLookup
from dashboard.figures.brain3d import SceneData, selection_for_trace
from dashboard.figures.slices import PLANES, click_to_mni
from dashboard.i18n import translate
from dashboard.state import InvalidState, Notice, Selection, ViewState, parse_query, to_query
from dashboard.views import tour
from dashboard.views.controls import NO_COMPARISON

__all__ = ["layout", "register_callbacks", "notice_text"]


def layout() -> list:
    return [
        dcc.Location(id=ids.URL, refresh=False),
        # the state the page is first drawn in; a URL that asks for no more redraws nothing
        dcc.Store(id=ids.VIEW_STATE, data=ViewState().to_dict()),
        dcc.Store(id=ids.CAMERA_REQUEST),
        dcc.Store(id=ids.EXTRA_REQUEST),
    ]


def notice_text(notices, lang: str) -> str:
    if not notices:
        return ""
    bad = ", ".join(f"{notice.parameter}={notice.value!r}" for notice in notices)
    return translate("notice.bad_url", lang, values=bad)


def _parse_target(target: str) -> Selection | None:
    kind, _, ident = target.partition(":")
    return Selection(kind, ident) if kind in ("region", "connection") and ident else None


def _region_cursor(scene: SceneData, region_id: str) -> tuple[int, int, int]:
    return tuple(int(round(value)) for value in scene.region_anchor(region_id))


def _changed_state(
    trigger, value, current: ViewState, scene: SceneData, lookup: AtlasLookup, drugs: Drugs, content: Content
) -> ViewState:
    """The state after one input changed; selecting a region moves the slices to it."""
    state = _tour_move(trigger, current, content)
    if state is None:
        state = _apply(trigger, value, current, scene, lookup, drugs)
    if state.select != current.select and state.select and state.select.kind == "region":
        if not (isinstance(trigger, dict) and trigger.get("type") == "slice-graph"):
            state = state.with_(cursor=_region_cursor(scene, state.select.id))
    return state


@dataclass(frozen=True)
class Drugs:
    """The scenarios a drug choice can name: MDMA's own and the compared drugs."""

    mdma: tuple[str, ...]
    others: frozenset[str]

    @classmethod
    def from_content(cls, content: Content) -> "Drugs":
        scenarios = content.tables["scenarios"]
        return cls(
            mdma=tuple(scenarios.loc[scenarios["kind"] == "mdma", "id"]),
            others=frozenset(content.tables["drug_profiles"]["scenario"]),
        )


def choose_drug(current: ViewState, drug: str, drugs: Drugs) -> ViewState:
    """Compare MDMA with ``drug``; choosing an MDMA scenario shows it alone.

    The main view keeps an MDMA scenario; if it shows another drug, it
    switches to the first MDMA scenario (acute), so the comparison is always
    MDMA against the drug.
    """
    if drug in drugs.mdma:
        return current.with_(scenario=drug, compare=None)
    if drug not in drugs.others:
        return current
    scenario = current.scenario if current.scenario in drugs.mdma else drugs.mdma[0]
    return current.with_(scenario=scenario, compare=drug)


def _tour_move(trigger, current: ViewState, content: Content) -> ViewState | None:
    """The state after a tour or presentation button, or None for any other input."""
    steps = tour.step_count(content)
    if trigger == ids.TOUR_START:
        return tour.apply_step(current, content, 1)
    if trigger == ids.TOUR_NEXT:
        return tour.apply_step(current, content, min((current.step or 0) + 1, steps))
    if trigger == ids.TOUR_PREV:
        return tour.apply_step(current, content, max((current.step or 2) - 1, 1))
    if trigger == ids.TOUR_END:
        return tour.apply_step(current, content, None).with_(present=False)
    if trigger == ids.PRESENT_TOGGLE:
        return current.with_(present=not current.present)
    return None


def _apply(trigger, value, current: ViewState, scene: SceneData, lookup: AtlasLookup, drugs: Drugs) -> ViewState:
    """The state after one input changed."""
    simple = {
        ids.SCENARIO: "scenario",
        ids.CAMERA: "camera",
        ids.OPACITY: "opacity",
        ids.PANEL_TABS: "panel",
        ids.LANGUAGE: "lang",
        ids.PANE: "pane",
        ids.THEME: "theme",
    }
    if isinstance(trigger, dict):
        if trigger.get("type") == "slice-slider":
            cursor = list(current.cursor)
            cursor[PLANES[trigger["plane"]][0]] = int(value)
            return current.with_(cursor=tuple(cursor))
        if trigger.get("type") == "slice-graph":
            point = (value or {}).get("points", [{}])[0]
            if "x" not in point:
                return current
            cursor = click_to_mni(trigger["plane"], current.cursor, point["x"], point["y"])
            regions = [key.split(":")[0] for key in lookup.where(*cursor).structures]
            select = Selection("region", regions[0]) if regions else current.select
            return current.with_(cursor=cursor, select=select, panel="details" if regions else current.panel)
        if trigger.get("type") == "select-region":
            return current.with_(select=Selection("region", trigger["region"]), panel="details")
        if trigger.get("type") == "select-link":
            return current.with_(select=_parse_target(trigger["target"]) or current.select, panel="details")
        if trigger.get("type") == "cite":
            return current.with_(panel="sources", cite=f"{trigger['source']}/{trigger['section']}")
        if trigger.get("type") == "choose-scenario":
            return choose_drug(current, trigger["scenario"], drugs)
        if trigger == ids.document_graph("drugs"):
            point = (value or {}).get("points", [{}])[0]
            drug = point.get("customdata")
            return choose_drug(current, drug, drugs) if isinstance(drug, str) else current
        return current
    if trigger in simple:
        return current.with_(**{simple[trigger]: value})
    if trigger == ids.COMPARE:
        return current.with_(compare=None if value == NO_COMPARISON else value)
    if trigger == ids.EXTRA:
        return current.with_(extra=tuple(value or ()))
    if trigger == ids.RADIOLOGICAL:
        return current.with_(radiological="radiological" in (value or []))
    if trigger == ids.CIRCUIT_GRAPH:
        point = (value or {}).get("points", [{}])[0]
        target = _parse_target(point.get("customdata") or "")
        return current.with_(select=target, panel="details") if target else current
    if trigger == ids.TOGGLES:
        return current.with_(labels="labels" in value, glass="glass" in value)
    if trigger in (ids.BRAIN3D_GRAPH, ids.COMPARE_GRAPH):
        point = (value or {}).get("points", [{}])[0]
        selection = selection_for_trace(scene, point.get("curveNumber", -1))
        return current.with_(select=selection) if selection else current
    return current


def register_callbacks(
    app, content: Content, scene: SceneData, extra_menu: list[dict], lookup: AtlasLookup
) -> None:
    """The URL and the controls, kept in step through the view state.

    ``extra_menu`` is the context-structure menu's options: the menu starts
    empty (see ``views.controls``), so a URL that names structures sends them
    with its values, or the menu would drop values it has no option for.
    """
    extra_keys = frozenset(option["value"] for option in extra_menu)
    known = (
        tuple(content.tables["scenarios"]["id"]),
        content.region_ids,
        tuple(content.tables["connections"]["id"]),
        extra_keys,
        frozenset(f"{source}/{section}" for source, section in zip(content.tables["sections"]["source"], content.tables["sections"]["id"])),
    )
    drugs = Drugs.from_content(content)
    clicks = {
        ids.BRAIN3D_GRAPH: "clickData",
        ids.COMPARE_GRAPH: "clickData",
    }

    @app.callback(
        Output(ids.URL, "search"),
        Output(ids.VIEW_STATE, "data"),
        Output(ids.CAMERA_REQUEST, "data"),
        Output(ids.EXTRA_REQUEST, "data"),
        Output(ids.NOTICE, "children"),
        Output(ids.EXTRA, "options"),
        Output(ids.SCENARIO, "value"),
        Output(ids.COMPARE, "value"),
        Output(ids.CAMERA, "value"),
        Output(ids.TOGGLES, "value"),
        Output(ids.OPACITY, "value"),
        Output(ids.PANEL_TABS, "value"),
        Output(ids.LANGUAGE, "value"),
        Output(ids.EXTRA, "value"),
        Output(ids.PANE, "value"),
        Output(ids.RADIOLOGICAL, "value"),
        Output(ids.THEME, "value"),
        Output({"type": "slice-slider", "plane": ALL}, "value"),
        Input(ids.URL, "search"),
        Input(ids.SCENARIO, "value"),
        Input(ids.COMPARE, "value"),
        Input(ids.CAMERA, "value"),
        Input(ids.TOGGLES, "value"),
        Input(ids.OPACITY, "value"),
        Input(ids.PANEL_TABS, "value"),
        Input(ids.LANGUAGE, "value"),
        Input(ids.EXTRA, "value"),
        Input(ids.PANE, "value"),
        Input(ids.RADIOLOGICAL, "value"),
        Input(ids.THEME, "value"),
        Input({"type": "slice-slider", "plane": ALL}, "value"),
        Input({"type": "slice-graph", "plane": ALL}, "clickData"),
        Input(ids.CIRCUIT_GRAPH, "clickData"),
        Input(ids.BRAIN3D_GRAPH, clicks[ids.BRAIN3D_GRAPH]),
        Input(ids.COMPARE_GRAPH, clicks[ids.COMPARE_GRAPH]),
        Input({"type": "select-region", "region": ALL}, "n_clicks"),
        Input({"type": "select-link", "target": ALL, "index": ALL}, "n_clicks"),
        Input({"type": "cite", "scope": ALL, "source": ALL, "section": ALL, "index": ALL}, "n_clicks"),
        Input({"type": "choose-scenario", "scenario": ALL}, "n_clicks"),
        Input(ids.document_graph("drugs"), "clickData"),
        Input(ids.TOUR_START, "n_clicks"),
        Input(ids.TOUR_NEXT, "n_clicks"),
        Input(ids.TOUR_PREV, "n_clicks"),
        Input(ids.TOUR_END, "n_clicks"),
        Input(ids.PRESENT_TOGGLE, "n_clicks"),
        State(ids.VIEW_STATE, "data"),
    )
    def synchronise(search, *args):
        stored = args[-1]
        trigger = ctx.triggered_id
        notices = []
        # what the page shows now: the layout's defaults on first load
        shown = None if stored is None else ViewState.from_dict(stored)
        if shown is None or trigger is None or trigger == ids.URL:
            state, notices = parse_query(search, *known, steps=tour.step_count(content))
            if state.step is not None:
                state = tour.apply_step(state, content, state.step)
            if state.select and state.select.kind == "region" and "at=" not in (search or ""):
                # a shared selection without a cursor: the slices go to the region
                state = state.with_(cursor=_region_cursor(scene, state.select.id))
        else:
            value = ctx.triggered[0]["value"] if ctx.triggered else None
            if isinstance(trigger, dict) and trigger.get("type") != "slice-slider" and not value:
                # a panel or list re-rendered: new buttons report n_clicks=None
                raise PreventUpdate
            try:
                state = _changed_state(trigger, value, shown, scene, lookup, drugs, content)
            except (TypeError, ValueError, AttributeError, LookupError):
                # a value no control sends (a forged request): keep the view, say so
                state, notices = shown, [Notice(str(trigger), str(value)[:40])]
            # A control's value is an input like the URL: anything unknown falls back, with a notice.
            state, checked = _checked(state, known, content)
            notices += checked
            if state == shown:
                raise PreventUpdate
        # Only what changed is sent: each output wakes the callbacks that listen to it.
        camera_request = state.camera if shown is None or state.camera != shown.camera else no_update
        extra_request = list(state.extra) if state.extra != (shown.extra if shown else ()) else no_update
        search_out = to_query(state)
        if trigger is None and state == shown and not notices and search_out == (search or ""):
            # the page was built for this state: nothing to send, nothing to re-render
            raise PreventUpdate
        # the menu's options go with its values when these come from a URL (views.controls)
        menu = extra_menu if (trigger is None or trigger == ids.URL) and state.extra else no_update
        controls = _control_values(state, shown)
        # one value per slider actually on the page, matched by plane
        by_plane = dict(zip(ids.SLICE_PLANES, controls[-1]))
        controls[-1] = [by_plane[output["id"]["plane"]] for output in ctx.outputs_list[-1] if output["id"].get("plane") in by_plane]
        return (
            search_out if search_out != (search or "") else no_update,
            state.to_dict() if state != shown else no_update,
            camera_request,
            extra_request,
            notice_text(notices, state.lang),
            menu,
            *controls,
        )


def _checked(state: ViewState, known: tuple, content: Content) -> tuple[ViewState, list]:
    """The state with every unknown value reset to its default, and a notice per reset."""
    try:
        state.check()
        query = to_query(state)
    except (InvalidState, TypeError, ValueError, AttributeError):
        return ViewState(lang=state.lang if state.lang in ("en", "zh") else "en"), [Notice("state", "?")]
    checked, notices = parse_query(query, *known, steps=tour.step_count(content))
    # parse_query rebuilds from the URL form; keep the exact cursor and selection if they were valid
    return (checked.with_(cursor=state.cursor) if not notices else checked), notices


def _control_values(state: ViewState, before: ViewState | None) -> list:
    """Values for the controls; only those that changed, so that callbacks
    listening to a control (the language, say) run only when it changes."""
    values = [
        ("scenario", state.scenario),
        ("compare", state.compare or NO_COMPARISON),
        ("camera", state.camera),
        ("toggles", [name for name in ("labels", "glass") if getattr(state, name)]),
        ("opacity", state.opacity),
        ("panel", state.panel),
        ("lang", state.lang),
        ("extra", list(state.extra)),
        ("pane", state.pane),
        ("radiological", ["radiological"] if state.radiological else []),
        ("theme", state.theme),
        ("sliders", [state.cursor[PLANES[plane][0]] for plane in ids.SLICE_PLANES]),
    ]
    if before is None:
        return [value for _, value in values]
    previous = dict(zip([name for name, _ in values], _control_values(before, None)))
    changed = [no_update if previous[name] == value else value for name, value in values]
    # a pattern-matching output (the sliders) takes one value per component
    changed[-1] = [no_update if old == new else new for old, new in zip(previous["sliders"], values[-1][1])]
    return changed


def notice_layout() -> html.Div:
    return html.Div(id=ids.NOTICE, className="notice", role="status")
