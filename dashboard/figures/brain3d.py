"""The 3D brain: a glass brain with region meshes inside.

Pure builders from meshes and content to ``go.Figure``; no Dash here.
Cameras, lighting and the scene are constant dicts, as in nilearn's plotly
backend, so every figure (dashboard or export) looks the same.
"""

from __future__ import annotations

from collections.abc import Mapping

import plotly.graph_objects as go

from atlas.meshes import Mesh
from atlas.store import StructureStats
from dashboard.content.regions import Region
from dashboard.i18n import translate

__all__ = [
    "CAMERAS",
    "DEFAULT_CAMERA",
    "GLASS_OPACITY",
    "mesh_arrays",
    "glass_brain_trace",
    "structure_trace",
    "brain_figure",
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

GLASS_COLOR = "#8D99AE"
GLASS_OPACITY = 0.13
# Soft studio light: enough diffuse shading to read shape, little glare.
LIGHTING = {"ambient": 0.5, "diffuse": 0.75, "specular": 0.2, "roughness": 0.6, "fresnel": 0.1}
GLASS_LIGHTING = {"ambient": 0.75, "diffuse": 0.4, "specular": 0.05, "roughness": 0.9, "fresnel": 0.4}
LIGHT_POSITION = {"x": -200, "y": 300, "z": 400}
_HIDDEN_AXIS = {"visible": False, "showbackground": False, "showspikes": False}
SCENE = {"dragmode": "orbit", "aspectmode": "manual"}
SCENE_PADDING_MM = 2.0
FONT = {"family": "Inter, 'Noto Sans CJK SC', 'Noto Sans SC', Arial, sans-serif", "size": 15}


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


def scene_box(glass_brain: Mesh) -> dict:
    """Axes fixed to the glass brain's extent, in true proportion.

    Fixed rather than fitted to the visible data, so hiding the glass brain
    or a region never rescales or shifts the view.
    """
    low = glass_brain.vertices.min(axis=0) - SCENE_PADDING_MM
    high = glass_brain.vertices.max(axis=0) + SCENE_PADDING_MM
    extent = high - low
    ratio = extent / extent.max()
    axes = {
        f"{axis}axis": {**_HIDDEN_AXIS, "range": [float(lo), float(hi)]}
        for axis, lo, hi in zip("xyz", low, high)
    }
    return {**SCENE, **axes, "aspectratio": {axis: float(r) for axis, r in zip("xyz", ratio)}}


def glass_brain_trace(mesh: Mesh, lang: str = "en", opacity: float = GLASS_OPACITY) -> go.Mesh3d:
    """The translucent outer brain; never hoverable, so it does not hide regions."""
    return go.Mesh3d(
        **mesh_arrays(mesh),
        name=translate("brain3d.glass_brain", lang),
        color=GLASS_COLOR,
        opacity=opacity,
        lighting=GLASS_LIGHTING,
        lightposition=LIGHT_POSITION,
        hoverinfo="skip",
        showlegend=False,
        meta="glass-brain",
    )


def structure_trace(
    mesh: Mesh,
    region: Region,
    stats: StructureStats,
    lang: str = "en",
) -> go.Mesh3d:
    """One region in one hemisphere, named on hover."""
    name = translate(
        "brain3d.hover", lang, name=region.name(lang), hemisphere=translate(f"hemisphere.{stats.hemisphere}", lang)
    )
    atlas = translate(f"regions.atlas.{stats.atlas}", lang, threshold=stats.threshold or 0)
    detail = translate("brain3d.hover_atlas", lang, atlas=atlas, label=stats.label)
    return go.Mesh3d(
        **mesh_arrays(mesh),
        name=name,
        color=region.color,
        opacity=1.0,
        flatshading=False,
        lighting=LIGHTING,
        lightposition=LIGHT_POSITION,
        hovertemplate=f"<b>{name}</b><br>{detail}<extra></extra>",
        showlegend=False,
        meta=stats.key,
    )


def brain_figure(
    glass_brain: Mesh,
    meshes: Mapping[str, Mesh],
    stats: Mapping[str, StructureStats],
    regions: list[Region] | tuple[Region, ...],
    lang: str = "en",
    camera: str = DEFAULT_CAMERA,
) -> go.Figure:
    """The glass brain and every region's meshes, in region-table order.

    Parameters
    ----------
    glass_brain : Mesh
    meshes, stats : mapping of structure key to Mesh / StructureStats
    regions : sequence of Region
    lang : {"en", "zh"}
    camera : str
        A key of :data:`CAMERAS`.

    Returns
    -------
    go.Figure
    """
    by_region = {region.id: region for region in regions}
    traces = [glass_brain_trace(glass_brain, lang)]
    for key, structure in stats.items():
        if structure.region_id in by_region and key in meshes:
            traces.append(structure_trace(meshes[key], by_region[structure.region_id], structure, lang))
    figure = go.Figure(traces)
    figure.update_layout(
        scene={**scene_box(glass_brain), "camera": CAMERAS[camera]},
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        paper_bgcolor="rgba(0,0,0,0)",
        font=FONT,
        hoverlabel={"font": {"size": 16, "family": FONT["family"]}},
        uirevision="brain3d",
    )
    return figure
