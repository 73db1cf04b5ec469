"""The export control: the figure of the view shown, as PNG, SVG, PDF or HTML.

The figure is dressed for publication on the server (title, legend,
caption; see :mod:`dashboard.export`) and sent as a download named after
what it shows.
"""

from __future__ import annotations

from dash import Input, Output, State, dcc, html, no_update

from dashboard import ids
from dashboard.content import Content
from dashboard.export import DEFAULT_SIZE, ExportError, ExportRequest, file_name, publication_figure, render, view_for_pane
from dashboard.figures.brain3d import SceneData
from dashboard.figures.slices import SliceData
from dashboard.i18n import translate
from dashboard.state import ViewState
from dashboard.views.common import dropdown_labels

__all__ = ["layout", "register_callbacks", "format_options", "PNG_SCALE"]

PNG_SCALE = 3  # print resolution from the default size


def format_options(lang: str) -> list[dict]:
    return [{"label": translate(f"export.format.{fmt}", lang), "value": fmt} for fmt in ("png", "svg", "pdf", "html")]


def layout(lang: str) -> html.Div:
    return html.Div(
        className="export-bar",
        children=[
            dcc.Dropdown(id=ids.EXPORT_FORMAT, options=format_options(lang), value="png", clearable=False,
                         searchable=False, labels=dropdown_labels(lang), className="export-format"),
            dcc.Checklist(id=ids.EXPORT_OPTIONS, options=[{"label": translate("export.transparent", lang), "value": "transparent"}],
                          value=[], className="export-options"),
            html.Button(translate("export.button", lang), id=ids.EXPORT_BUTTON, n_clicks=0, className="export-button"),
            dcc.Loading(html.Span(id=ids.EXPORT_STATUS, className="export-status", role="status"), type="dot"),
            dcc.Download(id=ids.EXPORT_DOWNLOAD),
        ],
    )


def register_callbacks(app, content: Content, scene: SceneData, slices: SliceData) -> None:
    @app.callback(
        Output(ids.EXPORT_DOWNLOAD, "data"),
        Output(ids.EXPORT_STATUS, "children"),
        Input(ids.EXPORT_BUTTON, "n_clicks"),
        State(ids.EXPORT_FORMAT, "value"),
        State(ids.EXPORT_OPTIONS, "value"),
        State(ids.VIEW_STATE, "data"),
        prevent_initial_call=True,
    )
    def export(clicks, fmt, options, data):
        state = ViewState.from_dict(data)
        view = view_for_pane(state)
        if not clicks:
            return no_update, no_update
        if view is None:
            return no_update, translate("export.no_figure", state.lang)
        request = ExportRequest(view=view, state=state, transparent="transparent" in (options or []))
        width, height = DEFAULT_SIZE[view]
        try:
            figure = publication_figure(request, content, scene, slices)
            payload = render(figure, fmt, width, height, PNG_SCALE if fmt == "png" else 1)
        except ExportError as error:
            return no_update, str(error)
        name = file_name(request, fmt)
        return dcc.send_bytes(payload, name), translate("export.done", state.lang, name=name)
