"""The switch between the main views, and showing the chosen one."""

from __future__ import annotations

from dash import ALL, Input, Output, ctx, dcc

from dashboard import ids
from dashboard.i18n import translate
from dashboard.state import PANES, ViewState

__all__ = ["switch", "pane_options", "register_callbacks", "SPATIAL_PANES"]

# The views that draw regions in scenario colours, and so need the legend.
SPATIAL_PANES = ("3d", "slices", "circuit")


def pane_options(lang: str) -> list[dict]:
    return [{"label": translate(f"pane.{pane}", lang), "value": pane} for pane in PANES]


def switch(lang: str) -> dcc.RadioItems:
    return dcc.RadioItems(id=ids.PANE, options=pane_options(lang), value="3d", inline=True, className="pane-switch")


def register_callbacks(app) -> None:
    @app.callback(
        Output({"type": "pane-view", "pane": ALL}, "style"),
        Output(ids.LEGEND, "style"),
        Input(ids.VIEW_STATE, "data"),
        prevent_initial_call=True,
    )
    def show_pane(data):
        pane = ViewState.from_dict(data).pane
        styles = [{} if output["id"]["pane"] == pane else {"display": "none"} for output in ctx.outputs_list[0]]
        return styles, {} if pane in SPATIAL_PANES else {"display": "none"}
