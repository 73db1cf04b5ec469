"""Every user-facing string exists in English and Chinese."""

import re

import pytest

from dashboard import ids
from dashboard.i18n import LANGUAGES, strings, translate

CJK = re.compile(r"[\u4e00-\u9fff]")
# Keys whose text is a name or a format with nothing to translate.
SAME_IN_BOTH = {"app.title", "brain3d.hover", "brain3d.hover_atlas", "unit.percent", "unit.date"}


class _Blank(dict):
    def __missing__(self, key):
        return ""


@pytest.mark.parametrize("key", sorted(strings()))
def test_every_key_has_both_languages(key):
    entry = strings()[key]
    for lang in LANGUAGES:
        assert isinstance(entry.get(lang), str) and entry[lang].strip(), f"{key} has no {lang} text"
    if key not in SAME_IN_BOTH:
        assert CJK.search(entry["zh"]), f"{key}: the Chinese text has no Chinese in it"
        assert entry["en"] != entry["zh"]
    else:
        assert not re.search(r"[A-Za-z]", entry["zh"].format_map(_Blank())) or key in {"app.title"}, key


def test_placeholders_match_between_languages():
    for key, entry in strings().items():
        fields = {lang: set(re.findall(r"{(\w+)", entry[lang])) for lang in LANGUAGES}
        assert fields["en"] == fields["zh"], key


def test_unknown_key_is_an_error_not_a_blank():
    with pytest.raises(KeyError):
        translate("no.such.key", "zh")


def test_every_dropdown_speaks_the_page_language(resources):
    """Dash's Dropdown writes words of its own ("Search", "3 selected"): each menu gets them translated."""
    import dash

    from dashboard.app import create_app
    from dashboard.views.common import dropdown_labels

    app = create_app(resources)
    menus = set()

    def walk(node):
        if isinstance(node, dash.dcc.Dropdown):
            menus.add(node.id)
            assert node.labels == dropdown_labels("en")
        for child in getattr(node, "children", None) or []:
            if not isinstance(child, str):
                walk(child)

    walk(app.layout)
    on_language = [key for key, callback in app.callback_map.items()
                   if {"id": ids.LANGUAGE, "property": "value"} in callback["inputs"]]
    translated = {output.rpartition(".")[0] for key in on_language for output in key.strip(".").split("...")
                  if output.endswith(".labels")}
    assert menus and menus == translated
    zh = dropdown_labels("zh")
    assert set(zh) >= {"select_all", "deselect_all", "selected_count", "search", "no_options_found"}
    assert "{num_selected}" in zh["selected_count"] and not any(text.isascii() for text in zh.values())
