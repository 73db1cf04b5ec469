"""The curated content, loaded and validated in one place.

``load_content()`` is what the dashboard, the CLI and ``check-data`` call;
it either returns every table, typed, or raises :class:`ContentError` with
all the problems found (never the first only).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from atlas.sources import atlas_files
from atlas.volumes import StructureSpec
from dashboard.content.regions import REGIONS_SCHEMA, Region, region_problems, regions_from_table
from dashboard.content.validation import ContentError, Problem, read_table, schema_problems
from dashboard.paths import data_dir

__all__ = ["Content", "ContentError", "Problem", "load_content"]


@dataclass(frozen=True)
class Content:
    """Every curated table, validated."""

    regions: tuple[Region, ...]

    def region(self, region_id: str) -> Region:
        for region in self.regions:
            if region.id == region_id:
                return region
        raise KeyError(f"unknown region {region_id!r}; known: {', '.join(r.id for r in self.regions)}")

    @property
    def region_ids(self) -> tuple[str, ...]:
        return tuple(region.id for region in self.regions)

    def structure_specs(self) -> list[StructureSpec]:
        """Every atlas structure to mesh, in table order."""
        return [spec for region in self.regions for spec in region.structure_specs()]


def load_content(directory: Path | None = None) -> Content:
    """Load and validate the data folder (cached per folder).

    Raises
    ------
    ContentError
        Listing every problem as ``file:row:column: reason``.
    """
    return _load(Path(directory) if directory else data_dir())


@lru_cache(maxsize=4)
def _load(directory: Path) -> Content:
    problems: list[Problem] = []
    table, read = read_table(directory / "regions.csv")
    problems += read
    if table is not None:
        table, invalid = schema_problems("regions.csv", table, REGIONS_SCHEMA)
        problems += invalid or region_problems("regions.csv", table, atlas_files())
    if problems:
        raise ContentError(problems)
    return Content(regions=tuple(regions_from_table(table)))
