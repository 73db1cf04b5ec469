"""The ``regions`` table: which atlas structures make up each region."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import pandera.pandas as pa

from atlas.sources import AtlasFiles
from atlas.volumes import AAL3, ATLASES, HARVARD_OXFORD, StructureSpec, read_aal3_labels, read_harvard_oxford_labels
from dashboard.content.columns import enum, identifier, text
from dashboard.content.validation import Problem, line_of

__all__ = ["REGIONS_SCHEMA", "Region", "region_problems", "regions_from_table"]

HEMISPHERE_COLUMNS = {"left": "label_left", "right": "label_right", "midline": "label_midline"}

REGIONS_SCHEMA = pa.DataFrameSchema(
    {
        "id": identifier(),
        "name_en": text(),
        "name_zh": text(),
        "atlas": enum(ATLASES),
        "label_left": pa.Column(str, nullable=True),
        "label_right": pa.Column(str, nullable=True),
        "label_midline": pa.Column(str, nullable=True),
        "threshold": pa.Column(float, pa.Check.in_range(0, 100, include_min=False), nullable=True, coerce=True),
        "color": pa.Column(str, pa.Check.str_matches(r"^#[0-9A-Fa-f]{6}$")),
    },
    strict=False,
)


@dataclass(frozen=True)
class Region:
    """A region of the story and the atlas structures that draw it."""

    id: str
    name_en: str
    name_zh: str
    atlas: str
    labels: dict[str, str]
    threshold: float | None
    color: str

    def name(self, lang: str) -> str:
        return self.name_zh if lang == "zh" else self.name_en

    def structure_specs(self) -> list[StructureSpec]:
        return [
            StructureSpec(self.id, hemisphere, self.atlas, label, self.threshold)
            for hemisphere, label in self.labels.items()
        ]


def region_problems(file: str, table: pd.DataFrame, files: AtlasFiles) -> list[Problem]:
    """Checks beyond the schema: labels exist in their atlas, thresholds fit."""
    known = {
        HARVARD_OXFORD: read_harvard_oxford_labels(files.harvard_oxford_labels),
        AAL3: read_aal3_labels(files.aal3_labels),
    }
    problems = []
    for index, row in table.iterrows():
        line = line_of(index)
        labels = {column: row[column] for column in HEMISPHERE_COLUMNS.values() if pd.notna(row[column])}
        if not labels:
            problems.append(Problem(file, line, "label_left", "a region needs a label for at least one hemisphere"))
        if pd.notna(row["label_midline"]) and (pd.notna(row["label_left"]) or pd.notna(row["label_right"])):
            problems.append(Problem(file, line, "label_midline", "a midline region has no left or right label"))
        for column, label in labels.items():
            if row["atlas"] in known and label not in known[row["atlas"]]:
                problems.append(Problem(file, line, column, f"{label!r} is not a structure of {row['atlas']}"))
        if row["atlas"] == HARVARD_OXFORD and pd.isna(row["threshold"]):
            problems.append(Problem(file, line, "threshold", "a probabilistic atlas needs a threshold (percent)"))
        if row["atlas"] == AAL3 and pd.notna(row["threshold"]):
            problems.append(Problem(file, line, "threshold", "AAL3 is a label atlas: leave the threshold empty"))
    return problems


def regions_from_table(table: pd.DataFrame) -> list[Region]:
    regions = []
    for row in table.itertuples(index=False):
        labels = {
            hemisphere: getattr(row, column)
            for hemisphere, column in HEMISPHERE_COLUMNS.items()
            if pd.notna(getattr(row, column))
        }
        regions.append(
            Region(
                id=row.id,
                name_en=row.name_en,
                name_zh=row.name_zh,
                atlas=row.atlas,
                labels=labels,
                threshold=None if pd.isna(row.threshold) else float(row.threshold),
                color=row.color,
            )
        )
    return regions
