"""The list of regions beside the 3D view."""

from __future__ import annotations

from collections.abc import Mapping

from dash import html

from atlas.store import StructureStats
from dashboard import ids
from dashboard.content.regions import Region
from dashboard.i18n import translate

__all__ = ["layout"]


def _atlas_note(region: Region, lang: str) -> str:
    return translate(f"regions.atlas.{region.atlas}", lang, threshold=region.threshold or 0)


def _item(region: Region, structures: list[StructureStats], lang: str) -> html.Li:
    hemispheres = " · ".join(translate(f"hemisphere.{s.hemisphere}", lang) for s in structures)
    other = "en" if lang == "zh" else "zh"
    return html.Li(
        className="region-item",
        id={"type": "region-item", "region": region.id},
        children=[
            html.Span(className="swatch", style={"backgroundColor": region.color}),
            html.Span(
                className="region-text",
                children=[
                    html.Span(region.name(lang), className="region-name"),
                    html.Span(region.name(other), className="region-name-other", lang=other),
                    html.Span(f"{hemispheres} — {_atlas_note(region, lang)}", className="region-meta"),
                ],
            ),
        ],
    )


def layout(regions, stats: Mapping[str, StructureStats], lang: str = "en") -> html.Nav:
    by_region: dict[str, list[StructureStats]] = {}
    for structure in stats.values():
        by_region.setdefault(structure.region_id, []).append(structure)
    return html.Nav(
        className="panel region-panel",
        **{"aria-label": translate("regions.heading", lang)},
        children=[
            html.H2(translate("regions.heading", lang)),
            html.Ul(
                id=ids.REGION_LIST,
                className="region-list",
                children=[_item(region, by_region.get(region.id, []), lang) for region in regions],
            ),
        ],
    )
