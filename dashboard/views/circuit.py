"""The circuit diagram view."""

from __future__ import annotations

from dash import Input, Output, dcc, html, no_update

from dashboard import ids
from dashboard.figures.brain3d import SceneData
from dashboard.figures.circuit import circuit_figure
from dashboard.figures.style import BLANK_FIGURE
from dashboard.state import ViewState

__all__ = ["layout", "register_callbacks"]

GRAPH_CONFIG = {"displaylogo": False, "displayModeBar": False}


def layout() -> html.Section:
    return html.Section(
        id=ids.pane_view("circuit"),
        className="view view-circuit",
        style={"display": "none"},
        children=[dcc.Graph(id=ids.CIRCUIT_GRAPH, figure=BLANK_FIGURE, config=GRAPH_CONFIG, className="circuit-graph")],
    )


def register_callbacks(app, scene: SceneData) -> None:
    @app.callback(Output(ids.CIRCUIT_GRAPH, "figure"), Input(ids.pane_state("circuit"), "data"), prevent_initial_call=True)
    def draw(data):
        view = ViewState.from_dict(data)
        return circuit_figure(scene, view) if view.pane == "circuit" else no_update
