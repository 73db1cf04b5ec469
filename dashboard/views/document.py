"""The frame shared by the document views (neurochemistry, drugs, protocol, risks).

Each such view is a heading, one chart and text below it, drawn from the
content tables by a render function ``(content, view) -> Document``. The
chart exists from the start (a chart's clicks can be a callback input);
the callback redraws a view only while it is the one shown.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import plotly.graph_objects as go
from dash import Input, Output, dcc, html, no_update

from dashboard import ids
from dashboard.content import Content
from dashboard.figures.style import BLANK_FIGURE
from dashboard.i18n import translate
from dashboard.state import ViewState
from dashboard.views.common import local

__all__ = ["Document", "layout", "register", "CHART_CONFIG", "selection_substances", "selection_note"]

CHART_CONFIG = {
    "displaylogo": False,
    "modeBarButtonsToRemove": ["select2d", "lasso2d", "zoom2d", "pan2d", "autoScale2d", "zoomIn2d", "zoomOut2d"],
}


@dataclass
class Document:
    """What one document view shows."""

    head: list
    figure: go.Figure | None
    body: list


def layout(pane: str, chart_class: str = "document-chart", with_chart: bool = True) -> html.Section:
    chart = [dcc.Graph(id=ids.document_graph(pane), figure=BLANK_FIGURE, config=CHART_CONFIG, className=chart_class)] if with_chart else []
    return html.Section(
        id=ids.pane_view(pane),
        className=f"view view-document view-{pane}",
        style={"display": "none"},
        children=[
            html.Div(id=ids.document_part(pane, "head"), className="document-head"),
            *chart,
            html.Div(id=ids.document_part(pane, "body"), className="document-body"),
        ],
    )


def register(
    app, pane: str, content: Content, render: Callable[[Content, ViewState], Document], with_chart: bool = True
) -> None:
    """Redraw ``pane`` from the view state while it is shown."""
    outputs = [Output(ids.document_part(pane, "head"), "children"), Output(ids.document_part(pane, "body"), "children")]
    if with_chart:
        outputs.append(Output(ids.document_graph(pane), "figure"))

    @app.callback(*outputs, Input(ids.pane_state(pane), "data"), prevent_initial_call=True)
    def draw(data):
        view = ViewState.from_dict(data)
        if view.pane != pane:
            return [no_update] * len(outputs)
        document = render(content, view)
        return [document.head, document.body, document.figure][: len(outputs)]


def selection_substances(content: Content, view: ViewState) -> set[str]:
    """The transmitters the documents tie to the selected region or pathway."""
    if view.select is None:
        return set()
    if view.select.kind == "connection":
        connections = content.tables["connections"].set_index("id")
        transmitter = connections.loc[view.select.id, "transmitter"]
        return {transmitter} if isinstance(transmitter, str) else set()
    region = view.select.id
    effects = content.tables["effects"]
    connections = content.tables["connections"]
    mechanisms = content.tables["mechanisms"]
    touching = connections[(connections["from_region"] == region) | (connections["to_region"] == region)]
    return (
        set(effects.loc[effects["region"] == region, "transmitter"].dropna())
        | set(touching["transmitter"].dropna())
        | set(mechanisms.loc[mechanisms["region"] == region, "substance"])
    )


def selection_note(content: Content, view: ViewState, substances: set[str]) -> html.P | None:
    """A line saying what the highlighted rows are linked to."""
    if view.select is None:
        return None
    if view.select.kind == "region":
        name = content.region(view.select.id).name(view.lang)
    else:
        name = local(content.tables["connections"].set_index("id").loc[view.select.id], "name", view.lang)
    if substances:
        listed = "、".join if view.lang == "zh" else ", ".join
        text = translate(
            "document.linked",
            view.lang,
            name=name,
            substances=listed(translate(f"transmitter.{s}", view.lang) for s in sorted(substances)),
        )
    else:
        text = translate("document.not_linked", view.lang, name=name)
    return html.P(text, className="selection-note")
