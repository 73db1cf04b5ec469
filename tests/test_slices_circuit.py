"""The 2D builders: slices and the circuit diagram, without a browser."""

import numpy as np
import pytest

from dashboard.figures.circuit import NODE_POSITIONS, circuit_figure
from dashboard.figures.scenario import DIRECTION_STYLE
from dashboard.figures.slices import SliceData, click_to_mni, slice_figure, slice_rgb
from dashboard.state import Selection, ViewState


@pytest.fixture(scope="module")
def slices(store):
    template, affine = store.template()
    labels, keys = store.template_labels()
    return SliceData(template=template, labels=labels, keys=tuple(keys), affine=affine)


def rgb_at(data, plane, cursor, colors, outlined, horizontal_mm, vertical_mm):
    image = slice_rgb(data, plane, cursor[{"axial": 2, "coronal": 1, "sagittal": 0}[plane]], colors, outlined)
    low, _ = data.bounds
    axes = {"axial": (0, 1), "coronal": (0, 2), "sagittal": (1, 2)}[plane]
    column = int(round(horizontal_mm - low[axes[0]]))
    row = int(round(vertical_mm - low[axes[1]]))
    return image[row, column]


def test_template_labels_match_the_structures(slices, store):
    counts = np.bincount(np.asarray(slices.labels).ravel(), minlength=len(slices.keys) + 1)
    for value, key in enumerate(slices.keys, start=1):
        assert counts[value] == store.stats[key].voxels, key


@pytest.mark.parametrize("plane", ["axial", "coronal", "sagittal"])
def test_the_right_voxels_are_coloured(slices, plane):
    # the left amygdala at its centre, coloured pure red, is red on every plane
    cursor = (-23, -5, -18)
    red = {"amygdala:left": "#FF0000"}
    horizontal, vertical = {"axial": (-23, -5), "coronal": (-23, -18), "sagittal": (-5, -18)}[plane]
    pixel = rgb_at(slices, plane, cursor, red, set(), horizontal, vertical)
    assert pixel[0] > 150 and pixel[1] < 90 and pixel[2] < 90, pixel
    # the right hemisphere's mirror point is not the left amygdala
    if plane != "sagittal":
        mirror = rgb_at(slices, plane, cursor, red, set(), 23, vertical)
        assert abs(int(mirror[0]) - int(mirror[1])) < 30, mirror


def test_selected_structures_are_outlined(slices):
    colors = {"amygdala:left": "#FF0000"}
    plain = slice_rgb(slices, "axial", -18, colors, set())
    outlined = slice_rgb(slices, "axial", -18, colors, {"amygdala:left"})
    changed = np.any(plain != outlined, axis=2)
    assert 10 < changed.sum() < 400
    assert np.all(outlined[changed] == 17)


def test_small_nuclei_are_visible_through_their_centroids(slices, store):
    for key in ("vta:left", "raphe-dorsal:midline", "raphe-median:midline", "locus-coeruleus:right"):
        x, y, z = store.stats[key].centroid_mni
        value = slices.keys.index(key) + 1
        for axis, mm in enumerate((x, y, z)):
            plane = np.take(np.asarray(slices.labels), slices.index(axis, mm), axis=axis)
            assert (plane == value).sum() >= 3, (key, axis)


def test_clicks_map_back_to_mni(slices):
    assert click_to_mni("axial", (1, 2, -18), -23.4, -4.6) == (-23, -5, -18)
    assert click_to_mni("coronal", (1, -5, 3), 10, -18) == (10, -5, -18)
    assert click_to_mni("sagittal", (-23, 0, 0), -5, -18) == (-23, -5, -18)


def test_slice_axes_follow_the_conventions(slices):
    neurological = slice_figure(slices, "axial", (0, 0, 0), {}).layout.xaxis.range
    radiological = slice_figure(slices, "axial", (0, 0, 0), {}, radiological=True).layout.xaxis.range
    assert neurological[0] < neurological[1] and radiological[0] > radiological[1]
    sagittal = slice_figure(slices, "sagittal", (0, 0, 0), {}).layout.xaxis.range
    assert sagittal[0] > sagittal[1], "anterior is drawn on the left"
    marks = [a.text for a in slice_figure(slices, "axial", (0, 0, 0), {}, radiological=True).layout.annotations]
    assert marks[:2] == ["R", "L"]


def test_circuit_has_every_region_and_pathway(scene, content):
    figure = circuit_figure(scene, ViewState(scenario="mdma-therapy", select=Selection("region", "amygdala")))
    nodes = next(t for t in figure.data if t.meta == "nodes")
    assert set(nodes.customdata) == {f"region:{r}" for r in content.region_ids}
    assert set(NODE_POSITIONS) == set(content.region_ids)
    lines = {t.meta: t for t in figure.data if (t.meta or "").startswith("connection:")}
    assert lines["connection:amygdala-insula"].line.dash == DIRECTION_STYLE["down"].dash
    assert lines["connection:mesolimbic"].line.color == DIRECTION_STYLE["up"].color
    texts = [a.text for a in figure.layout.annotations]
    assert "<i>dopamine</i>" in texts and "<i>serotonin</i>" in texts
    arrows = [a for a in figure.layout.annotations if a.showarrow]
    assert len(arrows) == 2, "one arrowhead per directed pathway"
    widths = dict(zip(nodes.customdata, nodes.marker.line.width))
    assert widths["region:amygdala"] > widths["region:insula"]


def test_circuit_in_chinese(scene):
    figure = circuit_figure(scene, ViewState(lang="zh", scenario="ptsd"))
    nodes = next(t for t in figure.data if t.meta == "nodes")
    assert "杏仁核" in nodes.text
    assert "<i>多巴胺</i>" in [a.text for a in figure.layout.annotations]
