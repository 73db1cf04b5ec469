"""Language switching for the static text of the page.

Static text carries an id ``{"type": "text", "key": KEY}``; one callback
re-translates all of it when the language changes. ``region:ID`` keys are
region names from the content tables.
"""

from __future__ import annotations

from dash import ALL, Input, Output, ctx

from dashboard import ids
from dashboard.content import Content
from dashboard.i18n import translate
from dashboard.state import ViewState
from dashboard.views.controls import camera_options, compare_options, scenario_options, toggle_options

__all__ = ["register_callbacks", "text_for"]


def text_for(content: Content, key: str, lang: str) -> str:
    if key.startswith("region:"):
        return content.region(key.partition(":")[2]).name(lang)
    return translate(key, lang)


def register_callbacks(app, content: Content) -> None:
    @app.callback(
        Output({"type": "text", "key": ALL}, "children"),
        Output(ids.SCENARIO, "options"),
        Output(ids.COMPARE, "options"),
        Output(ids.CAMERA, "options"),
        Output(ids.TOGGLES, "options"),
        Output(ids.EXTRA, "placeholder"),
        Input(ids.VIEW_STATE, "data"),
        prevent_initial_call=True,
    )
    def translate_page(data):
        lang = ViewState.from_dict(data).lang
        texts = [text_for(content, output["id"]["key"], lang) for output in ctx.outputs_list[0]]
        return (
            texts,
            scenario_options(content, lang),
            compare_options(content, lang),
            camera_options(lang),
            toggle_options(lang),
            translate("controls.extra_placeholder", lang),
        )
