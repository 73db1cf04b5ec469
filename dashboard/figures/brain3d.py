"""The 3D brain: a glass brain with region meshes inside.

Pure builders from meshes and content to ``go.Figure``; no Dash here.
Cameras, lighting and the scene are constant dicts, as in nilearn's plotly
backend, so every figure (dashboard or export) looks the same.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from atlas.meshes import Mesh
from atlas.store import StructureStats
from dashboard.content.regions import Region
from dashboard.figures.scenario import (
    BASELINE,
    DIRECTION_STYLE,
    NO_CLAIM,
    connection_directions,
    region_directions,
)
from dashboard.i18n import translate
from dashboard.figures.style import FONT
from dashboard.state import Selection, ViewState

__all__ = [
    "CAMERAS",
    "DEFAULT_CAMERA",
    "GLASS_OPACITY",
    "SceneData",
    "mesh_arrays",
    "glass_brain_trace",
    "camera_for",
    "structure_styles",
    "overlay_traces",
    "brain_figure",
    "selection_for_trace",
    "extra_trace",
    "EXTRA_COLOR",
]

# Eyes are in plotly's normalised scene units around the scene centre; up is +z (superior).
_UP = {"x": 0, "y": 0, "z": 1}
CAMERAS = {
    # Front-left and a little above: the brainstem nuclei show between the hemispheres.
    "oblique": {"eye": {"x": -0.7, "y": 1.15, "z": 0.3}, "up": _UP, "center": {"x": 0, "y": 0, "z": -0.12}},
    "left": {"eye": {"x": -1.5, "y": 0, "z": 0}, "up": _UP, "center": {"x": 0, "y": 0, "z": 0}},
    "right": {"eye": {"x": 1.5, "y": 0, "z": 0}, "up": _UP, "center": {"x": 0, "y": 0, "z": 0}},
    "front": {"eye": {"x": 0, "y": 1.5, "z": 0}, "up": _UP, "center": {"x": 0, "y": 0, "z": 0}},
    "top": {"eye": {"x": 0, "y": 0, "z": 1.5}, "up": {"x": 0, "y": 1, "z": 0}, "center": {"x": 0, "y": 0, "z": 0}},
    "bottom": {"eye": {"x": 0, "y": 0, "z": -1.5}, "up": {"x": 0, "y": 1, "z": 0}, "center": {"x": 0, "y": 0, "z": 0}},
}
DEFAULT_CAMERA = "oblique"
# The close-up preset looks at the circuit's centre from front-left, near.
CIRCUIT_EYE_DIRECTION = np.array([-0.3, 0.75, 0.6])
CIRCUIT_EYE_DISTANCE = 1.05
DIMMED_OPACITY = 0.28
EXTRA_COLOR = "#7F8C99"
EXTRA_OPACITY = 0.45
# Where each region's name sits, in screen pixels from the region (x right,
# y down): fanned out so the names of the small, close nuclei do not overlap.
LABEL_OFFSETS_PX = {
    "amygdala": (-150, 25),
    "insula": (-90, -70),
    "hippocampus": (120, -40),
    "nucleus-accumbens": (-120, -15),
    "vta": (-130, 105),
    "raphe-dorsal": (60, -95),
    "raphe-median": (135, 30),
    "locus-coeruleus": (95, 100),
}
DEFAULT_LABEL_OFFSET_PX = (0, -60)
CURVE_SAMPLES = 24
ARROW_SIZE_MM = 7.0
ARROW_RADIUS_RATIO = 0.42
ARROW_SIDES = 16

GLASS_COLOR = "#8D99AE"
GLASS_OPACITY = 0.13
# Soft studio light: enough diffuse shading to read shape, little glare.
LIGHTING = {"ambient": 0.5, "diffuse": 0.75, "specular": 0.2, "roughness": 0.6, "fresnel": 0.1}
GLASS_LIGHTING = {"ambient": 0.75, "diffuse": 0.4, "specular": 0.05, "roughness": 0.9, "fresnel": 0.4}
LIGHT_POSITION = {"x": -200, "y": 300, "z": 400}
# Axes that draw nothing. Not ``visible: False``: plotly then still turns the
# default titles (x, y, z) and the automatic tick labels into WebGL text
# meshes, about 0.3 s of the first draw. Visible axes with an empty title and
# no ticks (tickvals=[]) give it no text to vectorise.
_HIDDEN_AXIS = {
    "visible": True,
    "title": {"text": ""},
    "tickmode": "array",
    "tickvals": [],
    "showticklabels": False,
    "ticks": "",
    "showline": False,
    "showgrid": False,
    "zeroline": False,
    "showbackground": False,
    "showspikes": False,
}
SCENE = {"dragmode": "orbit", "aspectmode": "manual", "hovermode": "closest"}
SCENE_PADDING_MM = 2.0


def mesh_arrays(mesh: Mesh) -> dict:
    """Vertices and faces as the ``x y z i j k`` arrays Mesh3d takes.

    Kept as float32 and small unsigned integers: plotly sends them as
    base64 typed arrays, a third of the size of JSON numbers.
    """
    vertices, faces = mesh.vertices, mesh.faces
    return {
        "x": vertices[:, 0],
        "y": vertices[:, 1],
        "z": vertices[:, 2],
        "i": faces[:, 0],
        "j": faces[:, 1],
        "k": faces[:, 2],
    }


def scene_box(low: np.ndarray, high: np.ndarray) -> dict:
    """Axes fixed to a box (the glass brain's extent), in true proportion.

    Fixed rather than fitted to the visible data, so hiding the glass brain
    or a region never rescales or shifts the view.
    """
    extent = high - low
    ratio = extent / extent.max()
    axes = {
        f"{axis}axis": {**_HIDDEN_AXIS, "range": [float(lo), float(hi)]}
        for axis, lo, hi in zip("xyz", low, high)
    }
    return {**SCENE, **axes, "aspectratio": {axis: float(r) for axis, r in zip("xyz", ratio)}}


def _lit_mesh(mesh: Mesh, **properties) -> go.Mesh3d:
    """A Mesh3d with the scene's lighting; ``properties`` add or override."""
    return go.Mesh3d(
        **mesh_arrays(mesh),
        **{"lighting": LIGHTING, "lightposition": LIGHT_POSITION, "showlegend": False, **properties},
    )


def glass_brain_trace(mesh: Mesh, lang: str = "en", opacity: float = GLASS_OPACITY) -> go.Mesh3d:
    """The translucent outer brain; never hoverable, so it does not hide regions."""
    return _lit_mesh(
        mesh,
        name=translate("brain3d.glass_brain", lang),
        color=GLASS_COLOR,
        opacity=opacity,
        lighting=GLASS_LIGHTING,
        hoverinfo="skip",
        meta="glass-brain",
    )


@dataclass(frozen=True)
class SceneData:
    """Everything the 3D scene is drawn from: meshes and content.

    ``stats`` fixes the order of the structure traces (after the glass
    brain), so partial updates can address traces by index.
    """

    glass: Mesh
    meshes: Mapping[str, Mesh]
    stats: Mapping[str, StructureStats]
    regions: tuple[Region, ...]
    effects: pd.DataFrame
    connections: pd.DataFrame
    changes: pd.DataFrame

    @cached_property
    def keys(self) -> list[str]:
        """Structure keys in trace order."""
        known = {region.id for region in self.regions}
        return [key for key, stats in self.stats.items() if stats.region_id in known and key in self.meshes]

    @cached_property
    def extra_index(self) -> int:
        """Index of the context-structures trace: after every other trace."""
        arrows = sum(1 for _, directed, _ in self.segments if directed)
        return 1 + len(self.keys) + 1 + len(self.segments) + arrows

    @cached_property
    def connection_rows(self) -> tuple[dict, ...]:
        """The connections table as plain rows (read on every selection)."""
        return tuple(self.connections.to_dict("records"))

    @cached_property
    def arrowheads(self) -> tuple[dict | None, ...]:
        """Mesh3d arrays of each segment's arrowhead (``None`` if undirected), built once."""
        heads = []
        for _, directed, points in self.segments:
            tip, before = points[-1], points[-3]
            direction = (tip - before) / np.linalg.norm(tip - before) * ARROW_SIZE_MM
            heads.append(mesh_arrays(arrowhead(tip, direction)) if directed else None)
        return tuple(heads)

    @cached_property
    def region_by_id(self) -> dict[str, Region]:
        return {region.id: region for region in self.regions}

    @cached_property
    def box(self) -> tuple[np.ndarray, np.ndarray]:
        low = self.glass.vertices.min(axis=0) - SCENE_PADDING_MM
        high = self.glass.vertices.max(axis=0) + SCENE_PADDING_MM
        return low, high

    def region_anchor(self, region_id: str) -> np.ndarray:
        """Where a region's label sits: its left (or only) structure's centroid."""
        structures = [self.stats[key] for key in self.keys if self.stats[key].region_id == region_id]
        first = sorted(structures, key=lambda s: {"left": 0, "midline": 1, "right": 2}[s.hemisphere])[0]
        return np.array(first.centroid_mni)

    @cached_property
    def segments(self) -> list[tuple[str, bool, np.ndarray]]:
        """Each connection per hemisphere: (connection id, directed, curve points).

        Paired regions connect on the same side; a midline region connects
        to both sides. Curves bow upwards and outwards from the midpoint so
        they arc over the structures instead of running through them.
        """
        segments = []
        for row in self.connection_rows:
            for start, end in self._hemisphere_pairs(row["from_region"], row["to_region"]):
                segments.append((row["id"], row["directed"] == "true", _bezier(start, end)))
        return segments

    def _hemisphere_pairs(self, source: str, target: str):
        def centroids(region_id):
            return {
                self.stats[key].hemisphere: np.array(self.stats[key].centroid_mni)
                for key in self.keys
                if self.stats[key].region_id == region_id
            }

        a, b = centroids(source), centroids(target)
        if "midline" in a or "midline" in b:
            return [(pa, pb) for pa in a.values() for pb in b.values()]
        return [(a[side], b[side]) for side in ("left", "right") if side in a and side in b]


def _bezier(start: np.ndarray, end: np.ndarray, samples: int = CURVE_SAMPLES) -> np.ndarray:
    middle = (start + end) / 2
    outward = np.array([np.sign(middle[0]) * 0.3 if abs(middle[0]) > 3 else 0.0, 0.0, 1.0])
    control = middle + outward * (0.35 * np.linalg.norm(end - start) + 6.0)
    t = np.linspace(0.0, 1.0, samples)[:, None]
    return ((1 - t) ** 2 * start + 2 * (1 - t) * t * control + t**2 * end).astype(np.float32)


def camera_for(preset: str, scene: SceneData) -> dict:
    """A camera dict for a preset; ``circuit`` is computed from the meshes."""
    if preset != "circuit":
        return CAMERAS.get(preset, CAMERAS[DEFAULT_CAMERA])
    low, high = scene.box
    extent = high - low
    ratio = extent / extent.max()
    centroids = np.array([scene.stats[key].centroid_mni for key in scene.keys])
    centre = (centroids.mean(axis=0) - (low + high) / 2) / extent * ratio
    direction = CIRCUIT_EYE_DIRECTION / np.linalg.norm(CIRCUIT_EYE_DIRECTION)
    eye = centre + direction * CIRCUIT_EYE_DISTANCE
    return {
        "eye": dict(zip("xyz", map(float, eye))),
        "center": dict(zip("xyz", map(float, centre))),
        "up": _UP,
    }


def _selected_regions(scene: SceneData, view: ViewState) -> set[str]:
    if view.select is None:
        return set()
    if view.select.kind == "region":
        return {view.select.id}
    return {row[end] for row in scene.connection_rows if row["id"] == view.select.id for end in ("from_region", "to_region")}


def _name(region: Region, hemisphere: str, lang: str) -> str:
    return translate("brain3d.hover", lang, name=region.name(lang), hemisphere=translate(f"hemisphere.{hemisphere}", lang))


def structure_styles(scene: SceneData, view: ViewState) -> list[dict]:
    """Colour, opacity and hover text of each structure trace, in trace order.

    In the baseline, regions keep their identity colours (anatomy); in any
    other scenario they take the colour of their change, and a region the
    documents say nothing about stays neutral and says so on hover.
    """
    directions = region_directions(scene.effects, view.scenario)
    highlighted = _selected_regions(scene, view)
    styles = []
    for key in scene.keys:
        stats = scene.stats[key]
        region = scene.region_by_id[stats.region_id]
        name = _name(region, stats.hemisphere, view.lang)
        atlas = translate(f"regions.atlas.{stats.atlas}", view.lang, threshold=stats.threshold or 0)
        if view.scenario == BASELINE:
            color, change = region.color, translate("brain3d.baseline", view.lang)
        else:
            direction = directions.get(region.id, NO_CLAIM)
            style = DIRECTION_STYLE[direction]
            color = style.color
            change = f"{style.glyph} {translate(f'direction.{direction}', view.lang)}".strip()
        opacity = 1.0 if not highlighted or region.id in highlighted else DIMMED_OPACITY
        styles.append(
            {
                "color": color,
                "opacity": opacity,
                "name": name,
                "hovertemplate": f"<b>{name}</b><br>{change}<br><i>{atlas}: {stats.label}</i><extra></extra>",
            }
        )
    return styles


def structure_trace(mesh: Mesh, style: dict, key: str) -> go.Mesh3d:
    return _lit_mesh(mesh, **style, flatshading=False, meta=key)


def _label_places(scene: SceneData, view: ViewState) -> list[tuple[str, np.ndarray, str]]:
    """(region id, anchor, text) per drawn region."""
    directions = region_directions(scene.effects, view.scenario)
    highlighted = _selected_regions(scene, view)
    places = []
    for region in scene.regions:
        if not any(scene.stats[key].region_id == region.id for key in scene.keys):
            continue
        glyph = "" if view.scenario == BASELINE else DIRECTION_STYLE[directions.get(region.id, NO_CLAIM)].glyph
        text = f"{region.name(view.lang)} {glyph}".strip()
        places.append((region.id, scene.region_anchor(region.id), f"<b>{text}</b>" if region.id in highlighted else text))
    return places


def _label_trace(view: ViewState) -> dict:
    """A placeholder that keeps the trace order; the names are scene annotations."""
    return {"type": "scatter3d", "x": [], "y": [], "z": [], "mode": "lines", "hoverinfo": "skip", "showlegend": False,
            "visible": view.labels, "meta": "labels"}


def label_annotations(scene: SceneData, view: ViewState) -> list[dict]:
    """Region names as callouts: SVG text on a thin line to the region.

    SVG over the WebGL scene rather than 3D text: plotly builds 3D text
    glyph by glyph in JavaScript (half a second of the first draw), cannot
    draw bold, and lets close labels pile up. The offsets are in screen
    pixels, so the names stay fanned out from any camera, and they stay
    vector text in exported figures.
    """
    if not view.labels:
        return []
    annotations = []
    for region_id, anchor, text in _label_places(scene, view):
        offset_x, offset_y = LABEL_OFFSETS_PX.get(region_id, DEFAULT_LABEL_OFFSET_PX)
        annotations.append(
            {
                "x": float(anchor[0]), "y": float(anchor[1]), "z": float(anchor[2]), "text": text,
                "showarrow": True, "ax": offset_x, "ay": offset_y, "arrowhead": 0, "arrowwidth": 1.2,
                "arrowcolor": "#4B5563", "standoff": 2,
                "font": {"size": 16, "color": "#111111", "family": FONT["family"]},
                "bgcolor": "rgba(255,255,255,0.8)", "borderpad": 2,
            }
        )
    return annotations


def _connection_look(scene: SceneData, view: ViewState) -> dict[str, tuple]:
    """(colour, dash, width, hover) per connection id."""
    directions = connection_directions(scene.changes, view.scenario)
    looks = {}
    for row in scene.connection_rows:
        direction = directions.get(row["id"], NO_CLAIM)
        if view.scenario == BASELINE:
            style = DIRECTION_STYLE["unchanged"]
            change = translate("brain3d.baseline", view.lang)
        else:
            style = DIRECTION_STYLE[direction]
            change = f"{style.glyph} {translate(f'direction.{direction}', view.lang)}".strip()
        width = style.width
        if view.select is not None:
            chosen = view.select.kind == "connection" and view.select.id == row["id"]
            width = width * 1.6 if chosen else width * 0.6
        name = row["name_zh"] if view.lang == "zh" else row["name_en"]
        transmitter = translate(f"transmitter.{row['transmitter']}", view.lang) if pd.notna(row["transmitter"]) else (
            translate("transmitter.none", view.lang)
        )
        hover = f"<b>{name}</b><br>{change}<br>{translate('brain3d.transmitter', view.lang)}: {transmitter}<extra></extra>"
        looks[row["id"]] = (style.color, style.dash, width, hover)
    return looks


def overlay_traces(scene: SceneData, view: ViewState) -> list[dict]:
    """Labels, connection curves and arrowheads: a fixed number of small traces.

    Plain dicts, not graph objects: they are rebuilt on every selection, and
    plotly's validation of graph objects cost more than drawing them.
    """
    looks = _connection_look(scene, view)
    lines, arrows = [], []
    for (connection_id, _, points), head in zip(scene.segments, scene.arrowheads):
        color, dash, width, hover = looks[connection_id]
        lines.append(
            {
                "type": "scatter3d", "x": points[:, 0], "y": points[:, 1], "z": points[:, 2], "mode": "lines",
                "line": {"color": color, "width": width, "dash": dash}, "hovertemplate": hover, "showlegend": False,
                "meta": f"connection:{connection_id}",
            }
        )
        if head is not None:
            arrows.append(
                {
                    "type": "mesh3d", **head, "color": color, "flatshading": True,
                    "lighting": LIGHTING, "lightposition": LIGHT_POSITION, "hovertemplate": hover, "showlegend": False,
                    "meta": f"arrow:{connection_id}",
                }
            )
    return [_label_trace(view), *lines, *arrows]


def arrowhead(tip: np.ndarray, direction: np.ndarray, sides: int = ARROW_SIDES) -> Mesh:
    """A closed cone whose apex is ``tip``, pointing along ``direction`` (its length).

    A small mesh rather than plotly's Cone trace, which cost about half a
    second of the first draw for four arrowheads.
    """
    tip = np.asarray(tip, dtype=float)
    axis = np.asarray(direction, dtype=float)
    length = np.linalg.norm(axis)
    unit = axis / length
    helper = np.array([1.0, 0.0, 0.0]) if abs(unit[0]) < 0.9 else np.array([0.0, 1.0, 0.0])
    first = np.cross(unit, helper)
    first /= np.linalg.norm(first)
    second = np.cross(unit, first)
    angles = np.linspace(0, 2 * np.pi, sides, endpoint=False)
    radius = length * ARROW_RADIUS_RATIO
    base = tip - axis
    rim = base + radius * (np.outer(np.cos(angles), first) + np.outer(np.sin(angles), second))
    vertices = np.vstack([tip, rim, base]).astype(np.float32)
    ring = np.arange(sides)
    following = (ring + 1) % sides
    sides_faces = np.column_stack([np.zeros(sides, int), 1 + ring, 1 + following])
    base_faces = np.column_stack([np.full(sides, sides + 1), 1 + following, 1 + ring])
    return Mesh(vertices, np.vstack([sides_faces, base_faces]).astype(np.uint16))


def extra_trace(extras: list[tuple[str, Mesh]]) -> go.Mesh3d:
    """Context structures as one translucent grey mesh, each named on hover.

    One trace whatever their number, so it keeps its place in the figure
    and a change of context structures replaces only it.
    """
    vertices, faces, names, offset = [], [], [], 0
    for key, mesh in extras:
        atlas, label = key.split(":", 1)
        vertices.append(mesh.vertices)
        faces.append(mesh.faces.astype(np.uint32) + offset)
        names += [f"{label.replace('_', ' ')} ({atlas})"] * mesh.n_vertices
        offset += mesh.n_vertices
    merged = Mesh(
        np.concatenate(vertices) if vertices else np.zeros((0, 3)),
        np.concatenate(faces) if faces else np.zeros((0, 3)),
    )
    return _lit_mesh(
        merged,
        text=names,
        color=EXTRA_COLOR,
        opacity=EXTRA_OPACITY,
        hovertemplate="%{text}<extra></extra>",
        meta="extra",
    )


def brain_figure(
    scene: SceneData, view: ViewState = ViewState(), extras: list[tuple[str, Mesh]] = ()
) -> go.Figure:
    """The glass brain, the region meshes and the circuit for one view state.

    Trace order is fixed: glass brain, structures (``scene.keys``), labels,
    connection curves, arrowheads, context structures; partial updates rely
    on it.

    Returns
    -------
    go.Figure
    """
    glass = glass_brain_trace(scene.glass, view.lang, view.opacity)
    glass.visible = view.glass
    structures = [
        structure_trace(scene.meshes[key], style, key)
        for key, style in zip(scene.keys, structure_styles(scene, view))
    ]
    figure = go.Figure([glass, *structures, *overlay_traces(scene, view), extra_trace(list(extras))])
    figure.update_layout(
        scene={**scene_box(*scene.box), "camera": camera_for(view.camera, scene), "annotations": label_annotations(scene, view)},
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        paper_bgcolor="rgba(0,0,0,0)",
        font=FONT,
        hoverlabel={"font": {"size": 16, "family": FONT["family"]}},
        uirevision="brain3d",
        showlegend=False,
    )
    return figure


def selection_for_trace(scene: SceneData, index: int) -> Selection | None:
    """What a click on trace ``index`` selects (the inverse of the trace order)."""
    keys = scene.keys
    if 1 <= index <= len(keys):
        return Selection("region", scene.stats[keys[index - 1]].region_id)
    index -= len(keys) + 2  # glass brain, structures, labels
    if 0 <= index < len(scene.segments):
        return Selection("connection", scene.segments[index][0])
    index -= len(scene.segments)
    arrows = [connection_id for connection_id, directed, _ in scene.segments if directed]
    if 0 <= index < len(arrows):
        return Selection("connection", arrows[index])
    return None
