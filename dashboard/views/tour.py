"""The guided tour and presentation mode.

The tour's steps are rows of ``data/tour.csv``: each sets the scenario, the
comparison, the selection, the camera and the view, and tells its part of
the story with its sources. The step is in the URL (``step=3``), so a slide
can link to it; the arrow keys and Page Up/Down (what presentation
clickers send) move through it (``assets/keys.js``).
"""

from __future__ import annotations

import pandas as pd
from dash import Input, Output, State, dcc, html

from dashboard import ids
from dashboard.content import Content
from dashboard.i18n import translate
from dashboard.state import Selection, ViewState
from dashboard.views.common import Citations, local

__all__ = ["apply_step", "layout", "header_controls", "register_callbacks", "tour_card", "step_count"]


def step_count(content: Content) -> int:
    return len(content.tables["tour"])


def _row(content: Content, step: int) -> dict:
    tour = content.tables["tour"]
    return tour[tour["step"] == step].iloc[0].to_dict()


def apply_step(state: ViewState, content: Content, step: int | None) -> ViewState:
    """The state a tour step sets (``None`` leaves the tour, keeping the view)."""
    if step is None:
        return state.with_(step=None)
    row = _row(content, step)
    target = row["select"]
    select = None
    if isinstance(target, str):
        kind, _, ident = target.partition(":")
        select = Selection(kind, ident)
    return state.with_(
        step=step,
        scenario=row["scenario"],
        compare=row["compare"] if isinstance(row["compare"], str) else None,
        select=select,
        camera=row["camera"],
        pane=row["pane"],
        panel="details",
    )


def tour_card(content: Content, view: ViewState) -> list:
    """The step's title, narrative and sources, with its place in the tour."""
    if view.step is None:
        return []
    lang, row = view.lang, _row(content, view.step)
    cite = Citations(content, "tour", lang)
    sources = [cite(row["source"], row["section"])]
    if isinstance(row["source_b"], str) and pd.notna(row["source_b"]):
        sources.append(cite(row["source_b"], row["section_b"]))
    total = step_count(content)
    return [
        html.Div(className="tour-progress", children=translate("tour.progress", lang, step=view.step, total=total)),
        html.H2(local(row, "title", lang), className="tour-title"),
        html.P(local(row, "text", lang), className="tour-text"),
        html.Div(className="claim-meta tour-sources", children=sources),
    ]


def header_controls(lang: str) -> html.Div:
    """Start the tour, present, choose a theme: the lecturer's buttons."""
    return html.Div(
        className="lecture-controls",
        children=[
            html.Button(translate("tour.start", lang), id=ids.TOUR_START, n_clicks=0, className="lecture-button"),
            html.Button(translate("present.toggle", lang), id=ids.PRESENT_TOGGLE, n_clicks=0, className="lecture-button"),
        ],
    )


def layout(lang: str) -> html.Section:
    return html.Section(
        id=ids.TOUR_PANEL,
        className="tour-panel",
        style={"display": "none"},
        **{"aria-label": translate("tour.label", lang), "aria-live": "polite"},
        children=[
            # what the card shows: nothing, in the layout's language
            dcc.Store(id=ids.TOUR_STATE, data={"step": None, "lang": lang}),
            html.Button("‹", id=ids.TOUR_PREV, n_clicks=0, className="tour-nav", title=translate("tour.previous", lang),
                        **{"aria-label": translate("tour.previous", lang)}),
            html.Div(id=ids.TOUR_BODY, className="tour-body"),
            html.Button("›", id=ids.TOUR_NEXT, n_clicks=0, className="tour-nav", title=translate("tour.next", lang),
                        **{"aria-label": translate("tour.next", lang)}),
            html.Button("✕", id=ids.TOUR_END, n_clicks=0, className="tour-end", title=translate("tour.end", lang),
                        **{"aria-label": translate("tour.end", lang)}),
        ],
    )


def register_callbacks(app, content: Content) -> None:
    # Only the step and the language change the card: the browser passes them
    # on when they change, so a selection costs no round trip for the tour,
    # and neither does a language while no tour is shown.
    app.clientside_callback(
        """function (state, shown) {
            var wanted = {step: (state && state.step) || null, lang: (state && state.lang) || 'en'};
            if (shown && shown.step === wanted.step && (shown.lang === wanted.lang || wanted.step === null)) {
                return window.dash_clientside.no_update;
            }
            return wanted;
        }""",
        Output(ids.TOUR_STATE, "data"),
        Input(ids.VIEW_STATE, "data"),
        State(ids.TOUR_STATE, "data"),
    )

    @app.callback(
        Output(ids.TOUR_BODY, "children"),
        Output(ids.TOUR_PANEL, "style"),
        Input(ids.TOUR_STATE, "data"),
        prevent_initial_call=True,
    )
    def show(data):
        view = ViewState(step=(data or {}).get("step"), lang=(data or {}).get("lang", "en"))
        view.check()
        return tour_card(content, view), ({} if view.step is not None else {"display": "none"})

    # The shell's classes (presentation mode, theme) follow the state in the browser.
    app.clientside_callback(
        """function (state) {
            state = state || {};
            var classes = ['app-shell', 'theme-' + (state.theme || 'light')];
            if (state.present) { classes.push('presenting'); }
            if (state.step) { classes.push('touring'); }
            return classes.join(' ');
        }""",
        Output(ids.APP_SHELL, "className"),
        Input(ids.VIEW_STATE, "data"),
        # the layout's classes are the default state's
        prevent_initial_call=True,
    )
