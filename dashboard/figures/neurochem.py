"""Neurochemistry charts: how much serotonin rises against dopamine, and oxytocin.

Only the documents' numbers are drawn. The serotonin rise is a 3–8 times
*range* relative to dopamine, so it is drawn as a band, never as one bar;
the oxytocin levels are approximate and keep their ``≈``.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from dashboard.figures.style import AXIS, CHART_LAYOUT, INK, MUTED, SUBSTANCE_COLORS, cited_hover, format_fact
from dashboard.i18n import translate

__all__ = ["neurochem_figure", "RATIO_FACT", "OXYTOCIN_FACTS"]

RATIO_FACT = "serotonin-dopamine-ratio"
OXYTOCIN_FACTS = ("oxytocin-before", "oxytocin-after")


def _facts(facts: pd.DataFrame) -> pd.DataFrame:
    return facts.set_index("id")


def _ratio_traces(fact, lang: str, citation: str) -> list[go.Bar]:
    """Dopamine as the reference (1) and serotonin as a floating 3–8 band."""
    low, high = float(fact["low"]), float(fact["high"])
    names = [translate("transmitter.serotonin", lang), translate("transmitter.dopamine", lang)]
    return [
        go.Bar(
            y=[names[1]], x=[1], base=[0], orientation="h",
            marker={"color": SUBSTANCE_COLORS["dopamine"]},
            text=[translate("neurochem.reference", lang)], textposition="outside", cliponaxis=False,
            hovertemplate=cited_hover(translate("neurochem.reference_hover", lang), citation) + "<extra></extra>",
            meta="ratio-dopamine",
        ),
        go.Bar(
            y=[names[0]], x=[high - low], base=[low], orientation="h",
            marker={"color": SUBSTANCE_COLORS["serotonin"], "pattern": {"shape": "/", "fgcolor": "white", "solidity": 0.25}},
            text=[format_fact(fact, lang)], textposition="outside", cliponaxis=False,
            hovertemplate=cited_hover(translate("neurochem.ratio_hover", lang, value=format_fact(fact, lang)), citation)
            + "<extra></extra>",
            meta="ratio-serotonin",
        ),
    ]


def _oxytocin_traces(facts: pd.DataFrame, lang: str, citation: str) -> list[go.Scatter]:
    before, after = (facts.loc[key] for key in OXYTOCIN_FACTS)
    labels = [translate("neurochem.oxytocin_before", lang), translate("neurochem.oxytocin_after", lang)]
    values = [float(before["value"]), float(after["value"])]
    texts = [format_fact(before, lang), format_fact(after, lang)]
    return [
        go.Scatter(
            x=labels, y=values, mode="lines+markers+text", text=texts, textposition=["middle right", "middle left"],
            line={"color": SUBSTANCE_COLORS["oxytocin"], "width": 3, "dash": "dot"},
            marker={"size": 16, "color": SUBSTANCE_COLORS["oxytocin"], "line": {"color": "white", "width": 2}},
            textfont={"size": 16, "color": INK},
            hovertext=[cited_hover(f"{label}: {text}", citation) for label, text in zip(labels, texts)],
            hovertemplate="%{hovertext}<extra></extra>",
            meta="oxytocin",
        )
    ]


def neurochem_figure(facts: pd.DataFrame, citations: dict[str, str], lang: str) -> go.Figure:
    """Two panels: the serotonin/dopamine ratio band, and oxytocin before and under MDMA.

    Parameters
    ----------
    facts : DataFrame
        The ``facts`` table.
    citations : dict
        Fact id to its citation text (document and section).
    lang : {"en", "zh"}

    Returns
    -------
    go.Figure
    """
    table = _facts(facts)
    ratio = table.loc[RATIO_FACT]
    dose = format_fact(table.loc["oxytocin-dose"], lang)
    fold = format_fact(table.loc["oxytocin-fold"], lang)
    figure = make_subplots(
        rows=1, cols=2, column_widths=[0.56, 0.44], horizontal_spacing=0.14,
        subplot_titles=[translate("neurochem.ratio_title", lang), translate("neurochem.oxytocin_title", lang, dose=dose)],
    )
    for trace in _ratio_traces(ratio, lang, citations[RATIO_FACT]):
        figure.add_trace(trace, row=1, col=1)
    for trace in _oxytocin_traces(table, lang, citations["oxytocin-after"]):
        figure.add_trace(trace, row=1, col=2)
    high = float(ratio["high"])
    figure.update_xaxes(AXIS, row=1, col=1, range=[0, high + 2.5], dtick=1, title={"text": translate("neurochem.ratio_axis", lang)})
    figure.update_yaxes({**AXIS, "showgrid": False}, row=1, col=1, automargin=True)
    figure.update_xaxes({**AXIS, "showgrid": False}, row=1, col=2, range=[-0.45, 1.45])
    top = float(table.loc["oxytocin-after", "value"])
    figure.update_yaxes(AXIS, row=1, col=2, range=[0, top * 1.3], title={"text": translate("neurochem.oxytocin_axis", lang)})
    figure.add_annotation(
        x=0.5, y=top * 1.18, xref="x2", yref="y2", showarrow=False,
        text=translate("neurochem.fold_note", lang, fold=fold), font={"size": 15, "color": INK},
    )
    figure.add_annotation(
        # below the axis titles, in pixels: a paper fraction would move with the figure's height
        x=0, y=0, yshift=-62, xref="paper", yref="paper", showarrow=False, xanchor="left", yanchor="top", align="left",
        text=translate("neurochem.caveat", lang), font={"size": 13, "color": MUTED},
    )
    figure.update_layout(CHART_LAYOUT, bargap=0.45, margin={"l": 10, "r": 30, "t": 50, "b": 140}, uirevision="neurochem")
    return figure
