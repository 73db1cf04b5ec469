"""The curated content, loaded and validated in one place.

``load_content()`` is what the dashboard, the CLI and ``check-data`` call;
it either returns every table, typed, or raises :class:`ContentError` with
all the problems found (never the first only).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from types import MappingProxyType

import pandas as pd

from atlas.sources import atlas_files
from atlas.volumes import StructureSpec
from dashboard.content.regions import REGIONS_SCHEMA, Region, region_problems, regions_from_table
from dashboard.content.tables import TABLE_SCHEMAS, cross_table_problems
from dashboard.content.validation import ContentError, Problem, read_table, schema_problems
from dashboard.paths import data_dir

__all__ = ["Content", "ContentError", "Problem", "TABLE_NAMES", "load_content"]

TABLE_NAMES = ("regions", *TABLE_SCHEMAS)


@dataclass(frozen=True)
class Content:
    """Every curated table, validated.

    ``regions`` are typed objects (the atlas layer needs them); the other
    tables are DataFrames coerced by their schemas, keyed by table name.
    """

    regions: tuple[Region, ...]
    tables: dict[str, pd.DataFrame] = field(default_factory=dict, compare=False)

    def region(self, region_id: str) -> Region:
        for region in self.regions:
            if region.id == region_id:
                return region
        raise KeyError(f"unknown region {region_id!r}; known: {', '.join(r.id for r in self.regions)}")

    @property
    def region_ids(self) -> tuple[str, ...]:
        return tuple(region.id for region in self.regions)

    def citation(self, source: str, section: str, lang: str) -> str:
        """``Document title § Section title`` in ``lang`` (``zh`` or ``en``)."""
        return self._citations[(source, section, "zh" if lang == "zh" else "en")]

    @cached_property
    def _citations(self) -> dict[tuple[str, str, str], str]:
        # Built once: every selection draws a dozen citations.
        titles = {(row["id"], lang): row[f"title_{lang}"] for row in self.tables["sources"].to_dict("records") for lang in ("en", "zh")}
        return {
            (row["source"], row["id"], lang): f"{titles[(row['source'], lang)]} § {row[f'title_{lang}']}"
            for row in self.tables["sections"].to_dict("records")
            for lang in ("en", "zh")
        }

    def records(self, table: str) -> tuple[MappingProxyType, ...]:
        """A table's rows as read-only dicts, in table order.

        For the per-selection views: filtering a dozen rows in plain Python
        takes microseconds, where each pandas boolean mask costs a millisecond.
        """
        return self._records[table]

    @cached_property
    def _records(self) -> dict[str, tuple[MappingProxyType, ...]]:
        return {name: tuple(MappingProxyType(row) for row in table.to_dict("records")) for name, table in self.tables.items()}

    def row_citations(self, table: str, lang: str) -> dict[str, str]:
        """Each row's citation text in ``lang``, by the row's id."""
        rows = self.records(table)
        return {row["id"]: self.citation(row["source"], row["section"], lang) for row in rows}

    def scenario_name(self, scenario: str, lang: str) -> str:
        """A scenario's display name in ``lang``."""
        return self._scenario_names[(scenario, "zh" if lang == "zh" else "en")]

    @cached_property
    def _scenario_names(self) -> dict[tuple[str, str], str]:
        return {(row["id"], lang): row[f"name_{lang}"] for row in self.tables["scenarios"].to_dict("records") for lang in ("en", "zh")}

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
    schemas = {"regions": REGIONS_SCHEMA, **TABLE_SCHEMAS}
    tables: dict[str, pd.DataFrame] = {}
    for name, schema in schemas.items():
        table, read = read_table(directory / f"{name}.csv")
        problems += read
        if table is None:
            continue
        table, invalid = schema_problems(f"{name}.csv", table, schema)
        problems += invalid
        tables[name] = table
    if "regions" in tables and not problems:
        problems += region_problems("regions.csv", tables["regions"], atlas_files())
    if not problems:
        # Foreign keys only mean something once every table has its columns.
        problems += cross_table_problems(tables)
    if problems:
        raise ContentError(problems)
    regions = tuple(regions_from_table(tables.pop("regions")))
    return Content(regions=regions, tables=tables)
