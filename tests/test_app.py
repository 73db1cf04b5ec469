"""The Dash app and its figure builders, without a browser."""

import json

import numpy as np
import plotly.graph_objects as go

from dashboard import ids
from dashboard.app import create_app
from dashboard.figures.brain3d import CAMERAS, brain_figure


def walk(component):
    yield component
    children = getattr(component, "children", None)
    if children is None:
        return
    for child in children if isinstance(children, (list, tuple)) else [children]:
        if hasattr(child, "to_plotly_json"):
            yield from walk(child)


def test_layout_lists_and_draws_every_region(resources, content):
    app = create_app(resources)
    components = list(walk(app.layout))
    listed = {c.id["region"] for c in components if isinstance(getattr(c, "id", None), dict)}
    assert listed == set(content.region_ids)
    graph = next(c for c in components if getattr(c, "id", None) == ids.BRAIN3D_GRAPH)
    drawn = {trace.meta.split(":")[0] for trace in graph.figure.data if trace.meta != "glass-brain"}
    assert drawn == set(content.region_ids)
    assert app.title == "brain-circuits"


def test_figure_names_each_mesh_on_hover(resources, content):
    store = resources.store
    figure = brain_figure(store.glass_brain, store.structure_meshes(), store.stats, content.regions)
    assert isinstance(figure, go.Figure)
    glass, *regions = figure.data
    assert glass.hoverinfo == "skip" and glass.opacity < 0.3
    amygdala = next(t for t in regions if t.meta == "amygdala:left")
    assert "Amygdala (left)" in amygdala.hovertemplate
    assert amygdala.color == content.region("amygdala").color
    assert figure.layout.scene.camera.eye.x == CAMERAS["oblique"]["eye"]["x"]


def test_figure_in_chinese_uses_the_chinese_names(resources, content):
    store = resources.store
    figure = brain_figure(store.glass_brain, store.structure_meshes(), store.stats, content.regions, lang="zh")
    amygdala = next(t for t in figure.data if t.meta == "amygdala:right")
    assert "杏仁核(右)" in amygdala.hovertemplate


def test_meshes_travel_as_compact_typed_arrays(resources, content):
    store = resources.store
    figure = brain_figure(store.glass_brain, store.structure_meshes(), store.stats, content.regions)
    trace = figure.data[1]
    assert np.asarray(trace.x).dtype == np.float32
    assert np.asarray(trace.i).dtype == np.uint16
    payload = json.loads(figure.to_json())
    assert "bdata" in payload["data"][1]["x"], "vertices should be sent as base64 typed arrays"


def test_app_serves_compressed_pages(resources):
    client = create_app(resources).server.test_client()
    page = client.get("/")
    assert page.status_code == 200 and b"brain-circuits" in page.data
    layout = client.get("/_dash-layout", headers={"Accept-Encoding": "gzip"})
    assert layout.status_code == 200 and layout.headers.get("Content-Encoding") == "gzip"
    css = client.get("/assets/style.css")
    assert css.status_code == 200
