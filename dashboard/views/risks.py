"""Risks as the documents state them, split by where the evidence comes from.

Each risk shows its source, the kind of evidence and a date: the 'as of'
date the document gives, else the document's own date. Risks tied to the
selected region's transmitters are highlighted.
"""

from __future__ import annotations

import pandas as pd
from dash import html

from dashboard.content import Content
from dashboard.i18n import translate
from dashboard.state import ViewState
from dashboard.views import document
from dashboard.views.common import Citations, claim_meta, fact_item, local

__all__ = ["layout", "register_callbacks", "render", "risk_date"]

PANE = "risks"


def risk_date(risk, sources: pd.DataFrame, lang: str) -> str:
    """The risk's 'as of' date, else its document's date, else 'undated'."""
    if pd.notna(risk["as_of"]):
        return translate("risks.as_of", lang, date=risk["as_of"])
    date = sources.loc[risk["source"], "date"]
    return translate("risks.document_date", lang, date=date) if pd.notna(date) else translate("risks.undated", lang)


def _risk(row, sources: pd.DataFrame, lang: str, cite: Citations, related: bool) -> html.Li:
    head = [html.Strong(local(row, "name", lang))]
    if related:
        head.append(html.Span(translate("neurochem.related", lang), className="badge related-badge"))
    return html.Li(
        className="risk related" if related else "risk",
        children=[
            html.Div(className="step-head", children=head),
            html.P(local(row, "description", lang)),
            claim_meta(row, lang, cite, after=[html.Span(risk_date(row, sources, lang), className="risk-date")]),
        ],
    )


def _substances(row) -> set[str]:
    return set(row["substances"].split(";")) if pd.notna(row["substances"]) else set()


def render(content: Content, view: ViewState) -> document.Document:
    lang = view.lang
    cite = Citations(content, PANE, lang)
    risks = content.tables["risks"]
    sources = content.tables["sources"].set_index("id")
    facts = content.tables["facts"]
    selected = document.selection_substances(content, view)
    head = [
        html.H2(translate("risks.heading", lang)),
        html.P(translate("risks.not_advice", lang), className="advice-warning", role="note"),
        html.P(translate("risks.intro", lang)),
    ]
    note = document.selection_note(content, view, selected)
    if note is not None:
        head.append(note)
    groups = []
    for key, rows in (("risks.animal", risks[risks["evidence"] == "animal"]), ("risks.human", risks[risks["evidence"] != "animal"])):
        groups.append(
            html.Section(
                className="risk-group",
                children=[
                    html.H3(translate(key, lang)),
                    html.Ul([_risk(row, sources, lang, cite, bool(_substances(row) & selected)) for _, row in rows.iterrows()], className="risks"),
                ],
            )
        )
    numbers = facts[facts["topic"].isin(("risk", "regulation"))]
    body = [
        html.Div(className="risk-groups", children=groups),
        html.H3(translate("risks.numbers", lang)),
        html.Ul([fact_item(row, lang, cite) for _, row in numbers.iterrows()], className="facts"),
    ]
    return document.Document(head=head, figure=None, body=body)


def layout() -> html.Section:
    return document.layout(PANE, with_chart=False)


def register_callbacks(app, content: Content) -> None:
    document.register(app, PANE, content, render, with_chart=False)
