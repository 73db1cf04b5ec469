"""Where the shipped ``data/`` and ``assets/`` folders are.

In a wheel they are packed inside the ``dashboard`` package (as ``_data``
and ``_assets``); in a checkout, or an editable install, they are the
top-level folders beside it. ``BRAIN_CIRCUITS_DATA`` points at another data
folder (used by ``check-data`` on a copy, and by tests).
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["DATA_ENV", "data_dir", "assets_dir"]

DATA_ENV = "BRAIN_CIRCUITS_DATA"
_PACKAGE = Path(__file__).resolve().parent


def _shipped(packed: str, top_level: str) -> Path:
    inside = _PACKAGE / packed
    return inside if inside.is_dir() else _PACKAGE.parent / top_level


def data_dir() -> Path:
    """The folder of curated content tables."""
    override = os.environ.get(DATA_ENV)
    return Path(override) if override else _shipped("_data", "data")


def assets_dir() -> Path:
    """The folder of CSS, JS and icons that Dash serves."""
    return _shipped("_assets", "assets")
