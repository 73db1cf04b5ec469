"""The side panel: the selected region's or connection's card, and the sources.

Every claim shows its document, section and evidence badge; region and
connection names inside the text are links that select them everywhere.
All text comes from the content tables and the i18n layer, and is rendered
as text (Dash escapes it), never as HTML.
"""

from __future__ import annotations

import pandas as pd
from dash import Input, Output, dcc, html

from dashboard import ids
from dashboard.content import Content
from dashboard.figures.scenario import DIRECTION_STYLE, combine
from dashboard.i18n import translate
from dashboard.state import ViewState
from dashboard.views.common import Citations, Links, claim_meta, discrepancy_item, local, scenario_name

__all__ = ["layout", "register_callbacks", "region_card", "connection_card", "sources_view", "section_anchor"]


def _claim(row, lang: str, link: Links, cite: Citations, target: str) -> html.Li:
    style = DIRECTION_STYLE[row["direction"]]
    measure = translate(f"measure.{row['measure']}", lang) if "measure" in row else translate("measure.connectivity", lang)
    return html.Li(
        className="claim",
        children=[
            link(target, f"{style.glyph} {measure}", "claim-head"),
            html.P(local(row, "explanation", lang)),
            claim_meta(row, lang, cite),
        ],
    )


def _across_table(content: Content, rows: list, lang: str, describe) -> html.Table:
    body = []
    for scenario in content.tables["scenarios"]["id"]:
        claims = [row for row in rows if row["scenario"] == scenario]
        if not claims:
            continue
        glyph = DIRECTION_STYLE[combine(row["direction"] for row in claims)].glyph
        body.append(html.Tr([html.Td(scenario_name(content, scenario, lang)), html.Td(f"{glyph} {describe(claims)}")]))
    head = html.Tr([html.Th(translate("panel.scenario_column", lang)), html.Th(translate("panel.change_column", lang))])
    return html.Table(className="across", children=[html.Thead(head), html.Tbody(body)])


def region_card(content: Content, region_id: str, view: ViewState) -> html.Article:
    """What the documents say about one region, in the current scenario and across all."""
    lang, link, cite = view.lang, Links("panel"), Citations(content, "panel", view.lang)
    region = content.region(region_id)
    described = [row for row in content.records("glossary") if row["id"] == region_id]
    mine = [row for row in content.records("effects") if row["region"] == region_id]
    now = [row for row in mine if row["scenario"] == view.scenario]
    touching = [row for row in content.records("connections") if region_id in (row["from_region"], row["to_region"])]
    transmitters = sorted({row["transmitter"] for row in mine + touching if pd.notna(row["transmitter"])})
    other = "en" if lang == "zh" else "zh"
    children = [
        html.H3(region.name(lang)),
        html.P(region.name(other), className="other-name"),
        html.H4(translate("panel.what", lang)),
    ]
    if not described:
        children.append(html.P(translate("panel.no_description", lang)))
    else:
        row = described[0]
        children += [html.P(local(row, "definition", lang)), cite(row["source"], row["section"])]
    children.append(html.H4(translate("panel.in_scenario", lang, scenario=scenario_name(content, view.scenario, lang))))
    if not now:
        children.append(html.P(translate("panel.no_claims", lang), className="muted"))
    else:
        children.append(html.Ul(className="claims", children=[_claim(r, lang, link, cite, f"region:{region_id}") for r in now]))
    if mine:
        children += [
            html.H4(translate("panel.across", lang)),
            _across_table(
                content,
                mine,
                lang,
                lambda claims: ", ".join(dict.fromkeys(translate(f"measure.{claim['measure']}", lang) for claim in claims)),
            ),
        ]
    children += [
        html.H4(translate("panel.transmitters", lang)),
        html.P(", ".join(translate(f"transmitter.{t}", lang) for t in transmitters) or translate("panel.none_stated", lang)),
    ]
    if touching:
        children += [
            html.H4(translate("panel.connections", lang)),
            html.Ul(
                className="links",
                children=[html.Li(link(f"connection:{row['id']}", local(row, "name", lang))) for row in touching],
            ),
        ]
    return html.Article(className="card", children=children)


def connection_card(content: Content, connection_id: str, view: ViewState) -> html.Article:
    """A pathway: its ends, transmitter, changes per scenario and their sources."""
    lang, link, cite = view.lang, Links("panel"), Citations(content, "panel", view.lang)
    row = next(row for row in content.records("connections") if row["id"] == connection_id)
    mine = [change for change in content.records("connection_changes") if change["connection"] == connection_id]
    now = [change for change in mine if change["scenario"] == view.scenario]
    source = link(f"region:{row['from_region']}", content.region(row["from_region"]).name(lang))
    target = link(f"region:{row['to_region']}", content.region(row["to_region"]).name(lang))
    ends_key = "panel.endpoints" if row["directed"] == "true" else "panel.between"
    template = translate(ends_key, lang, source="\0", target="\1")
    before, rest = template.split("\0")
    middle, after = rest.split("\1")
    transmitter = row["transmitter"]
    children = [
        html.H3(local(row, "name", lang)),
        html.P([before, source, middle, target, after], className="ends"),
        html.P(local(row, "description", lang)),
        claim_meta(row, lang, cite, stated="true"),
        html.H4(translate("panel.transmitters", lang)),
        html.P(translate(f"transmitter.{transmitter}", lang) if pd.notna(transmitter) else translate("transmitter.none", lang)),
        html.H4(translate("panel.in_scenario", lang, scenario=scenario_name(content, view.scenario, lang))),
    ]
    if not now:
        children.append(html.P(translate("panel.no_claims", lang), className="muted"))
    else:
        children.append(
            html.Ul(className="claims", children=[_claim(r, lang, link, cite, f"connection:{connection_id}") for r in now])
        )
    if mine:
        children += [
            html.H4(translate("panel.across", lang)),
            _across_table(content, mine, lang, lambda claims: translate("measure.connectivity", lang)),
        ]
    return html.Article(className="card", children=children)


def section_anchor(source: str, section: str) -> str:
    """The DOM id of a section in the Sources tab."""
    return f"section-{source}-{section}"


def sources_view(content: Content, lang: str, cited: str | None = None) -> html.Article:
    """The two documents with their sections, and where they disagree.

    ``cited`` (``source/section``) is the section a citation button opened:
    it is highlighted and scrolled into view.
    """
    sections = content.tables["sections"]
    cite = Citations(content, "sources", lang)
    documents = []
    for _, source in content.tables["sources"].iterrows():
        parts = sections[sections["source"] == source["id"]]
        dated = translate("risks.document_date", lang, date=source["date"]) if pd.notna(source["date"]) else translate("risks.undated", lang)
        items = []
        for _, part in parts.iterrows():
            chosen = cited == f"{source['id']}/{part['id']}"
            children = [local(part, "title", lang)]
            if pd.notna(part["note_en"]):
                children.append(html.Span(f" — {local(part, 'note', lang)}", className="muted"))
            if chosen:
                children.append(html.Span(translate("panel.cited", lang), className="badge cited-badge"))
            items.append(html.Li(children, id=section_anchor(source["id"], part["id"]), className="section cited" if chosen else "section"))
        documents.append(
            html.Li(
                [
                    html.Strong(local(source, "title", lang)),
                    html.Span(f" ({source['file']}; {dated})", className="muted"),
                    html.Ul(items),
                ]
            )
        )
    disagreements = [discrepancy_item(row, lang, cite) for _, row in content.tables["discrepancies"].iterrows()]
    return html.Article(
        className="card",
        children=[
            html.H3(translate("panel.documents", lang)),
            html.Ul(documents),
            html.H3(translate("panel.discrepancies", lang)),
            html.Ul(disagreements, className="discrepancies"),
            html.P(translate("panel.educational", lang), className="disclaimer"),
        ],
    )


def panel_body(content: Content, view: ViewState):
    if view.panel == "sources":
        return sources_view(content, view.lang, view.cite)
    if view.select is None:
        return html.P(translate("panel.no_selection", view.lang), className="muted")
    if view.select.kind == "connection":
        return connection_card(content, view.select.id, view)
    return region_card(content, view.select.id, view)


def layout(content: Content, lang: str = "en") -> html.Aside:
    """The side panel, showing what the default view state shows (no round trip at load)."""
    return html.Aside(
        className="panel side-panel",
        children=[
            dcc.Tabs(
                id=ids.PANEL_TABS,
                value="details",
                children=[
                    dcc.Tab(label=translate("panel.details", lang), value="details"),
                    dcc.Tab(label=translate("panel.sources", lang), value="sources"),
                ],
            ),
            html.Div(id=ids.PANEL_BODY, className="panel-body", children=panel_body(content, ViewState(lang=lang)), **{"aria-live": "polite"}),
            dcc.Store(id=ids.PANEL_SCROLLED),
        ],
    )


def register_callbacks(app, content: Content) -> None:
    # The layout starts with the default state's body; a URL asking for more
    # changes the view state, which fires this.
    @app.callback(Output(ids.PANEL_BODY, "children"), Input(ids.VIEW_STATE, "data"), prevent_initial_call=True)
    def show(data):
        return panel_body(content, ViewState.from_dict(data))

    # A citation opens the Sources tab at its section: bring it into view.
    app.clientside_callback(
        """function (children) {
            window.requestAnimationFrame(function () {
                var cited = document.querySelector('.section.cited');
                if (cited) { cited.scrollIntoView({block: 'center'}); }
            });
            return window.dash_clientside.no_update;
        }""",
        Output(ids.PANEL_SCROLLED, "data"),
        Input(ids.PANEL_BODY, "children"),
        prevent_initial_call=True,
    )

    @app.callback(Output(ids.PANEL_TABS, "children"), Input(ids.LANGUAGE, "value"), prevent_initial_call=True)
    def tab_labels(lang):
        return [
            dcc.Tab(label=translate("panel.details", lang), value="details"),
            dcc.Tab(label=translate("panel.sources", lang), value="sources"),
        ]
