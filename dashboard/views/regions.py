"""The list of regions beside the 3D view; each entry selects its region."""

from __future__ import annotations

from collections.abc import Mapping

from dash import ALL, Input, Output, ctx, html

from atlas.store import StructureStats
from dashboard import ids
from dashboard.content.regions import Region
from dashboard.i18n import translate
from dashboard.state import ViewState

__all__ = ["layout", "register_callbacks"]


def _item(region: Region, structures: list[StructureStats], lang: str) -> html.Li:
    hemispheres = [f"hemisphere.{s.hemisphere}" for s in structures]
    other = "en" if lang == "zh" else "zh"
    atlas = translate(f"regions.atlas.{region.atlas}", lang, threshold=region.threshold or 0)
    return html.Li(
        html.Button(
            id=ids.region_button(region.id),
            className="region-item",
            n_clicks=0,
            children=[
                html.Span(className="swatch", style={"backgroundColor": region.color}),
                html.Span(
                    className="region-text",
                    children=[
                        html.Span(region.name(lang), className="region-name", id=ids.text(f"region:{region.id}")),
                        html.Span(region.name(other), className="region-name-other"),
                        html.Span(
                            f"{' · '.join(translate(key, lang) for key in hemispheres)} — {atlas}", className="region-meta"
                        ),
                    ],
                ),
            ],
        )
    )


def layout(regions, stats: Mapping[str, StructureStats], lang: str = "en") -> html.Nav:
    by_region: dict[str, list[StructureStats]] = {}
    for structure in stats.values():
        by_region.setdefault(structure.region_id, []).append(structure)
    return html.Nav(
        className="panel region-panel",
        **{"aria-label": translate("regions.heading", lang)},
        children=[
            html.H2(translate("regions.heading", lang), id=ids.text("regions.heading")),
            html.Ul(
                id=ids.REGION_LIST,
                className="region-list",
                children=[_item(region, by_region.get(region.id, []), lang) for region in regions],
            ),
        ],
    )


def register_callbacks(app) -> None:
    @app.callback(
        Output({"type": "select-region", "region": ALL}, "className"),
        Input(ids.VIEW_STATE, "data"),
        prevent_initial_call=True,
    )
    def highlight(data):
        view = ViewState.from_dict(data)
        chosen = view.select.id if view.select and view.select.kind == "region" else None
        return [
            "region-item selected" if output["id"]["region"] == chosen else "region-item"
            for output in ctx.outputs_list
        ]
