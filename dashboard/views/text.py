"""Language switching for the static text of the page.

Static text carries an id ``{"type": "text", "key": KEY}``; one callback
re-translates all of it when the language changes. ``region-PART:ID`` keys
are lines of a region's list entry, from the content tables.
"""

from __future__ import annotations

from dash import ALL, Input, Output, ctx

from dashboard import ids
from dashboard.content import Content
from dashboard.i18n import translate
from dashboard.views.common import dropdown_labels
from dashboard.views.controls import camera_options, compare_options, scenario_options, theme_options, toggle_options
from dashboard.views.export import format_options
from dashboard.views.panes import pane_options
from dashboard.views.regions import region_text

__all__ = ["register_callbacks", "text_for"]


def text_for(content: Content, key: str, lang: str) -> str:
    """The text of an i18n key, or of a region's list line (``region-PART:ID``)."""
    if key.startswith("region-"):
        part, _, region_id = key.removeprefix("region-").partition(":")
        return region_text(content.region(region_id), part, lang)
    return translate(key, lang)


# every Dropdown on the page: their own words (search, "3 selected") follow the language
DROPDOWNS = (ids.SCENARIO, ids.COMPARE, ids.CAMERA, ids.EXTRA, ids.EXPORT_FORMAT)


def register_callbacks(app, content: Content) -> None:
    @app.callback(
        Output({"type": "text", "key": ALL}, "children"),
        Output(ids.SCENARIO, "options"),
        Output(ids.COMPARE, "options"),
        Output(ids.CAMERA, "options"),
        Output(ids.TOGGLES, "options"),
        Output(ids.EXTRA, "placeholder"),
        Output(ids.PANE, "options"),
        Output(ids.RADIOLOGICAL, "options"),
        Output(ids.EXPORT_FORMAT, "options"),
        Output(ids.EXPORT_OPTIONS, "options"),
        Output(ids.EXPORT_BUTTON, "children"),
        Output(ids.THEME, "options"),
        Output(ids.TOUR_START, "children"),
        Output(ids.PRESENT_TOGGLE, "children"),
        *(Output(menu, "labels") for menu in DROPDOWNS),
        Input(ids.LANGUAGE, "value"),
        prevent_initial_call=True,
    )
    def translate_page(lang):
        texts = [text_for(content, output["id"]["key"], lang) for output in ctx.outputs_list[0]]
        return (
            texts,
            scenario_options(content, lang),
            compare_options(content, lang),
            camera_options(lang),
            toggle_options(lang),
            translate("controls.extra_placeholder", lang),
            pane_options(lang),
            [{"label": translate("slices.radiological", lang), "value": "radiological"}],
            format_options(lang),
            [{"label": translate("export.transparent", lang), "value": "transparent"}],
            translate("export.button", lang),
            theme_options(lang),
            translate("tour.start", lang),
            translate("present.toggle", lang),
            *[dropdown_labels(lang)] * len(DROPDOWNS),
        )
