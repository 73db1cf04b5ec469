"""Small pieces every text view shares: citations, evidence badges, numbers.

A citation is a button: clicking it opens the Sources tab at the cited
section. Its id is scoped by the view that drew it and numbered within one
rendering, so two views never draw the same id.
"""

from __future__ import annotations

import pandas as pd
from dash import html

from dashboard import ids
from dashboard.content import Content
from dashboard.figures.style import format_fact
from dashboard.i18n import translate

__all__ = [
    "dropdown_labels",
    "local",
    "citation_text",
    "Links",
    "Citations",
    "evidence_badge",
    "claim_meta",
    "fact_item",
    "discrepancy_item",
    "scenario_name",
]


def local(row, column: str, lang: str) -> str:
    """``row[column_zh]`` or ``row[column_en]``."""
    return row[f"{column}_zh"] if lang == "zh" else row[f"{column}_en"]


def citation_text(content: Content, source: str, section: str, lang: str) -> str:
    """``Document title § Section title`` in ``lang``."""
    return content.citation(source, section, lang)


def scenario_name(content: Content, scenario: str, lang: str) -> str:
    return content.scenario_name(scenario, lang)


class Links:
    """Draws the select-links (region or pathway) of one rendering of one view."""

    def __init__(self, scope: str):
        self.scope, self.count = scope, 0

    def __call__(self, target: str, label: str, class_name: str = "link") -> html.Button:
        self.count += 1
        return html.Button(label, id=ids.select_link(target, f"{self.scope}-{self.count}"), className=class_name, n_clicks=0)


class Citations:
    """Draws the citation buttons of one rendering of one view."""

    def __init__(self, content: Content, scope: str, lang: str):
        self.content, self.scope, self.lang, self.count = content, scope, lang, 0

    def __call__(self, source: str, section: str) -> html.Button:
        self.count += 1
        text = citation_text(self.content, source, section, self.lang)
        return html.Button(
            text,
            id=ids.cite_link(self.scope, source, section, self.count),
            className="citation",
            n_clicks=0,
            title=translate("cite.open", self.lang, citation=text),
        )


def evidence_badge(kind: str, stated: str, lang: str) -> html.Span:
    """The kind of evidence; an asterisk when it is inferred, not stated."""
    label = translate(f"evidence.{kind}", lang)
    inferred = stated == "false"
    return html.Span(
        f"{label}*" if inferred else label,
        className=f"badge evidence-{kind}",
        title=translate("evidence.inferred", lang) if inferred else label,
    )


def claim_meta(row, lang: str, cite: Citations, *, stated: str | None = None, before=(), after=()) -> html.Div:
    """The line under a claim: its evidence badge and its citation button.

    ``stated`` overrides the row's ``evidence_stated`` (for tables without
    it); ``before`` and ``after`` are further items on the same line.
    """
    badge = evidence_badge(row["evidence"], row["evidence_stated"] if stated is None else stated, lang)
    return html.Div(className="claim-meta", children=[*before, badge, cite(row["source"], row["section"]), *after])


def discrepancy_item(row, lang: str, cite: Citations) -> html.Li:
    """Where the documents disagree: both readings, each with its source, and a note."""
    return html.Li(
        className="discrepancy",
        children=[
            html.Strong(local(row, "topic", lang)),
            html.P([local(row, "reading_a", lang), " — ", cite(row["source_a"], row["section_a"])]),
            html.P([local(row, "reading_b", lang), " — ", cite(row["source_b"], row["section_b"])]),
            html.P(local(row, "note", lang), className="muted"),
        ],
    )


def fact_item(row, lang: str, cite: Citations) -> html.Li:
    """One number from the facts table with its label, note, evidence and source."""
    children = [
        html.Span(format_fact(row, lang), className="fact-value"),
        html.Span(local(row, "label", lang), className="fact-label"),
    ]
    if pd.notna(row["note_en"]):
        children.append(html.Span(local(row, "note", lang), className="fact-note"))
    children.append(claim_meta(row, lang, cite))
    return html.Li(className="fact", id=f"fact-{row['id']}", children=children)


DROPDOWN_LABELS = ("select_all", "deselect_all", "selected_count", "search", "clear_search", "clear_selection", "no_options_found")


def dropdown_labels(lang: str) -> dict:
    """The words Dash's Dropdown writes itself (search box, select all, "3 selected"), in ``lang``."""
    return {name: translate(f"dropdown.{name}", lang) for name in DROPDOWN_LABELS}
