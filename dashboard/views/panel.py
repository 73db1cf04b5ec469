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

__all__ = ["layout", "register_callbacks", "region_card", "connection_card", "sources_view"]


def _local(row, column: str, lang: str) -> str:
    return row[f"{column}_zh"] if lang == "zh" else row[f"{column}_en"]


class _Links:
    """Numbers the select-links of one rendering so their ids stay unique."""

    def __init__(self):
        self.count = 0

    def __call__(self, target: str, label: str, class_name: str = "link") -> html.Button:
        self.count += 1
        return html.Button(label, id=ids.select_link(target, self.count), className=class_name, n_clicks=0)


def citation(content: Content, source: str, section: str, lang: str) -> html.Span:
    sources = content.tables["sources"].set_index("id")
    sections = content.tables["sections"]
    title = _local(sources.loc[source], "title", lang)
    part = sections[(sections["source"] == source) & (sections["id"] == section)].iloc[0]
    return html.Span(f"{title} § {_local(part, 'title', lang)}", className="citation")


def evidence_badge(kind: str, stated: str, lang: str) -> html.Span:
    label = translate(f"evidence.{kind}", lang)
    inferred = stated == "false"
    return html.Span(
        f"{label}*" if inferred else label,
        className=f"badge evidence-{kind}",
        title=translate("evidence.inferred", lang) if inferred else label,
    )


def _claim(content: Content, row, lang: str, link: _Links, target: str) -> html.Li:
    style = DIRECTION_STYLE[row["direction"]]
    measure = translate(f"measure.{row['measure']}", lang) if "measure" in row else translate("measure.connectivity", lang)
    return html.Li(
        className="claim",
        children=[
            link(target, f"{style.glyph} {measure}", "claim-head"),
            html.P(_local(row, "explanation", lang)),
            html.Div(
                className="claim-meta",
                children=[
                    evidence_badge(row["evidence"], row["evidence_stated"], lang),
                    citation(content, row["source"], row["section"], lang),
                ],
            ),
        ],
    )


def _scenario_name(content: Content, scenario: str, lang: str) -> str:
    table = content.tables["scenarios"].set_index("id")
    return _local(table.loc[scenario], "name", lang)


def _across_table(content: Content, rows: pd.DataFrame, lang: str, describe) -> html.Table:
    body = []
    for scenario in content.tables["scenarios"]["id"]:
        claims = rows[rows["scenario"] == scenario]
        if claims.empty:
            continue
        glyph = DIRECTION_STYLE[combine(claims["direction"])].glyph
        body.append(html.Tr([html.Td(_scenario_name(content, scenario, lang)), html.Td(f"{glyph} {describe(claims)}")]))
    head = html.Tr([html.Th(translate("panel.scenario_column", lang)), html.Th(translate("panel.change_column", lang))])
    return html.Table(className="across", children=[html.Thead(head), html.Tbody(body)])


def region_card(content: Content, region_id: str, view: ViewState) -> html.Article:
    """What the documents say about one region, in the current scenario and across all."""
    lang, link = view.lang, _Links()
    region = content.region(region_id)
    glossary = content.tables["glossary"]
    described = glossary[glossary["id"] == region_id]
    effects = content.tables["effects"]
    mine = effects[effects["region"] == region_id]
    now = mine[mine["scenario"] == view.scenario]
    connections = content.tables["connections"]
    touching = connections[(connections["from_region"] == region_id) | (connections["to_region"] == region_id)]
    transmitters = sorted(set(mine["transmitter"].dropna()) | set(touching["transmitter"].dropna()))
    other = "en" if lang == "zh" else "zh"
    children = [
        html.H3(region.name(lang)),
        html.P(region.name(other), className="other-name"),
        html.H4(translate("panel.what", lang)),
    ]
    if described.empty:
        children.append(html.P(translate("panel.no_description", lang)))
    else:
        row = described.iloc[0]
        children += [html.P(_local(row, "definition", lang)), citation(content, row["source"], row["section"], lang)]
    children.append(html.H4(translate("panel.in_scenario", lang, scenario=_scenario_name(content, view.scenario, lang))))
    if now.empty:
        children.append(html.P(translate("panel.no_claims", lang), className="muted"))
    else:
        children.append(html.Ul(className="claims", children=[_claim(content, r, lang, link, f"region:{region_id}") for _, r in now.iterrows()]))
    if not mine.empty:
        children += [
            html.H4(translate("panel.across", lang)),
            _across_table(
                content,
                mine,
                lang,
                lambda claims: ", ".join(dict.fromkeys(translate(f"measure.{m}", lang) for m in claims["measure"])),
            ),
        ]
    children += [
        html.H4(translate("panel.transmitters", lang)),
        html.P(", ".join(translate(f"transmitter.{t}", lang) for t in transmitters) or translate("panel.none_stated", lang)),
    ]
    if not touching.empty:
        children += [
            html.H4(translate("panel.connections", lang)),
            html.Ul(
                className="links",
                children=[html.Li(link(f"connection:{row['id']}", _local(row, "name", lang))) for _, row in touching.iterrows()],
            ),
        ]
    return html.Article(className="card", children=children)


def connection_card(content: Content, connection_id: str, view: ViewState) -> html.Article:
    """A pathway: its ends, transmitter, changes per scenario and their sources."""
    lang, link = view.lang, _Links()
    connections = content.tables["connections"].set_index("id")
    row = connections.loc[connection_id]
    changes = content.tables["connection_changes"]
    mine = changes[changes["connection"] == connection_id]
    now = mine[mine["scenario"] == view.scenario]
    source = link(f"region:{row['from_region']}", content.region(row["from_region"]).name(lang))
    target = link(f"region:{row['to_region']}", content.region(row["to_region"]).name(lang))
    ends_key = "panel.endpoints" if row["directed"] == "true" else "panel.between"
    template = translate(ends_key, lang, source="\0", target="\1")
    before, rest = template.split("\0")
    middle, after = rest.split("\1")
    transmitter = row["transmitter"]
    children = [
        html.H3(_local(row, "name", lang)),
        html.P([before, source, middle, target, after], className="ends"),
        html.P(_local(row, "description", lang)),
        html.Div(
            className="claim-meta",
            children=[evidence_badge(row["evidence"], "true", lang), citation(content, row["source"], row["section"], lang)],
        ),
        html.H4(translate("panel.transmitters", lang)),
        html.P(translate(f"transmitter.{transmitter}", lang) if pd.notna(transmitter) else translate("transmitter.none", lang)),
        html.H4(translate("panel.in_scenario", lang, scenario=_scenario_name(content, view.scenario, lang))),
    ]
    if now.empty:
        children.append(html.P(translate("panel.no_claims", lang), className="muted"))
    else:
        children.append(
            html.Ul(className="claims", children=[_claim(content, r, lang, link, f"connection:{connection_id}") for _, r in now.iterrows()])
        )
    if not mine.empty:
        children += [
            html.H4(translate("panel.across", lang)),
            _across_table(content, mine, lang, lambda claims: translate("measure.connectivity", lang)),
        ]
    return html.Article(className="card", children=children)


def sources_view(content: Content, lang: str) -> html.Article:
    """The two documents with their sections, and where they disagree."""
    sections = content.tables["sections"]
    documents = []
    for _, source in content.tables["sources"].iterrows():
        parts = sections[sections["source"] == source["id"]]
        documents.append(
            html.Li(
                [
                    html.Strong(_local(source, "title", lang)),
                    html.Span(f" ({source['file']})", className="muted"),
                    html.Ul([html.Li(_local(part, "title", lang)) for _, part in parts.iterrows()]),
                ]
            )
        )
    disagreements = []
    for _, row in content.tables["discrepancies"].iterrows():
        disagreements.append(
            html.Li(
                className="discrepancy",
                children=[
                    html.Strong(_local(row, "topic", lang)),
                    html.P([_local(row, "reading_a", lang), " — ", citation(content, row["source_a"], row["section_a"], lang)]),
                    html.P([_local(row, "reading_b", lang), " — ", citation(content, row["source_b"], row["section_b"], lang)]),
                    html.P(_local(row, "note", lang), className="muted"),
                ],
            )
        )
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
        return sources_view(content, view.lang)
    if view.select is None:
        return html.P(translate("panel.no_selection", view.lang), className="muted")
    if view.select.kind == "connection":
        return connection_card(content, view.select.id, view)
    return region_card(content, view.select.id, view)


def layout(lang: str = "en") -> html.Aside:
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
            html.Div(id=ids.PANEL_BODY, className="panel-body", **{"aria-live": "polite"}),
        ],
    )


def register_callbacks(app, content: Content) -> None:
    @app.callback(Output(ids.PANEL_BODY, "children"), Input(ids.VIEW_STATE, "data"))
    def show(data):
        return panel_body(content, ViewState.from_dict(data))

    @app.callback(Output(ids.PANEL_TABS, "children"), Input(ids.LANGUAGE, "value"), prevent_initial_call=True)
    def tab_labels(lang):
        return [
            dcc.Tab(label=translate("panel.details", lang), value="details"),
            dcc.Tab(label=translate("panel.sources", lang), value="sources"),
        ]
