"""The therapy protocol as the documents describe it, in three charts.

1. The course: about nine sessions, two or three of them with MDMA. The
   documents give counts, not an order, so the sessions are stacked by kind.
2. One MDMA session, for the documents' own 100 kg example: the first dose
   as a range, the optional booster window at 90–150 minutes, and both
   readings of the booster's size (the example's ≈75 mg and half the first
   dose), because they do not agree.
3. How a mg/kg dose scales with body weight, with both dose ranges the
   documents give and the example marked.

Every number comes from the ``facts`` table; this module only draws them.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from dashboard.figures.scenario import DIRECTION_STYLE
from dashboard.figures.style import AXIS, CHART_LAYOUT, INK, cited_hover, format_fact
from dashboard.i18n import translate

__all__ = ["protocol_figure", "WEIGHT_AXIS_KG"]

MDMA_COLOR = DIRECTION_STYLE["up"].color
TALK_COLOR = "#B8C2CC"
PROTOCOL_BAND = "rgba(230, 97, 0, 0.35)"
TAKEAWAYS_BAND = "rgba(230, 97, 0, 0.12)"
BOOSTER_WINDOW = "rgba(93, 58, 155, 0.12)"
BOOSTER_COLOR = DIRECTION_STYLE["down"].color
# The span of body weights drawn; the documents' only example is 100 kg.
WEIGHT_AXIS_KG = (40, 130)


def _range(row) -> tuple[float, float]:
    return float(row["low"]), float(row["high"])


def _course(figure: go.Figure, facts: pd.DataFrame, cite: dict, lang: str) -> None:
    total = float(facts.loc["therapy-sessions-total", "value"])
    low, high = _range(facts.loc["therapy-sessions-mdma"])
    for count in (int(low), int(high)):
        label = translate("protocol.course_row", lang, count=count)
        figure.add_trace(
            go.Bar(
                y=[label], x=[count], orientation="h", marker={"color": MDMA_COLOR},
                text=[translate("protocol.mdma_sessions", lang, count=count)], textposition="inside", insidetextanchor="middle",
                textfont={"color": "white", "size": 15},
                hovertext=[cited_hover(translate("protocol.mdma_sessions", lang, count=count), cite["therapy-sessions-mdma"])],
                hovertemplate="%{hovertext}<extra></extra>", meta="course-mdma",
            ),
            row=1, col=1,
        )
        figure.add_trace(
            go.Bar(
                y=[label], x=[total - count], base=[count], orientation="h", marker={"color": TALK_COLOR},
                text=[translate("protocol.talk_sessions", lang, count=int(total - count))], textposition="inside",
                insidetextanchor="middle", textfont={"color": INK, "size": 15},
                hovertext=[cited_hover(translate("protocol.talk_hover", lang), cite["therapy-sessions-total"])],
                hovertemplate="%{hovertext}<extra></extra>", meta="course-talk",
            ),
            row=1, col=1,
        )
    figure.update_xaxes(AXIS, row=1, col=1, range=[0, total + 0.2], dtick=1,
                        title={"text": translate("protocol.course_axis", lang, total=format_fact(facts.loc["therapy-sessions-total"], lang))})
    figure.update_yaxes({**AXIS, "showgrid": False}, row=1, col=1, automargin=True, autorange="reversed")


def _session(figure: go.Figure, facts: pd.DataFrame, cite: dict, lang: str) -> None:
    first_low, first_high = _range(facts.loc["dose-example-initial"])
    start, end = _range(facts.loc["booster-timing"])
    fraction = float(facts.loc["booster-fraction", "value"])
    example = float(facts.loc["booster-example", "value"])
    half_low, half_high = first_low * fraction, first_high * fraction
    figure.add_vrect(x0=start, x1=end, fillcolor=BOOSTER_WINDOW, line_width=0, row=2, col=1, layer="below")
    figure.add_trace(
        go.Bar(
            x=[0], y=[first_high - first_low], base=[first_low], width=[14], marker={"color": MDMA_COLOR},
            hovertext=[cited_hover(translate("protocol.first_dose_hover", lang, dose=format_fact(facts.loc["dose-example-initial"], lang)),
                                   cite["dose-example-initial"])],
            hovertemplate="%{hovertext}<extra></extra>", meta="first-dose",
        ),
        row=2, col=1,
    )
    figure.add_trace(
        go.Scatter(
            x=[start, end, end, start, start], y=[half_low, half_low, half_high, half_high, half_low], fill="toself",
            fillcolor="rgba(93, 58, 155, 0.25)", line={"color": BOOSTER_COLOR, "width": 1, "dash": "dot"}, mode="lines",
            hovertext=cited_hover(translate("protocol.booster_half", lang, low=f"{half_low:g}", high=f"{half_high:g}"),
                                  cite["booster-fraction"]),
            hoveron="fills", hoverinfo="text", meta="booster-half",
        ),
        row=2, col=1,
    )
    figure.add_trace(
        go.Scatter(
            x=[start, end], y=[example, example], mode="lines", line={"color": BOOSTER_COLOR, "width": 4},
            hovertext=cited_hover(translate("protocol.booster_example", lang, dose=format_fact(facts.loc["booster-example"], lang)),
                                  cite["booster-example"]),
            hoverinfo="text", meta="booster-example",
        ),
        row=2, col=1,
    )
    figure.add_annotation(x=7, y=(first_low + first_high) / 2, xref="x2", yref="y2", xanchor="left", showarrow=False,
                          text=" " + translate("protocol.first_dose", lang, dose=format_fact(facts.loc["dose-example-initial"], lang)),
                          font={"color": MDMA_COLOR, "size": 15})
    figure.add_annotation(x=end, y=example, xref="x2", yref="y2", xanchor="left", showarrow=False,
                          text=" " + format_fact(facts.loc["booster-example"], lang), font={"color": BOOSTER_COLOR, "size": 15})
    figure.add_annotation(x=(start + end) / 2, y=half_low, xref="x2", yref="y2", yanchor="top", showarrow=False,
                          text=translate("protocol.booster_half_short", lang, low=f"{half_low:g}", high=f"{half_high:g}"),
                          font={"color": BOOSTER_COLOR, "size": 13})
    figure.add_annotation(x=(start + end) / 2, y=first_high * 1.12, xref="x2", yref="y2", showarrow=False,
                          text=translate("protocol.booster_window", lang, timing=format_fact(facts.loc["booster-timing"], lang)),
                          font={"color": BOOSTER_COLOR, "size": 14})
    figure.update_xaxes(AXIS, row=2, col=1, range=[-15, end + 45], dtick=30, title={"text": translate("protocol.minutes_axis", lang)})
    figure.update_yaxes(AXIS, row=2, col=1, range=[0, first_high * 1.25], title={"text": translate("protocol.mg_axis", lang)})


def _weight(figure: go.Figure, facts: pd.DataFrame, cite: dict, lang: str) -> None:
    weights = np.array(WEIGHT_AXIS_KG, dtype=float)
    takeaways = _range(facts.loc["dose-range-takeaways"])
    protocol = _range(facts.loc["dose-range-protocol"])
    for key, (low, high), color in (("dose-range-takeaways", takeaways, TAKEAWAYS_BAND), ("dose-range-protocol", protocol, PROTOCOL_BAND)):
        label = translate(f"protocol.band.{key}", lang, range=format_fact(facts.loc[key], lang))
        figure.add_trace(
            go.Scatter(
                x=[*weights, *weights[::-1], weights[0]], y=[*(weights * low), *(weights[::-1] * high), weights[0] * low],
                fill="toself", fillcolor=color, line={"width": 0}, mode="lines", name=label,
                hovertext=cited_hover(label, cite[key]), hoveron="fills", hoverinfo="text", meta=key, showlegend=True,
                legendgroup="weight",
            ),
            row=3, col=1,
        )
    weight = float(facts.loc["dose-example-weight", "value"])
    low, high = _range(facts.loc["dose-example-initial"])
    figure.add_trace(
        go.Scatter(
            x=[weight, weight], y=[low, high], mode="lines+markers", line={"color": INK, "width": 4},
            marker={"size": 10, "color": INK}, name=translate("protocol.example", lang),
            hovertext=cited_hover(translate("protocol.example_hover", lang, weight=format_fact(facts.loc["dose-example-weight"], lang),
                                            dose=format_fact(facts.loc["dose-example-initial"], lang)), cite["dose-example-initial"]),
            hoverinfo="text", meta="example", showlegend=True, legendgroup="weight",
        ),
        row=3, col=1,
    )
    figure.update_xaxes(AXIS, row=3, col=1, range=list(WEIGHT_AXIS_KG), title={"text": translate("protocol.weight_axis", lang)})
    figure.update_yaxes(AXIS, row=3, col=1, rangemode="tozero", title={"text": translate("protocol.mg_axis", lang)})


def protocol_figure(facts: pd.DataFrame, citations: dict[str, str], lang: str) -> go.Figure:
    """The course, one MDMA session and dose by body weight, stacked.

    Parameters
    ----------
    facts : DataFrame
        The ``facts`` table.
    citations : dict
        Fact id to its citation text.
    lang : {"en", "zh"}
    """
    table = facts.set_index("id")
    figure = make_subplots(
        rows=3, cols=1, row_heights=[0.2, 0.4, 0.4], vertical_spacing=0.13,
        subplot_titles=[
            translate("protocol.course_title", lang),
            translate("protocol.session_title", lang, weight=format_fact(table.loc["dose-example-weight"], lang)),
            translate("protocol.weight_title", lang),
        ],
    )
    _course(figure, table, citations, lang)
    _session(figure, table, citations, lang)
    _weight(figure, table, citations, lang)
    figure.update_layout(
        CHART_LAYOUT,
        barmode="overlay",
        showlegend=True,
        # inside the weight chart, top left, where the bands are lowest
        legend={"x": 0.01, "y": 0.27, "yanchor": "top", "bgcolor": "rgba(255,255,255,0.85)", "font": {"size": 14},
                "itemclick": False, "itemdoubleclick": False},
        margin={"l": 10, "r": 30, "t": 40, "b": 95},
        annotations=[
            *figure.layout.annotations,
            {"x": 0, "y": 0, "yshift": -58, "xref": "paper", "yref": "paper", "xanchor": "left", "yanchor": "top", "showarrow": False,
             "text": translate("protocol.not_advice", lang), "font": {"size": 14, "color": "#8A1C1C"}},
        ],
        uirevision="protocol",
    )
    for trace in figure.data:
        if trace.showlegend is None:
            trace.showlegend = False
    return figure
