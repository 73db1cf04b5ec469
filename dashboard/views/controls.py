"""The control bar: scenario, comparison, camera, display toggles, language.

The menu of context structures starts empty. Its 265 atlas structures cost
Dash's Dropdown 0.2 to 0.4 s to index for search, on the main thread, before
the 3D scene could be drawn. ``assets/extras.js`` asks for them once the
scene is drawn and the browser is idle, or as soon as the pointer or the
focus reaches the menu; a URL with context structures gets them at once
(``url_state``).
"""

from __future__ import annotations

from dash import Input, Output, State, dcc, html

from dashboard import ids
from dashboard.content import Content
from dashboard.i18n import translate
from dashboard.state import CAMERA_PRESETS, THEMES, ViewState
from dashboard.views.common import dropdown_labels

__all__ = ["layout", "register_callbacks", "scenario_options", "compare_options", "camera_options", "toggle_options", "extra_options", "theme_options"]

NO_COMPARISON = "none"


def scenario_options(content: Content, lang: str) -> list[dict]:
    table = content.tables["scenarios"]
    column = "name_zh" if lang == "zh" else "name_en"
    return [{"label": name, "value": scenario} for scenario, name in zip(table["id"], table[column])]


def compare_options(content: Content, lang: str) -> list[dict]:
    return [{"label": translate("controls.no_comparison", lang), "value": NO_COMPARISON}, *scenario_options(content, lang)]


def camera_options(lang: str) -> list[dict]:
    return [{"label": translate(f"camera.{preset}", lang), "value": preset} for preset in CAMERA_PRESETS]


def theme_options(lang: str) -> list[dict]:
    return [{"label": translate(f"theme.{theme}", lang), "value": theme} for theme in THEMES]


def toggle_options(lang: str) -> list[dict]:
    return [{"label": translate(f"controls.{name}", lang), "value": name} for name in ("labels", "glass")]


def extra_options(catalogue) -> list[dict]:
    """Atlas structures as atlas-named options (atlas labels are English identifiers)."""
    names = {"harvard-oxford": "Harvard-Oxford", "aal3": "AAL3"}
    return [
        {"label": f"{label.replace('_', ' ')} · {names[atlas]}", "value": f"{atlas}:{label}"}
        for atlas, label in catalogue
    ]


def _field(label_key: str, control, lang: str) -> html.Div:
    return html.Div(className="control", children=[html.Label(translate(label_key, lang), id=ids.text(label_key)), control])


def layout(content: Content, extra_menu: list[dict], lang: str = "en") -> html.Div:
    """The control bar; ``extra_menu`` is the context menu's options (``extra_options``), kept in a store."""
    state = ViewState()
    return html.Div(
        className="control-bar",
        children=[
            _field(
                "controls.scenario",
                dcc.Dropdown(
                    id=ids.SCENARIO, options=scenario_options(content, lang), value=state.scenario, clearable=False,
                    labels=dropdown_labels(lang),
                ),
                lang,
            ),
            _field(
                "controls.compare",
                dcc.Dropdown(id=ids.COMPARE, options=compare_options(content, lang), value=NO_COMPARISON, clearable=False,
                             labels=dropdown_labels(lang)),
                lang,
            ),
            _field(
                "controls.camera",
                dcc.Dropdown(id=ids.CAMERA, options=camera_options(lang), value=state.camera, clearable=False,
                             labels=dropdown_labels(lang)),
                lang,
            ),
            _field(
                "controls.display",
                dcc.Checklist(
                    id=ids.TOGGLES, options=toggle_options(lang), value=["labels", "glass"], inline=True, className="toggles"
                ),
                lang,
            ),
            _field(
                "controls.opacity",
                dcc.Slider(
                    id=ids.OPACITY, min=0.02, max=0.6, step=0.01, value=state.opacity, marks=None,
                    tooltip={"placement": "bottom"},
                ),
                lang,
            ),
            _field(
                "controls.extra",
                dcc.Dropdown(
                    id=ids.EXTRA,
                    options=[],
                    value=[],
                    multi=True,
                    searchable=True,
                    placeholder=translate("controls.extra_placeholder", lang),
                    labels=dropdown_labels(lang),
                    className="extra-select",
                ),
                lang,
            ),
            _field(
                "controls.language",
                dcc.RadioItems(
                    id=ids.LANGUAGE,
                    options=[{"label": "English", "value": "en"}, {"label": "中文", "value": "zh"}],
                    value=lang,
                    inline=True,
                    className="toggles",
                ),
                lang,
            ),
            _field(
                "controls.theme",
                dcc.RadioItems(id=ids.THEME, options=theme_options(lang), value="light", inline=True, className="toggles"),
                lang,
            ),
            dcc.Store(id=ids.EXTRA_OPTIONS, data=extra_menu),
            dcc.Store(id=ids.EXTRA_WANTED),
        ],
    )


def register_callbacks(app) -> None:
    # Hands the menu its structures once asked (assets/extras.js); never twice.
    app.clientside_callback(
        """function (wanted, structures, shown) {
            return wanted && (shown || []).length < structures.length ? structures : window.dash_clientside.no_update;
        }""",
        Output(ids.EXTRA, "options", allow_duplicate=True),
        Input(ids.EXTRA_WANTED, "data"),
        State(ids.EXTRA_OPTIONS, "data"),
        State(ids.EXTRA, "options"),
        prevent_initial_call=True,
    )
