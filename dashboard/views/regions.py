"""The list of regions beside the 3D view; each entry selects its region."""

from __future__ import annotations

from dash import ALL, ClientsideFunction, Input, Output, html

from dashboard import ids
from dashboard.content.regions import Region
from dashboard.i18n import translate

__all__ = ["layout", "register_callbacks", "region_text"]


def region_meta(region: Region, lang: str) -> str:
    """Hemispheres and atlas of a region, as the list shows them."""
    hemispheres = " · ".join(translate(f"hemisphere.{side}", lang) for side in region.labels)
    atlas = translate(f"regions.atlas.{region.atlas}", lang, threshold=region.threshold or 0)
    return f"{hemispheres} — {atlas}"


def region_text(region: Region, part: str, lang: str) -> str:
    """One line of a region's list entry: ``name``, ``other`` (other language) or ``meta``."""
    if part == "name":
        return region.name(lang)
    if part == "other":
        return region.name("en" if lang == "zh" else "zh")
    return region_meta(region, lang)


def _item(region: Region, lang: str) -> html.Li:
    lines = [("name", "region-name"), ("other", "region-name-other"), ("meta", "region-meta")]
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
                        html.Span(region_text(region, part, lang), className=css, id=ids.text(f"region-{part}:{region.id}"))
                        for part, css in lines
                    ],
                ),
            ],
        )
    )


def layout(regions, lang: str = "en") -> html.Nav:
    return html.Nav(
        className="panel region-panel",
        **{"aria-label": translate("regions.heading", lang)},
        children=[
            html.H2(translate("regions.heading", lang), id=ids.text("regions.heading")),
            html.Ul(id=ids.REGION_LIST, className="region-list", children=[_item(region, lang) for region in regions]),
        ],
    )


def register_callbacks(app) -> None:
    # assets/regions.js: marks the selected region's entry
    app.clientside_callback(
        ClientsideFunction(namespace="regions", function_name="highlight"),
        Output({"type": "select-region", "region": ALL}, "className"),
        Input(ids.VIEW_STATE, "data"),
        prevent_initial_call=True,
    )
