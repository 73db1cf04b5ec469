"""Neurochemistry: what MDMA releases, blocks and activates, with the numbers.

The steps come from ``mechanisms.csv`` and the numbers from ``facts.csv``;
rows tied to the selected region's or pathway's transmitters are
highlighted, and a comparison drug's own profile is shown beside MDMA's.
"""

from __future__ import annotations

import pandas as pd
from dash import html

from dashboard.content import Content
from dashboard.figures.neurochem import neurochem_figure
from dashboard.figures.style import SUBSTANCE_COLORS
from dashboard.i18n import translate
from dashboard.state import ViewState
from dashboard.views import document
from dashboard.views.common import Citations, Links, claim_meta, fact_item, local, scenario_name

__all__ = ["layout", "register_callbacks", "render"]

PANE = "neurochem"


def _step(row, lang: str, cite: Citations, related: bool, link_region) -> html.Li:
    substance = translate(f"transmitter.{row['substance']}", lang)
    head = [
        html.Span(substance, className="substance", style={"borderColor": SUBSTANCE_COLORS[row["substance"]]}),
        html.Span(translate(f"action.{row['action']}", lang), className=f"action action-{row['action']}"),
        html.Strong(local(row, "target", lang)),
    ]
    if related:
        head.append(html.Span(translate("neurochem.related", lang), className="badge related-badge"))
    children = [html.Div(className="step-head", children=head), html.P(local(row, "description", lang))]
    region = [link_region(row["region"])] if pd.notna(row["region"]) else []
    children.append(claim_meta(row, lang, cite, before=region))
    return html.Li(className="step related" if related else "step", children=children)


def _comparison_note(content: Content, view: ViewState, cite: Citations) -> html.Div | None:
    """A compared drug's own action, so the MDMA steps are not read as its."""
    profiles = content.tables["drug_profiles"].set_index("scenario")
    shown = [s for s in (view.scenario, view.compare) if s and s in profiles.index and s != "mdma-acute"]
    if not shown:
        return None
    lang = view.lang
    items = [
        html.Li([html.Strong(scenario_name(content, drug, lang)), ": ", local(profiles.loc[drug], "action", lang), " ",
                 cite(profiles.loc[drug, "source"], profiles.loc[drug, "section"])])
        for drug in shown
    ]
    return html.Div(className="comparison-note", children=[html.P(translate("neurochem.other_drug", lang)), html.Ul(items)])


def render(content: Content, view: ViewState) -> document.Document:
    lang = view.lang
    cite = Citations(content, PANE, lang)
    substances = document.selection_substances(content, view)
    mechanisms = content.tables["mechanisms"].sort_values("step")
    facts = content.tables["facts"]

    links = Links(PANE)

    def link_region(region_id: str) -> html.Button:
        return links(f"region:{region_id}", content.region(region_id).name(lang), "link region-link")

    head = [html.H2(translate("neurochem.heading", lang)), html.P(translate("neurochem.intro", lang))]
    note = document.selection_note(content, view, substances)
    if note is not None:
        head.append(note)
    comparison = _comparison_note(content, view, cite)
    if comparison is not None:
        head.append(comparison)
    steps = [
        _step(row, lang, cite, row["substance"] in substances, link_region)
        for _, row in mechanisms.iterrows()
    ]
    numbers = [fact_item(row, lang, cite) for _, row in facts[facts["topic"] == "neurochemistry"].iterrows()]
    body = [
        html.H3(translate("neurochem.steps", lang)),
        html.Ol(steps, className="steps"),
        html.H3(translate("neurochem.numbers", lang)),
        html.Ul(numbers, className="facts"),
    ]
    figure = neurochem_figure(facts, content.row_citations("facts", lang), lang)
    return document.Document(head=head, figure=figure, body=body)


def layout() -> html.Section:
    return document.layout(PANE)


def register_callbacks(app, content: Content) -> None:
    document.register(app, PANE, content, render)
