"""The drug comparison chart: which targets the documents give each drug.

A dot matrix, drugs by targets. A large dot is what a document names as the
drug's main action, a small dot an action it also names, a cross what it
says the drug does *not* do; an empty cell means the documents are silent,
which is not the same as "no". Every mark's hover cites its section. The
compared (or current) drug's row is highlighted, and a click on a row
chooses that drug.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.content.tables import DRUG_TARGETS
from dashboard.figures.style import AXIS, CHART_LAYOUT, GRID, MUTED, RELATION_STYLE, cited_hover
from dashboard.i18n import translate
from dashboard.state import ViewState

__all__ = ["drug_matrix_figure", "highlighted_drug", "HIGHLIGHT"]

HIGHLIGHT = "rgba(230, 97, 0, 0.14)"


def drug_matrix_figure(
    targets: pd.DataFrame,
    drug_names: dict[str, str],
    citations: list[str],
    highlighted: str | None,
    lang: str,
) -> go.Figure:
    """The matrix.

    Parameters
    ----------
    targets : DataFrame
        The ``drug_targets`` table.
    drug_names : dict
        Scenario id to display name, in row order (top first).
    citations : list of str
        One citation text per row of ``targets``.
    highlighted : str or None
        The drug (scenario id) whose row is highlighted.
    lang : {"en", "zh"}

    Returns
    -------
    go.Figure
        One scatter trace per relation (``meta`` = relation), plus a
        transparent trace per row that makes the whole row clickable.
    """
    columns = [translate(f"target.{target}", lang) for target in DRUG_TARGETS]
    rows = list(drug_names)
    row_labels = [drug_names[drug] for drug in rows]
    traces = []
    cited = targets.assign(citation=citations)
    for relation, style in RELATION_STYLE.items():
        marks = cited[cited["relation"] == relation]
        hover = [
            cited_hover(
                f"<b>{drug_names[row.scenario]}</b> · {translate(f'target.{row.target}', lang)}<br>"
                + translate(f"relation.{relation}", lang),
                row.citation,
            )
            for row in marks.itertuples(index=False)
        ]
        traces.append(
            go.Scatter(
                x=[translate(f"target.{target}", lang) for target in marks["target"]],
                y=[drug_names[drug] for drug in marks["scenario"]],
                mode="markers",
                marker={"symbol": style["symbol"], "size": style["size"], "color": style["color"],
                        "line": {"width": 3 if relation == "no" else 0, "color": style["color"]}},
                customdata=list(marks["scenario"]),
                hovertext=hover,
                hovertemplate="%{hovertext}<extra></extra>",
                name=translate(f"relation.{relation}", lang),
                meta=relation,
            )
        )
    # An invisible dot in every cell, so clicking anywhere on a row chooses the drug.
    traces.insert(
        0,
        go.Scatter(
            x=columns * len(rows),
            y=[label for label in row_labels for _ in columns],
            customdata=[drug for drug in rows for _ in columns],
            mode="markers", marker={"size": 34, "color": "rgba(0,0,0,0)"},
            hoverinfo="skip", showlegend=False, meta="rows",
        ),
    )
    figure = go.Figure(traces)
    shapes = []
    if highlighted in rows:
        index = rows.index(highlighted)
        shapes.append(
            {"type": "rect", "xref": "paper", "yref": "y", "x0": 0, "x1": 1, "y0": index - 0.45, "y1": index + 0.45,
             "fillcolor": HIGHLIGHT, "line": {"width": 0}, "layer": "below"}
        )
    figure.update_layout(
        CHART_LAYOUT,
        shapes=shapes,
        showlegend=True,
        legend={"orientation": "h", "x": 0, "y": -0.04, "yanchor": "top", "font": {"size": 14}, "itemclick": False, "itemdoubleclick": False},
        xaxis={**AXIS, "side": "top", "categoryorder": "array", "categoryarray": columns, "tickangle": 0,
               "gridcolor": GRID, "ticks": "", "automargin": True},
        yaxis={**AXIS, "categoryorder": "array", "categoryarray": row_labels, "autorange": "reversed",
               "gridcolor": GRID, "ticks": "", "automargin": True, "tickfont": {"size": 16}},
        margin={"l": 10, "r": 10, "t": 20, "b": 100},
        annotations=[
            {"x": 0, "y": -0.2, "xref": "paper", "yref": "paper", "xanchor": "left", "yanchor": "top", "showarrow": False,
             "text": translate("drugs.silent", lang), "font": {"size": 13, "color": MUTED}}
        ],
        uirevision="drugs",
    )
    return figure


def highlighted_drug(profiles: pd.DataFrame, view: ViewState) -> str | None:
    """The drug the other views show: the comparison, else the main scenario."""
    drugs = set(profiles["scenario"])
    for scenario in (view.compare, view.scenario):
        if scenario in drugs:
            return scenario
    return None
