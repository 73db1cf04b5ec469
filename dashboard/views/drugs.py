"""Drug comparison: MDMA beside the drugs the documents name.

A dot-matrix chart of targets and a table of what each drug does; choosing
a drug (a chart row or its button) compares it with MDMA in every view.
"""

from __future__ import annotations

from dash import html

from dashboard import ids
from dashboard.content import Content
from dashboard.figures.drugs import drug_matrix_figure, highlighted_drug
from dashboard.i18n import translate
from dashboard.state import ViewState
from dashboard.views import document
from dashboard.views.common import Citations, citation_text, local, scenario_name

__all__ = ["layout", "register_callbacks", "render"]

PANE = "drugs"


def _table(content: Content, view: ViewState, highlighted: str | None, cite: Citations) -> html.Table:
    lang = view.lang
    profiles = content.tables["drug_profiles"]
    columns = ("target", "action", "experience", "cortex")
    head = html.Tr([html.Th(translate("drugs.drug", lang)), *[html.Th(translate(f"drugs.{c}", lang)) for c in columns]])
    rows = []
    for _, row in profiles.iterrows():
        drug = row["scenario"]
        current = drug == highlighted
        button = html.Button(
            translate("drugs.compared", lang) if current else translate("drugs.compare", lang),
            id=ids.choose_scenario(drug), n_clicks=0, className="choose-drug" + (" current" if current else ""),
            disabled=current,
        )
        cells = [local(row, name, lang) for name in ("main_target", "action", "experience")]
        cortex = local(row, "cortex", lang)
        cells.append(cortex if isinstance(cortex, str) else html.Span(translate("drugs.not_stated", lang), className="muted"))
        rows.append(
            html.Tr(
                className="current" if current else None,
                children=[
                    html.Th([html.Div(scenario_name(content, drug, lang)), button, html.Div(cite(row["source"], row["section"]))], scope="row"),
                    *[html.Td(cell) for cell in cells],
                ],
            )
        )
    return html.Table(className="drug-table", children=[html.Thead(head), html.Tbody(rows)])


def render(content: Content, view: ViewState) -> document.Document:
    lang = view.lang
    cite = Citations(content, PANE, lang)
    profiles = content.tables["drug_profiles"]
    targets = content.tables["drug_targets"]
    highlighted = highlighted_drug(profiles, view)
    names = {drug: scenario_name(content, drug, lang) for drug in profiles["scenario"]}
    citations = [citation_text(content, row.source, row.section, lang) for row in targets.itertuples(index=False)]
    figure = drug_matrix_figure(targets, names, citations, highlighted, lang)
    head = [html.H2(translate("drugs.heading", lang)), html.P(translate("drugs.intro", lang))]
    body = [_table(content, view, highlighted, cite)]
    return document.Document(head=head, figure=figure, body=body)


def layout() -> html.Section:
    return document.layout(PANE, "document-chart drug-chart")


def register_callbacks(app, content: Content) -> None:
    document.register(app, PANE, content, render)
