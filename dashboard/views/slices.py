"""The slices view: three orthogonal slices, their sliders and what is under the cursor."""

from __future__ import annotations

from dash import ALL, Input, Output, dcc, html, no_update

from atlas.lookup import AtlasLookup
from dashboard import ids
from dashboard.content import Content
from dashboard.figures.brain3d import SceneData
from dashboard.figures.slices import PLANES, SliceData, slice_colors, slice_figure
from dashboard.figures.style import BLANK_FIGURE
from dashboard.i18n import translate
from dashboard.state import ViewState

__all__ = ["layout", "register_callbacks", "where_readout"]

GRAPH_CONFIG = {"displaylogo": False, "displayModeBar": False, "scrollZoom": False}


def layout(slices: SliceData, lang: str = "en") -> html.Section:
    low, high = slices.bounds
    cells = []
    for plane in ids.SLICE_PLANES:
        axis = PLANES[plane][0]
        cells.append(
            html.Div(
                className="slice-cell",
                children=[
                    dcc.Graph(id=ids.slice_graph(plane), figure=BLANK_FIGURE, config=GRAPH_CONFIG, className="slice-graph"),
                    dcc.Slider(
                        id=ids.slice_slider(plane),
                        min=int(low[axis]),
                        max=int(high[axis]),
                        step=1,
                        value=ViewState().cursor[axis],
                        marks=None,
                        tooltip={"placement": "bottom", "always_visible": False},
                    ),
                ],
            )
        )
    return html.Section(
        id=ids.pane_view("slices"),
        className="view view-slices",
        style={"display": "none"},
        children=[
            html.Div(className="slice-row", children=cells),
            html.Div(
                className="slice-options",
                children=[
                    dcc.Checklist(
                        id=ids.RADIOLOGICAL,
                        options=[{"label": translate("slices.radiological", lang), "value": "radiological"}],
                        value=[],
                        className="toggles",
                    ),
                    html.Span(translate("slices.hint", lang), id=ids.text("slices.hint"), className="muted"),
                ],
            ),
            html.Div(id=ids.WHERE_READOUT, className="where-readout", **{"aria-live": "polite"}),
        ],
    )


def where_readout(lookup: AtlasLookup, content: Content, view: ViewState) -> list:
    """What the atlases say at the cursor, as text with a link to a dashboard region."""
    lang = view.lang
    result = lookup.where(*view.cursor)
    x, y, z = view.cursor
    parts = [html.Strong(translate("slices.at", lang, x=x, y=y, z=z))]
    if result.outside:
        return parts + [html.Span(translate("slices.outside", lang))]
    ho = ", ".join(f"{p}% {label.replace('_', ' ')}" for label, p in result.harvard_oxford) or translate("slices.nothing", lang)
    parts += [
        html.Span(f"Harvard-Oxford: {ho}"),
        html.Span(f"AAL3: {result.aal3 or translate('slices.nothing', lang)}"),
    ]
    regions = list(dict.fromkeys(key.split(":")[0] for key in result.structures))
    for index, region_id in enumerate(regions):
        parts.append(
            html.Button(
                content.region(region_id).name(lang),
                id=ids.select_link(f"region:{region_id}", 1000 + index),
                className="link",
                n_clicks=0,
            )
        )
    return parts


def register_callbacks(app, content: Content, scene: SceneData, slices: SliceData, lookup: AtlasLookup) -> None:
    @app.callback(
        Output({"type": "slice-graph", "plane": ALL}, "figure"),
        Output(ids.WHERE_READOUT, "children"),
        Input(ids.pane_state("slices"), "data"),
        prevent_initial_call=True,
    )
    def draw(data):
        view = ViewState.from_dict(data)
        if view.pane != "slices":
            return [no_update] * len(ids.SLICE_PLANES), no_update
        colors, outlined = slice_colors(scene, view)
        figures = [
            slice_figure(slices, plane, view.cursor, colors, outlined, view.radiological, view.lang)
            for plane in ids.SLICE_PLANES
        ]
        return figures, where_readout(lookup, content, view)
