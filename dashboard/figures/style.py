"""Look shared by every 2D chart: fonts, colours, layout defaults.

Kept as constant dicts in one place (as nilearn keeps its plotly cameras and
layouts) so the dashboard and the exported figures agree.
"""

from __future__ import annotations

import pandas as pd

from dashboard.i18n import translate

__all__ = [
    "FONT",
    "CHART_LAYOUT",
    "SUBSTANCE_COLORS",
    "RELATION_STYLE",
    "INK",
    "MUTED",
    "GRID",
    "format_fact",
    "cited_hover",
    "BLANK_FIGURE",
]

# What a graph shows until its view is first drawn: no axes, so nothing
# flashes, and an empty plot without axes costs the first page load a third
# of the time (the hidden views' graphs are all plotted when the page opens).
BLANK_FIGURE = {"data": [], "layout": {"xaxis": {"visible": False}, "yaxis": {"visible": False}}}

FONT = {"family": "Inter, 'Noto Sans CJK SC', 'Noto Sans SC', Arial, sans-serif", "size": 15}
INK = "#1d232b"
MUTED = "#5a6472"
GRID = "#E3E7EC"
# Okabe-Ito hues: distinct for all common colour-vision types.
SUBSTANCE_COLORS = {
    "serotonin": "#0072B2",
    "dopamine": "#D55E00",
    "norepinephrine": "#009E73",
    "oxytocin": "#CC79A7",
    "vasopressin": "#8E6BB4",
}
# How a drug relates to a target in the comparison chart: marker and size.
RELATION_STYLE = {
    "primary": {"symbol": "circle", "size": 30, "color": INK},
    "yes": {"symbol": "circle", "size": 18, "color": "#5a6472"},
    "no": {"symbol": "x-thin-open", "size": 20, "color": "#9AA3AE"},
}
CHART_LAYOUT = {
    "font": {**FONT, "color": INK},
    "paper_bgcolor": "white",
    "plot_bgcolor": "white",
    "hoverlabel": {"font": {"size": 15, "family": FONT["family"]}, "align": "left"},
    "dragmode": False,
    "showlegend": False,
}
AXIS = {"showgrid": True, "gridcolor": GRID, "zeroline": False, "linecolor": "#9AA3AE", "ticks": "outside", "fixedrange": True}


def _decimals(value: float) -> int:
    text = f"{value:g}"
    return len(text.partition(".")[2])


def _bounds(low: float, high: float) -> str:
    """``1.0–1.5`` rather than ``1–1.5``: a whole bound takes the other's decimals."""
    places = max(_decimals(low), _decimals(high))
    low_text = f"{low:.{places}f}" if low == int(low) else f"{low:g}"
    high_text = f"{high:.{places}f}" if high == int(high) else f"{high:g}"
    return f"{low_text}–{high_text}"


def format_fact(row, lang: str) -> str:
    """A fact's value as the documents give it: ``≈ 83.7 pg/mL`` or ``3–8 ×``.

    A range stays a range and an approximate value keeps its ``≈``: the
    dashboard never narrows what the documents say.
    """
    approximate = "≈ " if row["approximate"] == "true" else ""
    if pd.notna(row["low"]) and pd.notna(row["high"]):
        amount = _bounds(float(row["low"]), float(row["high"]))
    else:
        amount = str(row["value"])
    return approximate + translate(f"unit.{row['unit']}", lang, amount=amount)


def cited_hover(text: str, citation: str) -> str:
    """Hover text that always ends with its source."""
    return f"{text}<br><span style='font-size:12px'>{citation}</span>"
