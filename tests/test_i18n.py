"""Every user-facing string exists in English and Chinese."""

import re

import pytest

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
