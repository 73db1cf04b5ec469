"""The switch between the main views, and which of them is drawn.

Hidden views are not redrawn: a clientside callback passes the view state on
to a view's own store only while that view is shown, so a selection in the
3D view costs no server round trip for the slices, the diagram or the
document views.
"""

from __future__ import annotations

from dash import ALL, ClientsideFunction, Input, Output, dcc

from dashboard import ids
from dashboard.i18n import translate
from dashboard.state import PANES

__all__ = ["switch", "pane_options", "stores", "register_callbacks", "SPATIAL_PANES", "GATED_PANES"]

# The views that draw regions in scenario colours, and so need the legend.
SPATIAL_PANES = ("3d", "slices", "circuit")
# The views drawn only while shown (the 3D view is always kept up to date).
GATED_PANES = tuple(pane for pane in PANES if pane != "3d")


def pane_options(lang: str) -> list[dict]:
    return [{"label": translate(f"pane.{pane}", lang), "value": pane} for pane in PANES]


def switch(lang: str) -> dcc.RadioItems:
    return dcc.RadioItems(id=ids.PANE, options=pane_options(lang), value="3d", inline=True, className="pane-switch")


def stores() -> list[dcc.Store]:
    return [dcc.Store(id=ids.pane_state(pane)) for pane in GATED_PANES]


def register_callbacks(app) -> None:
    app.clientside_callback(
        ClientsideFunction(namespace="panes", function_name="gate"),
        Output({"type": "pane-state", "pane": ALL}, "data"),
        Input(ids.VIEW_STATE, "data"),
    )
    app.clientside_callback(
        ClientsideFunction(namespace="panes", function_name="show"),
        Output({"type": "pane-view", "pane": ALL}, "style"),
        Output(ids.LEGEND, "style"),
        Input(ids.VIEW_STATE, "data"),
        prevent_initial_call=True,
    )
