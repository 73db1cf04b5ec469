"""Orthogonal slices of the MNI152 template with the regions drawn over it.

Pure builders: the slice is composed as an RGB image in numpy (template in
grey, regions filled with their colour, the selected region outlined),
sent as one PNG, and placed on axes in MNI millimetres so a click reads
the coordinate directly.
"""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import plotly.graph_objects as go
from PIL import Image

from dashboard.figures.brain3d import SceneData, structure_styles
from dashboard.figures.style import FONT
from dashboard.i18n import translate
from dashboard.state import ViewState

__all__ = [
    "PLANES",
    "SliceData",
    "slice_rgb",
    "slice_figure",
    "click_to_mni",
    "plane_axes",
    "slice_colors",
]

# plane -> (index of the fixed MNI axis, horizontal axis, vertical axis)
PLANES = {"axial": (2, 0, 1), "coronal": (1, 0, 2), "sagittal": (0, 1, 2)}
FILL_ALPHA = 0.72
OUTLINE_COLOR = (17, 17, 17)
# Every structure gets a thin dark edge, so a pale "no claim" fill or a
# 2-voxel nucleus still stands out from the grey template.
EDGE_COLOR = np.array([75, 85, 99], dtype=np.float32)
CROSSHAIR_COLOR = "#00A6D6"
UPSAMPLE = 2


@dataclass(frozen=True)
class SliceData:
    """The template and the structures on its grid.

    ``labels`` value k marks ``keys[k - 1]``; ``affine`` maps voxels to MNI
    mm and is axis-aligned (1 mm, possibly offset).
    """

    template: np.ndarray
    labels: np.ndarray
    keys: tuple[str, ...]
    affine: np.ndarray

    @cached_property
    def origin(self) -> np.ndarray:
        return self.affine[:3, 3]

    @cached_property
    def bounds(self) -> tuple[np.ndarray, np.ndarray]:
        """MNI mm of the first and last voxel centres on each axis."""
        low = self.origin
        return low, low + (np.array(self.template.shape) - 1) * np.diag(self.affine)[:3]

    def index(self, axis: int, mm: float) -> int:
        step = self.affine[axis, axis]
        return int(np.clip(round((mm - self.origin[axis]) / step), 0, self.template.shape[axis] - 1))


def plane_axes(plane: str) -> tuple[int, int, int]:
    return PLANES[plane]


def _hex_rgb(color: str) -> np.ndarray:
    return np.array([int(color[i : i + 2], 16) for i in (1, 3, 5)], dtype=np.float32)


def _take(volume: np.ndarray, axis: int, index: int, horizontal: int, vertical: int) -> np.ndarray:
    """A 2-D slice as (vertical, horizontal), rows by increasing coordinate."""
    plane = np.take(volume, index, axis=axis)
    remaining = [a for a in range(3) if a != axis]
    return plane if remaining.index(horizontal) == 1 else plane.T


def slice_rgb(data: SliceData, plane: str, position_mm: float, colors: dict[str, str], outlined: set[str]) -> np.ndarray:
    """The composed slice, (vertical, horizontal, 3) uint8, rows by increasing mm.

    Parameters
    ----------
    data : SliceData
    plane : {"axial", "coronal", "sagittal"}
    position_mm : float
        Where the slice cuts its fixed axis.
    colors : dict
        Fill colour per structure key; keys not in it are not drawn.
    outlined : set of str
        Structure keys to outline (the selection).
    """
    axis, horizontal, vertical = PLANES[plane]
    index = data.index(axis, position_mm)
    grey = _take(data.template, axis, index, horizontal, vertical).astype(np.float32)
    labels = _take(data.labels, axis, index, horizontal, vertical)
    rgb = np.repeat(grey[..., None], 3, axis=2)
    edge = labels != np.pad(labels, 1, mode="edge")[1:-1, :-2]
    edge |= labels != np.pad(labels, 1, mode="edge")[:-2, 1:-1]
    for value, key in enumerate(data.keys, start=1):
        if key not in colors:
            continue
        inside = labels == value
        if not inside.any():
            continue
        rgb[inside] = rgb[inside] * (1 - FILL_ALPHA) + _hex_rgb(colors[key]) * FILL_ALPHA
        border = inside & (edge | np.roll(edge, 1, axis=0) | np.roll(edge, 1, axis=1))
        rgb[border] = OUTLINE_COLOR if key in outlined else EDGE_COLOR
    return rgb.clip(0, 255).astype(np.uint8)


def _png_uri(rgb: np.ndarray) -> str:
    # Rows are by increasing mm; go.Image puts row 0 at y0 and goes up the
    # (ascending) y axis, so no flip is needed.
    image = Image.fromarray(np.ascontiguousarray(rgb))
    if UPSAMPLE > 1:
        image = image.resize((image.width * UPSAMPLE, image.height * UPSAMPLE), Image.NEAREST)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


def _orientation(plane: str, radiological: bool, lang: str) -> list[dict]:
    left, right = ("R", "L") if radiological else ("L", "R")
    marks = {
        "axial": ((left, right), ("P", "A")),
        "coronal": ((left, right), ("I", "S")),
        "sagittal": (("A", "P"), ("I", "S")),
    }[plane]
    (west, east), (south, north) = marks
    style = {"xref": "paper", "yref": "paper", "showarrow": False, "font": {"size": 18, "color": "#F5F7FA"}}
    return [
        {**style, "x": 0.02, "y": 0.5, "text": west, "xanchor": "left"},
        {**style, "x": 0.98, "y": 0.5, "text": east, "xanchor": "right"},
        {**style, "x": 0.5, "y": 0.02, "text": south, "yanchor": "bottom"},
        {**style, "x": 0.5, "y": 0.98, "text": north, "yanchor": "top"},
    ]


def slice_figure(
    data: SliceData,
    plane: str,
    cursor_mm: tuple[float, float, float],
    colors: dict[str, str],
    outlined: set[str] = frozenset(),
    radiological: bool = False,
    lang: str = "en",
) -> go.Figure:
    """One slice through ``cursor_mm`` with a crosshair at the cursor.

    Axes are MNI mm: the horizontal axis runs left to right (or right to
    left in radiological convention; anterior to the left for sagittal,
    as if looking at the left hemisphere), the vertical one upwards.
    """
    axis, horizontal, vertical = PLANES[plane]
    rgb = slice_rgb(data, plane, cursor_mm[axis], colors, outlined)
    low, high = data.bounds
    step = 1.0 / UPSAMPLE
    image = go.Image(
        source=_png_uri(rgb),
        x0=float(low[horizontal]) - 0.5 + step / 2,
        dx=step,
        y0=float(low[vertical]) - 0.5 + step / 2,
        dy=step,
        hoverinfo="skip",
        name=plane,
    )
    # Hover and click go to an invisible 1 mm grid on top: plotly's own image
    # hover passes a typed array to its colour parser and warns on every move.
    grid = go.Heatmap(
        z=np.zeros(rgb.shape[:2], dtype=np.uint8),
        x0=float(low[horizontal]),
        dx=1.0,
        y0=float(low[vertical]),
        dy=1.0,
        opacity=0,
        showscale=False,
        colorscale=[[0, "#000000"], [1, "#000000"]],
        hovertemplate="%{x:.0f}, %{y:.0f} mm<extra></extra>",
        hoverlabel={"bgcolor": "#1F2937", "font": {"color": "#F5F7FA"}},
        name=plane,
    )
    x_range = [float(low[horizontal]) - 0.5, float(high[horizontal]) + 0.5]
    flip = (plane == "sagittal") or (radiological and plane != "sagittal")
    figure = go.Figure([image, grid])
    cross = {"type": "line", "line": {"color": CROSSHAIR_COLOR, "width": 1.5}, "layer": "above"}
    figure.update_layout(
        xaxis={"range": x_range[::-1] if flip else x_range, "visible": False, "constrain": "domain", "autorange": False},
        yaxis={
            "range": [float(low[vertical]) - 0.5, float(high[vertical]) + 0.5],
            "visible": False,
            "scaleanchor": "x",
            "autorange": False,
        },
        shapes=[
            {**cross, "x0": cursor_mm[horizontal], "x1": cursor_mm[horizontal], "yref": "paper", "y0": 0, "y1": 1},
            {**cross, "y0": cursor_mm[vertical], "y1": cursor_mm[vertical], "xref": "paper", "x0": 0, "x1": 1},
        ],
        annotations=_orientation(plane, radiological, lang),
        title={
            "text": translate(f"slices.{plane}", lang, mm=round(cursor_mm[axis])),
            "font": {"size": 16},
            "x": 0.02,
            "y": 0.98,
        },
        margin={"l": 0, "r": 0, "t": 30, "b": 0},
        paper_bgcolor="#0F1115",
        plot_bgcolor="#0F1115",
        font={**FONT, "color": "#F5F7FA"},
        dragmode=False,
        uirevision=plane,
    )
    return figure


def click_to_mni(plane: str, cursor_mm: tuple[float, float, float], x: float, y: float) -> tuple[int, int, int]:
    """The MNI coordinate (mm, rounded) of a click at ``(x, y)`` on a slice."""
    axis, horizontal, vertical = PLANES[plane]
    point = [0, 0, 0]
    point[axis] = cursor_mm[axis]
    point[horizontal] = x
    point[vertical] = y
    return tuple(int(round(value)) for value in point)


def slice_colors(scene: SceneData, view: ViewState) -> tuple[dict[str, str], set[str]]:
    """Fill colour per structure (as in 3D) and the structures to outline."""
    colors = {key: style["color"] for key, style in zip(scene.keys, structure_styles(scene, view))}
    selected = set()
    if view.select and view.select.kind == "region":
        selected = {key for key in scene.keys if scene.stats[key].region_id == view.select.id}
    return colors, selected
