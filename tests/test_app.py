"""The Dash app, its figure builders and its callbacks, without a browser."""

import json
import re

import numpy as np
import pytest

from dashboard import ids
from dashboard.app import create_app
from dashboard.figures.brain3d import CAMERAS, brain_figure, camera_for, selection_for_trace
from dashboard.figures.scenario import DIRECTION_STYLE
from dashboard.state import Selection, ViewState
from dashboard.views.brain3d import figure_patch


def walk(component):
    yield component
    children = getattr(component, "children", None)
    if children is None:
        return
    for child in children if isinstance(children, (list, tuple)) else [children]:
        if hasattr(child, "to_plotly_json"):
            yield from walk(child)


def structures(figure, scene):
    return {trace.meta: trace for trace in figure.data if trace.meta in scene.keys}


def test_layout_lists_and_draws_every_region(resources, content, scene):
    app = create_app(resources)
    components = list(walk(app.layout))
    listed = {c.id["region"] for c in components if isinstance(getattr(c, "id", None), dict) and c.id["type"] == "select-region"}
    assert listed == set(content.region_ids)
    graph = next(c for c in components if getattr(c, "id", None) == ids.BRAIN3D_GRAPH)
    drawn = {meta.split(":")[0] for meta in structures(graph.figure, scene)}
    assert drawn == set(content.region_ids)
    assert app.title == "brain-circuits"


def test_callbacks_are_wired_to_the_state(resources):
    app = create_app(resources)
    inputs = {
        json.loads(item["id"])["type"] if item["id"].startswith("{") else item["id"]
        for callback in app.callback_map.values()
        for item in callback["inputs"]
    }
    assert {ids.URL, ids.SCENARIO, ids.BRAIN3D_GRAPH, "select-region", "select-link", ids.VIEW_STATE} <= inputs
    # citations open their source; drug buttons and the drug chart choose a comparison
    assert {"cite", "choose-scenario", "document-graph"} <= inputs
    outputs = " ".join(app.callback_map)
    for pane in ("neurochem", "drugs", "protocol", "risks"):
        assert f'"pane":"{pane}"' in outputs.replace(" ", ""), pane
    sync = next(key for key in app.callback_map if key.startswith(f"..{ids.URL}.search"))
    assert f"{ids.VIEW_STATE}.data" in sync


def test_baseline_keeps_identity_colours_and_scenarios_colour_by_change(scene, content):
    baseline = structures(brain_figure(scene, ViewState()), scene)
    assert baseline["amygdala:left"].color == content.region("amygdala").color
    acute = structures(brain_figure(scene, ViewState(scenario="mdma-acute")), scene)
    assert acute["amygdala:left"].color == DIRECTION_STYLE["down"].color
    assert acute["raphe-dorsal:midline"].color == DIRECTION_STYLE["up"].color
    assert "▼" in acute["amygdala:left"].hovertemplate
    ptsd = structures(brain_figure(scene, ViewState(scenario="ptsd")), scene)
    assert ptsd["amygdala:left"].color == DIRECTION_STYLE["none"].color
    assert "no claim" in ptsd["amygdala:left"].hovertemplate


def test_connections_encode_direction_without_hue(scene):
    figure = brain_figure(scene, ViewState(scenario="mdma-therapy"))
    lines = {t.meta: t for t in figure.data if (t.meta or "").startswith("connection:")}
    assert lines["connection:amygdala-insula"].line.dash == "dash"
    assert lines["connection:mesolimbic"].line.dash == "solid"
    assert lines["connection:mesolimbic"].line.width > lines["connection:amygdala-insula"].line.width
    arrows = [t.meta for t in figure.data if (t.meta or "").startswith("arrow:")]
    assert "arrow:mesolimbic" in arrows and "arrow:amygdala-insula" not in arrows
    labels = [annotation.text for annotation in figure.layout.scene.annotations]
    assert "Amygdala ▼" in labels
    # the selected region's name is bold; hidden labels leave no annotation behind
    selected = brain_figure(scene, ViewState(scenario="mdma-therapy", select=Selection("region", "amygdala")))
    assert "<b>Amygdala ▼</b>" in [annotation.text for annotation in selected.layout.scene.annotations]
    assert brain_figure(scene, ViewState(labels=False)).layout.scene.annotations == ()
    assert "neurotransmitter" not in lines["connection:mesolimbic"].hovertemplate
    assert "dopamine" in lines["connection:mesolimbic"].hovertemplate


def test_curves_bow_above_the_straight_line(scene):
    for _, _, points in scene.segments:
        straight_mid = (points[0] + points[-1]) / 2
        assert points[len(points) // 2][2] > straight_mid[2] + 3


def test_selection_highlights_and_clicks_map_back(scene):
    figure = brain_figure(scene, ViewState(select=Selection("region", "vta")))
    meshes = structures(figure, scene)
    assert meshes["vta:left"].opacity == 1 and meshes["amygdala:left"].opacity < 0.5
    for index, trace in enumerate(figure.data):
        target = selection_for_trace(scene, index)
        if trace.meta in scene.keys:
            assert target == Selection("region", trace.meta.split(":")[0])
        elif (trace.meta or "").startswith(("connection:", "arrow:")):
            assert target == Selection("connection", trace.meta.split(":")[1])
        else:
            assert target is None


def test_chinese_figure_uses_chinese_names(scene):
    figure = brain_figure(scene, ViewState(lang="zh", scenario="mdma-acute"))
    assert "杏仁核（右）" in structures(figure, scene)["amygdala:right"].hovertemplate
    assert "降低" in structures(figure, scene)["amygdala:right"].hovertemplate


def test_patch_sends_no_meshes_and_stays_small(scene):
    patch = figure_patch(scene, ViewState(scenario="ptsd", select=Selection("region", "insula")))
    payload = json.dumps(patch.to_plotly_json(), default=lambda value: np.asarray(value).tolist())
    assert len(payload) < 30_000, len(payload)
    assert '"vertices"' not in payload
    # the only geometry re-sent is the arrowheads' few triangles, never a region or the brain
    sent = [part.split("]")[0].count(",") + 1 for part in payload.split('"i": [')[1:]]
    assert sent and all(faces <= 64 for faces in sent), sent


def test_meshes_travel_as_compact_typed_arrays(scene):
    figure = brain_figure(scene)
    trace = figure.data[1]
    assert np.asarray(trace.x).dtype == np.float32
    assert np.asarray(trace.i).dtype == np.uint16
    assert "bdata" in json.loads(figure.to_json())["data"][1]["x"]


def test_the_context_menu_starts_empty_and_its_structures_wait_in_a_store(resources):
    layout = json.loads(create_app(resources).server.test_client().get("/_dash-layout").get_data(as_text=True))
    found = {}

    def walk(node):
        if isinstance(node, dict):
            if node.get("props", {}).get("id") in (ids.EXTRA, ids.EXTRA_OPTIONS):
                found[node["props"]["id"]] = node["props"]
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(layout)
    assert found[ids.EXTRA]["options"] == []
    assert len(found[ids.EXTRA_OPTIONS]["data"]) > 200
    assert {"label": "Left Thalamus · Harvard-Oxford", "value": "harvard-oxford:Left_Thalamus"} in found[ids.EXTRA_OPTIONS]["data"]


def test_scene_axes_draw_nothing_and_carry_no_text(scene):
    scene_layout = brain_figure(scene).layout.scene
    for axis in (scene_layout.xaxis, scene_layout.yaxis, scene_layout.zaxis):
        # hidden by drawing nothing, not by visible=False (which still vectorises x, y, z and ticks)
        assert axis.visible is not False
        assert axis.title.text == "" and axis.tickvals == () and axis.tickmode == "array"
        assert not any((axis.showline, axis.showgrid, axis.zeroline, axis.showbackground, axis.showspikes, axis.showticklabels))
        assert axis.ticks == ""


@pytest.mark.parametrize("preset", ["left", "right", "front", "top", "bottom", "oblique", "circuit"])
def test_every_camera_preset_is_defined(scene, preset):
    camera = camera_for(preset, scene)
    assert set(camera) == {"eye", "up", "center"}
    if preset != "circuit":
        assert camera == CAMERAS[preset]


def test_app_serves_compressed_pages(resources):
    client = create_app(resources).server.test_client()
    page = client.get("/")
    assert page.status_code == 200 and b"brain-circuits" in page.data
    layout = client.get("/_dash-layout", headers={"Accept-Encoding": "gzip"})
    assert layout.status_code == 200 and layout.headers.get("Content-Encoding") == "gzip"
    assert client.get("/assets/style.css").status_code == 200


def test_arrowhead_is_a_closed_cone_pointing_along_its_direction():
    from dashboard.figures.brain3d import arrowhead

    tip, direction = np.array([10.0, 0, 0]), np.array([0, 0, 7.0])
    mesh = arrowhead(tip, direction, sides=8)
    assert np.allclose(mesh.vertices[0], tip)
    assert np.allclose(mesh.vertices[1:, 2], -7.0)  # the base sits one length behind the tip
    # closed: every edge is shared by exactly two faces
    edges = np.sort(np.vstack([mesh.faces[:, [0, 1]], mesh.faces[:, [1, 2]], mesh.faces[:, [2, 0]]]), axis=1)
    _, counts = np.unique(edges, axis=0, return_counts=True)
    assert set(counts) == {2}


def test_the_layout_is_served_from_memory_compressed_and_as_dash_builds_it(resources):
    import gzip

    from dash._utils import to_json

    app = create_app(resources)
    client = app.server.test_client()
    first = client.get("/_dash-layout", headers={"Accept-Encoding": "gzip"})
    second = client.get("/_dash-layout", headers={"Accept-Encoding": "gzip"})
    plain = client.get("/_dash-layout")
    assert first.headers["Content-Encoding"] == "gzip" and first.headers["Vary"] == "Accept-Encoding"
    assert first.get_data() == second.get_data()
    assert "Content-Encoding" not in plain.headers
    assert gzip.decompress(first.get_data()) == plain.get_data() == to_json(app.get_layout()).encode()
    assert json.loads(plain.get_data())["props"]["id"] == ids.APP_SHELL
    assert first.headers["Content-Security-Policy"].startswith("default-src 'self'")


def test_the_page_preloads_what_dash_fetches_once_its_scripts_have_run(resources):
    # the browser test of the first load checks that each is fetched once, from the preload
    from pathlib import Path

    import dash

    from dashboard.serving import PRELOADED_CHUNKS

    client = create_app(resources).server.test_client()
    head = client.get("/").get_data(as_text=True).split("</head>")[0]
    preloaded = re.findall(r'<link rel="preload" href="([^"]+)" as="(\w+)"', head)
    assert ("/_dash-layout", "fetch") in preloaded and ("/_dash-dependencies", "fetch") in preloaded
    for chunk in PRELOADED_CHUNKS:
        assert (f"/_dash-component-suites/{chunk}", "script") in preloaded
        # a Dash upgrade that renames dcc's chunks fails here, not as a wasted download
        assert (Path(dash.__file__).parent / chunk.removeprefix("dash/")).is_file(), chunk
        assert client.get(f"/_dash-component-suites/{chunk}").status_code == 200
