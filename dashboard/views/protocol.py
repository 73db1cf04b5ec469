"""Therapy protocol: the course, one MDMA session and dose by body weight.

Always with the not-medical-advice note: this is the one view with doses.
Where the documents' numbers differ, both readings are listed.
"""

from __future__ import annotations

from dash import html

from dashboard import ids
from dashboard.content import Content
from dashboard.figures.protocol import protocol_figure
from dashboard.i18n import translate
from dashboard.state import ViewState
from dashboard.views import document
from dashboard.views.common import Citations, discrepancy_item, fact_item

__all__ = ["layout", "register_callbacks", "render", "PROTOCOL_DISCREPANCIES"]

PANE = "protocol"
# The documents' disagreements about the protocol, shown beside its chart.
PROTOCOL_DISCREPANCIES = ("dose-lower-bound", "booster-amount")
SCENARIO_LINKS = ("mdma-acute", "mdma-therapy")


def render(content: Content, view: ViewState) -> document.Document:
    lang = view.lang
    cite = Citations(content, PANE, lang)
    facts = content.tables["facts"]
    discrepancies = content.tables["discrepancies"].set_index("id")
    buttons = [
        html.Button(
            translate(f"protocol.show.{scenario}", lang), id=ids.choose_scenario(scenario), n_clicks=0,
            className="choose-drug" + (" current" if view.scenario == scenario and not view.compare else ""),
        )
        for scenario in SCENARIO_LINKS
    ]
    head = [
        html.H2(translate("protocol.heading", lang)),
        html.P(translate("protocol.not_advice", lang), className="advice-warning", role="note"),
        html.P(translate("protocol.intro", lang)),
        html.Div(className="scenario-links", children=buttons),
    ]
    numbers = [fact_item(row, lang, cite) for _, row in facts[facts["topic"] == "protocol"].iterrows()]
    body = [
        html.H3(translate("protocol.disagree", lang)),
        html.Ul([discrepancy_item(discrepancies.loc[key], lang, cite) for key in PROTOCOL_DISCREPANCIES], className="discrepancies"),
        html.H3(translate("protocol.numbers", lang)),
        html.Ul(numbers, className="facts"),
    ]
    figure = protocol_figure(facts, content.row_citations("facts", lang), lang)
    return document.Document(head=head, figure=figure, body=body)


def layout() -> html.Section:
    return document.layout(PANE, "document-chart protocol-chart")


def register_callbacks(app, content: Content) -> None:
    document.register(app, PANE, content, render)
