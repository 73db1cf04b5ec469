"""What a scenario changes, reduced to what the figures draw.

Pure functions over the content tables: the direction of each region and
connection in a scenario, and the colours, glyphs and line styles that
encode it. Direction is never carried by hue alone: every direction also
has a glyph and, for connections, a line style.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

__all__ = [
    "DIRECTION_STYLE",
    "BASELINE",
    "DirectionStyle",
    "region_directions",
    "connection_directions",
    "combine",
]

BASELINE = "baseline"
NO_CLAIM = "none"
MIXED = "mixed"


@dataclass(frozen=True)
class DirectionStyle:
    """How one direction looks: colour (colour-blind-safe), glyph, line."""

    color: str
    glyph: str
    dash: str
    width: float


# Orange and purple (PuOr ends) stay apart for all common colour-vision types
# and differ in lightness, so they also survive grey-scale printing.
DIRECTION_STYLE = {
    "up": DirectionStyle("#E66100", "▲", "solid", 9.0),
    "down": DirectionStyle("#5D3A9B", "▼", "dash", 6.0),
    "unchanged": DirectionStyle("#8C8C8C", "=", "solid", 4.0),
    MIXED: DirectionStyle("#B07AA1", "◆", "dashdot", 5.0),
    NO_CLAIM: DirectionStyle("#C8CDD3", "", "dot", 2.5),
}


def combine(directions) -> str:
    """One direction for several claims: theirs if they agree, else mixed."""
    distinct = set(directions)
    if not distinct:
        return NO_CLAIM
    return distinct.pop() if len(distinct) == 1 else MIXED


def region_directions(effects: pd.DataFrame, scenario: str) -> dict[str, str]:
    """Direction per region id in ``scenario`` (regions without a claim are absent)."""
    return _directions(effects["scenario"], effects["region"], effects["direction"], scenario)


def connection_directions(changes: pd.DataFrame, scenario: str) -> dict[str, str]:
    """Direction per connection id in ``scenario`` (connections without a claim are absent)."""
    return _directions(changes["scenario"], changes["connection"], changes["direction"], scenario)


def _directions(scenarios, keys, directions, scenario: str) -> dict[str, str]:
    # Plain Python over a dozen rows: pandas' groupby costs milliseconds per call here.
    found: dict[str, list[str]] = {}
    for row_scenario, key, direction in zip(scenarios, keys, directions):
        if row_scenario == scenario:
            found.setdefault(key, []).append(direction)
    return {key: combine(values) for key, values in found.items()}
