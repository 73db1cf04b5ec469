"""The 3D view: its layout (callbacks arrive with the explorer)."""

from __future__ import annotations

import plotly.graph_objects as go
from dash import dcc, html

from dashboard import ids
from dashboard.i18n import translate

__all__ = ["layout"]

# Static export is done by our own export view; the toolbar keeps only
# what helps exploring a scene.
GRAPH_CONFIG = {
    "displaylogo": False,
    "scrollZoom": True,
    "modeBarButtonsToRemove": ["toImage", "resetCameraLastSave3d"],
}


def layout(figure: go.Figure, lang: str = "en") -> html.Section:
    return html.Section(
        className="view view-brain3d",
        **{"aria-label": translate("brain3d.title", lang)},
        children=[
            dcc.Graph(
                id=ids.BRAIN3D_GRAPH,
                figure=figure,
                config=GRAPH_CONFIG,
                className="brain3d-graph",
                style={"height": "100%"},
            )
        ],
    )
