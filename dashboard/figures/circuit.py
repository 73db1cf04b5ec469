"""The flat circuit diagram: a schematic sagittal layout for slides.

Frontal to the left, brainstem below, as if looking at the left
hemisphere. Nodes take the scenario's colours and glyphs; pathways are
arrows with their transmitter written on them and the connection's line
style (dashed when reduced). Every node and pathway carries its selection
target in ``customdata`` so a click selects it.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.figures.brain3d import SceneData
from dashboard.figures.style import FONT
from dashboard.figures.scenario import BASELINE, DIRECTION_STYLE, NO_CLAIM, connection_directions, region_directions
from dashboard.i18n import translate
from dashboard.state import ViewState

__all__ = ["NODE_POSITIONS", "circuit_figure", "node_position"]

# Schematic places (x: anterior 0 -> posterior 10; y: inferior 0 -> superior 10),
# chosen to echo each region's place on a sagittal section.
NODE_POSITIONS = {
    "nucleus-accumbens": (1.9, 6.0),
    "insula": (3.8, 8.1),
    "amygdala": (3.0, 3.3),
    "hippocampus": (6.2, 5.8),
    "vta": (5.7, 3.0),
    "raphe-dorsal": (7.3, 2.7),
    "raphe-median": (6.4, 1.0),
    "locus-coeruleus": (8.4, 1.1),
}
NODE_SIZE = 44
NODE_RADIUS = 0.45  # in diagram units, where arrows stop short of a node
OUTLINE = "#C9CED6"


def node_position(region_id: str, scene: SceneData) -> tuple[float, float]:
    """A region's place: its schematic place, or its centroid projected sagittally."""
    if region_id in NODE_POSITIONS:
        return NODE_POSITIONS[region_id]
    y, z = np.array(scene.region_anchor(region_id))[1:]
    return (float(np.interp(-y, [-70, 110], [0, 10])), float(np.interp(z, [-50, 80], [0, 10])))


def _outline_shapes() -> list[dict]:
    line = {"color": OUTLINE, "width": 2}
    return [
        # cerebrum and cerebellum as soft outlines, brainstem as a band below
        {"type": "path", "path": "M 0.4,5.2 C 0.4,10.6 10.2,10.8 9.8,5.6 C 9.6,3.4 8.2,3.2 7.6,3.6 "
         "C 6.4,4.2 4.2,2.8 2.6,3.0 C 1.0,3.2 0.4,4.0 0.4,5.2 Z", "line": line, "layer": "below"},
        {"type": "path", "path": "M 5.1,3.9 L 5.6,-0.2 L 9.3,-0.2 L 8.9,3.4 Z", "line": line, "layer": "below"},
    ]


def circuit_figure(scene: SceneData, view: ViewState) -> go.Figure:
    """The diagram for one view state.

    Returns
    -------
    go.Figure
        Trace 0: pathway lines (one per connection), then the clickable
        pathway midpoints, then the nodes.
    """
    lang = view.lang
    regions = region_directions(scene.effects, view.scenario)
    changes = connection_directions(scene.changes, view.scenario)
    selected = view.select
    traces, annotations = [], []
    mid_x, mid_y, mid_text, mid_target = [], [], [], []
    for row in scene.connections.itertuples(index=False):
        start = np.array(node_position(row.from_region, scene))
        end = np.array(node_position(row.to_region, scene))
        unit = (end - start) / np.linalg.norm(end - start)
        start, end = start + unit * NODE_RADIUS, end - unit * NODE_RADIUS
        direction = "unchanged" if view.scenario == BASELINE else changes.get(row.id, NO_CLAIM)
        style = DIRECTION_STYLE[direction]
        chosen = selected is not None and selected.kind == "connection" and selected.id == row.id
        width = style.width * (1.5 if chosen else 1.0)
        name = row.name_zh if lang == "zh" else row.name_en
        traces.append(
            go.Scatter(
                x=[start[0], end[0]], y=[start[1], end[1]], mode="lines",
                line={"color": style.color, "width": width, "dash": style.dash},
                hoverinfo="skip", showlegend=False, meta=f"connection:{row.id}",
            )
        )
        if row.directed == "true":
            annotations.append(
                {"x": end[0], "y": end[1], "ax": end[0] - unit[0] * 0.6, "ay": end[1] - unit[1] * 0.6,
                 "xref": "x", "yref": "y", "axref": "x", "ayref": "y", "showarrow": True, "arrowhead": 2,
                 "arrowsize": 1.5, "arrowwidth": max(width * 0.6, 3), "arrowcolor": style.color, "text": " "}  # plotly skips empty-text annotations, arrow included
            )
        transmitter = (
            translate(f"transmitter.{row.transmitter}", lang) if pd.notna(row.transmitter) else translate("circuit.functional", lang)
        )
        middle = (start + end) / 2
        normal = np.array([-unit[1], unit[0]]) * 0.28
        annotations.append(
            {"x": middle[0] + normal[0], "y": middle[1] + normal[1], "text": f"<i>{transmitter}</i>",
             "showarrow": False, "font": {"size": 14, "color": "#374151"}, "xref": "x", "yref": "y"}
        )
        mid_x.append(middle[0])
        mid_y.append(middle[1])
        change = f"{style.glyph} {translate(f'direction.{direction}', lang)}".strip()
        mid_text.append(f"<b>{name}</b><br>{change}<br>{transmitter}")
        mid_target.append(f"connection:{row.id}")
    traces.append(
        go.Scatter(
            x=mid_x, y=mid_y, mode="markers", marker={"size": 18, "color": "rgba(0,0,0,0)"},
            customdata=mid_target, text=mid_text, hovertemplate="%{text}<extra></extra>", showlegend=False,
            meta="pathways",
        )
    )
    xs, ys, colors, texts, targets, hover, lines = [], [], [], [], [], [], []
    for region in scene.regions:
        x, y = node_position(region.id, scene)
        direction = regions.get(region.id, NO_CLAIM)
        style = DIRECTION_STYLE[direction]
        color = region.color if view.scenario == BASELINE else style.color
        glyph = "" if view.scenario == BASELINE else style.glyph
        chosen = selected is not None and selected.kind == "region" and selected.id == region.id
        xs.append(x)
        ys.append(y)
        colors.append(color)
        lines.append(4 if chosen else 1.5)
        texts.append(f"{region.name(lang)} {glyph}".strip())
        targets.append(f"region:{region.id}")
        change = translate("brain3d.baseline", lang) if view.scenario == BASELINE else translate(f"direction.{direction}", lang)
        hover.append(f"<b>{region.name(lang)}</b><br>{change}")
    traces.append(
        go.Scatter(
            x=xs, y=ys, mode="markers+text", text=texts, textposition="bottom center",
            textfont={"size": 16, "color": "#111111"},
            marker={"size": NODE_SIZE, "color": colors, "line": {"color": "#111111", "width": lines}},
            customdata=targets, hovertext=hover, hovertemplate="%{hovertext}<extra></extra>",
            showlegend=False, meta="nodes",
        )
    )
    figure = go.Figure(traces)
    figure.update_layout(
        shapes=_outline_shapes(),
        annotations=[
            *annotations,
            {"x": 0.6, "y": 9.9, "text": translate("circuit.anterior", lang), "showarrow": False,
             "font": {"size": 13, "color": "#6B7280"}, "xanchor": "left"},
            {"x": 9.9, "y": 9.9, "text": translate("circuit.posterior", lang), "showarrow": False,
             "font": {"size": 13, "color": "#6B7280"}, "xanchor": "right"},
        ],
        xaxis={"range": [0, 10.2], "visible": False, "fixedrange": True},
        yaxis={"range": [-0.4, 10.4], "visible": False, "fixedrange": True, "scaleanchor": "x"},
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        paper_bgcolor="white",
        plot_bgcolor="white",
        font=FONT,
        hoverlabel={"font": {"size": 15}},
        dragmode=False,
        uirevision="circuit",
    )
    return figure
