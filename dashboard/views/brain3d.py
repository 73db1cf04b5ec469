"""The 3D view(s): layout, partial updates, comparison and camera.

The meshes are sent once, with the page. A change of scenario, selection,
language or display sends a ``Patch`` of colours, opacities, hover texts and
the small overlay traces; a camera preset sends only the camera.
"""

from __future__ import annotations

from dash import ClientsideFunction, Input, Output, Patch, State, dcc, html, no_update

from dashboard import ids
from dashboard.content import Content
from dashboard.figures.brain3d import (
    SceneData,
    brain_figure,
    camera_for,
    extra_trace,
    label_annotations,
    overlay_traces,
    structure_styles,
)
from dashboard.figures.scenario import DIRECTION_STYLE
from dashboard.figures.style import BLANK_FIGURE
from dashboard.i18n import translate
from dashboard.state import ViewState

__all__ = ["layout", "legend", "register_callbacks", "figure_patch", "GRAPH_CONFIG"]

GRAPH_CONFIG = {
    "displaylogo": False,
    "scrollZoom": True,
    "modeBarButtonsToRemove": ["toImage", "resetCameraLastSave3d"],
}
LEGEND_ENTRIES = ("up", "down", "unchanged", "mixed", "none")


# The class that keeps a graph drawn while its view is hidden (assets/hidden-graphs.js
# otherwise draws a graph first when its view is shown): the main 3D view follows every
# selection even behind the slices or the diagram (panes.GATED_PANES leaves it out).
ALWAYS_DRAWN = "always-drawn"


def _graph(graph_id: str, figure, always_drawn: bool = False) -> dcc.Graph:
    class_name = f"brain3d-graph {ALWAYS_DRAWN}" if always_drawn else "brain3d-graph"
    return dcc.Graph(id=graph_id, figure=figure, config=GRAPH_CONFIG, className=class_name)


def legend(lang: str) -> html.Ul:
    """What colours, glyphs and line styles mean; shared by the 3D view and the diagram."""
    items = []
    for direction in LEGEND_ENTRIES:
        style = DIRECTION_STYLE[direction]
        key = f"direction.{direction}"
        items.append(
            html.Li(
                className="legend-item",
                children=[
                    html.Span(style.glyph or "·", className="legend-glyph", style={"backgroundColor": style.color}),
                    html.Span(translate(key, lang), id=ids.text(key)),
                ],
            )
        )
    for key in ("legend.line_up", "legend.line_down", "legend.arrow"):
        items.append(html.Li(className="legend-item legend-line", children=html.Span(translate(key, lang), id=ids.text(key))))
    return html.Ul(id=ids.LEGEND, className="legend", children=items, **{"aria-label": translate("legend.title", lang)})


def layout(scene: SceneData, caption: str, lang: str = "en") -> html.Section:
    """The 3D view drawn in the default view state; ``caption`` names its scenario."""
    return html.Section(
        className="view view-brain3d",
        **{"aria-label": translate("brain3d.title", lang)},
        children=[
            html.Div(
                className="brain3d-views",
                children=[
                    html.Div(
                        className="brain3d-pane",
                        children=[html.Div(caption, id=ids.MAIN_CAPTION, className="pane-caption"), _graph(ids.BRAIN3D_GRAPH, brain_figure(scene, ViewState(lang=lang)), always_drawn=True)],
                    ),
                    html.Div(
                        id=ids.COMPARE_VIEW,
                        className="brain3d-pane",
                        style={"display": "none"},
                        children=[
                            html.Div(id=ids.COMPARE_CAPTION, className="pane-caption"),
                            # Filled with the meshes the first time a comparison is asked for.
                            _graph(ids.COMPARE_GRAPH, BLANK_FIGURE),
                        ],
                    ),
                ],
            ),
            dcc.Store(id=ids.COMPARE_LOADED, data=False),
            dcc.Store(id=ids.COMPARE_STATE),
        ],
    )


def figure_patch(scene: SceneData, view: ViewState) -> Patch:
    """The changes a view state makes to an already drawn brain figure."""
    patch = Patch()
    patch["data"][0]["visible"] = view.glass
    patch["data"][0]["opacity"] = view.opacity
    patch["data"][0]["name"] = translate("brain3d.glass_brain", view.lang)
    for index, style in enumerate(structure_styles(scene, view), start=1):
        for name, value in style.items():
            patch["data"][index][name] = value
    for index, trace in enumerate(overlay_traces(scene, view), start=1 + len(scene.keys)):
        patch["data"][index] = trace
    patch["layout"]["scene"]["annotations"] = label_annotations(scene, view)
    return patch


def _patch_both(compare_loaded: bool, apply) -> tuple:
    """The same change for the main view and, once it is drawn, the comparison."""
    patches = []
    for _ in range(2):
        patch = Patch()
        apply(patch)
        patches.append(patch)
    return patches[0], patches[1] if compare_loaded else no_update


def register_callbacks(app, scene: SceneData, content: Content, extras) -> None:
    """Wire the 3D views; ``extras`` is the :class:`atlas.extra.ExtraStructures`."""

    def context_meshes(keys) -> list:
        return [(key, extras.mesh(key)) for key in keys]

    @app.callback(
        Output(ids.BRAIN3D_GRAPH, "figure"),
        Output(ids.MAIN_CAPTION, "children"),
        Input(ids.VIEW_STATE, "data"),
        prevent_initial_call=True,
    )
    def update_main(data):
        view = ViewState.from_dict(data)
        return figure_patch(scene, view), content.scenario_name(view.scenario, view.lang)

    # assets/panes.js: the view state reaches the comparison only while one is asked for
    app.clientside_callback(
        ClientsideFunction(namespace="panes", function_name="compare"),
        Output(ids.COMPARE_STATE, "data"),
        Input(ids.VIEW_STATE, "data"),
        State(ids.COMPARE_VIEW, "style"),
        prevent_initial_call=True,
    )

    @app.callback(
        Output(ids.COMPARE_GRAPH, "figure"),
        Output(ids.COMPARE_LOADED, "data"),
        Output(ids.COMPARE_VIEW, "style"),
        Output(ids.COMPARE_CAPTION, "children"),
        Input(ids.COMPARE_STATE, "data"),
        State(ids.COMPARE_LOADED, "data"),
        prevent_initial_call=True,
    )
    def update_compare(data, loaded):
        view = ViewState.from_dict(data)
        if view.compare is None:
            return no_update, no_update, {"display": "none"}, ""
        compare = view.with_(scenario=view.compare)
        figure = figure_patch(scene, compare) if loaded else brain_figure(scene, compare, context_meshes(view.extra))
        return figure, True, {}, content.scenario_name(view.compare, view.lang)

    @app.callback(
        Output(ids.BRAIN3D_GRAPH, "figure", allow_duplicate=True),
        Output(ids.COMPARE_GRAPH, "figure", allow_duplicate=True),
        Input(ids.CAMERA_REQUEST, "data"),
        State(ids.COMPARE_LOADED, "data"),
        prevent_initial_call=True,
    )
    def move_camera(preset, compare_loaded):
        camera = camera_for(preset, scene)

        def set_camera(patch):
            patch["layout"]["scene"]["camera"] = camera

        return _patch_both(compare_loaded, set_camera)

    @app.callback(
        Output(ids.BRAIN3D_GRAPH, "figure", allow_duplicate=True),
        Output(ids.COMPARE_GRAPH, "figure", allow_duplicate=True),
        Input(ids.EXTRA_REQUEST, "data"),
        State(ids.COMPARE_LOADED, "data"),
        prevent_initial_call=True,
    )
    def show_context(keys, compare_loaded):
        trace = extra_trace(context_meshes(keys or [])).to_plotly_json()

        def set_context(patch):
            patch["data"][scene.extra_index] = trace

        return _patch_both(compare_loaded, set_context)
