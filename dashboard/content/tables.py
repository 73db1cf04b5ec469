"""Schemas of the content tables and the checks that span tables.

Each table is a CSV in ``data/``. A pandera schema checks each table's
columns, types and allowed values; :func:`cross_table_problems` checks what
one table cannot see alone: foreign keys (every region, scenario, source and
section cited exists), ordered ranges, and that anatomical context never
carries a number.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import pandera.pandas as pa

from dashboard.content.validation import Problem, line_of

__all__ = [
    "EVIDENCE_KINDS",
    "DIRECTIONS",
    "MEASURES",
    "SCENARIO_KINDS",
    "TABLE_SCHEMAS",
    "cross_table_problems",
]

EVIDENCE_KINDS = ("human-clinical", "human-imaging", "animal", "anatomical-context")
DIRECTIONS = ("up", "down", "unchanged")
MEASURES = (
    "activation",
    "blood-flow",
    "connectivity",
    "receptor-activation",
    "transmitter-release",
    "resting-state-activity",
    "interoception",
)
SCENARIO_KINDS = ("condition", "mdma", "comparison")
ID = r"^[a-z0-9]+(-[a-z0-9]+)*$"
CJK = r"[\u4e00-\u9fff]"


def _id(unique: bool = True) -> pa.Column:
    return pa.Column(str, pa.Check.str_matches(ID), unique=unique)


def _text(nullable: bool = False) -> pa.Column:
    return pa.Column(str, pa.Check.str_length(min_value=1), nullable=nullable)


def _chinese(nullable: bool = False) -> pa.Column:
    # Chinese text must contain Chinese: catches an English string pasted twice.
    return pa.Column(str, pa.Check.str_contains(CJK), nullable=nullable)


def _enum(values, nullable: bool = False) -> pa.Column:
    return pa.Column(str, pa.Check.isin(values), nullable=nullable)


def _number() -> pa.Column:
    return pa.Column(float, nullable=True, coerce=True)


def _flag() -> pa.Column:
    return pa.Column(str, pa.Check.isin(("true", "false")))


_CITATION = {"source": _text(), "section": _text()}

TABLE_SCHEMAS: dict[str, pa.DataFrameSchema] = {
    "sources": pa.DataFrameSchema(
        {
            "id": _id(),
            "file": _text(),
            "title_en": _text(),
            "title_zh": _chinese(),
            "language": _text(),
            "date": _text(nullable=True),
            "author": _text(nullable=True),
        }
    ),
    "sections": pa.DataFrameSchema(
        {
            "source": _text(),
            "id": _id(unique=False),
            "title_en": _text(),
            "title_zh": _chinese(),
            "note_en": _text(nullable=True),
            "note_zh": _chinese(nullable=True),
        },
        unique=["source", "id"],
    ),
    "scenarios": pa.DataFrameSchema(
        {
            "id": _id(),
            "kind": _enum(SCENARIO_KINDS),
            "name_en": _text(),
            "name_zh": _text(),
            "description_en": _text(),
            "description_zh": _chinese(),
            **_CITATION,
        }
    ),
    "effects": pa.DataFrameSchema(
        {
            "id": _id(),
            "scenario": _text(),
            "region": _text(),
            "measure": _enum(MEASURES),
            "direction": _enum(DIRECTIONS),
            "magnitude": _text(nullable=True),
            "low": _number(),
            "high": _number(),
            "unit": _text(nullable=True),
            "evidence": _enum(EVIDENCE_KINDS),
            "evidence_stated": _flag(),
            **_CITATION,
            "explanation_en": _text(),
            "explanation_zh": _chinese(),
        }
    ),
    "connections": pa.DataFrameSchema(
        {
            "id": _id(),
            "from_region": _text(),
            "to_region": _text(),
            "directed": _flag(),
            "transmitter": _text(nullable=True),
            "name_en": _text(),
            "name_zh": _chinese(),
            "evidence": _enum(EVIDENCE_KINDS),
            **_CITATION,
            "description_en": _text(),
            "description_zh": _chinese(),
        }
    ),
    "connection_changes": pa.DataFrameSchema(
        {
            "id": _id(),
            "connection": _text(),
            "scenario": _text(),
            "direction": _enum(DIRECTIONS),
            "magnitude": _text(nullable=True),
            "evidence": _enum(EVIDENCE_KINDS),
            "evidence_stated": _flag(),
            **_CITATION,
            "explanation_en": _text(),
            "explanation_zh": _chinese(),
        }
    ),
    "facts": pa.DataFrameSchema(
        {
            "id": _id(),
            "topic": _enum(("neurochemistry", "protocol", "risk", "regulation")),
            "label_en": _text(),
            "label_zh": _chinese(),
            "value": _text(nullable=True),
            "low": _number(),
            "high": _number(),
            "unit": _text(),
            "approximate": _flag(),
            # A number is never anatomical context.
            "evidence": _enum(EVIDENCE_KINDS[:3]),
            **_CITATION,
            "note_en": _text(nullable=True),
            "note_zh": _chinese(nullable=True),
        }
    ),
    "discrepancies": pa.DataFrameSchema(
        {
            "id": _id(),
            "topic_en": _text(),
            "topic_zh": _chinese(),
            "reading_a_en": _text(),
            "reading_a_zh": _chinese(),
            "source_a": _text(),
            "section_a": _text(),
            "reading_b_en": _text(),
            "reading_b_zh": _chinese(),
            "source_b": _text(),
            "section_b": _text(),
            "note_en": _text(),
            "note_zh": _chinese(),
        }
    ),
    "glossary": pa.DataFrameSchema(
        {
            "id": _id(),
            "term_en": _text(),
            "term_zh": _chinese(),
            "definition_en": _text(),
            "definition_zh": _chinese(),
            **_CITATION,
        }
    ),
    "risks": pa.DataFrameSchema(
        {
            "id": _id(),
            "name_en": _text(),
            "name_zh": _chinese(),
            "description_en": _text(),
            "description_zh": _chinese(),
            "evidence": _enum(EVIDENCE_KINDS[:3]),
            **_CITATION,
        }
    ),
    "drug_profiles": pa.DataFrameSchema(
        {
            "scenario": pa.Column(str, unique=True),
            "main_target_en": _text(),
            "main_target_zh": _chinese(),
            "action_en": _text(),
            "action_zh": _chinese(),
            "experience_en": _text(),
            "experience_zh": _chinese(),
            "cortex_en": _text(nullable=True),
            "cortex_zh": _chinese(nullable=True),
            **_CITATION,
        }
    ),
}


@dataclass(frozen=True)
class _ForeignKey:
    table: str
    column: str
    target: str


_FOREIGN_KEYS = [
    _ForeignKey("sections", "source", "sources"),
    _ForeignKey("effects", "scenario", "scenarios"),
    _ForeignKey("effects", "region", "regions"),
    _ForeignKey("connections", "from_region", "regions"),
    _ForeignKey("connections", "to_region", "regions"),
    _ForeignKey("connection_changes", "connection", "connections"),
    _ForeignKey("connection_changes", "scenario", "scenarios"),
    _ForeignKey("drug_profiles", "scenario", "scenarios"),
]
# (table, source column, section column): each citation names a real section.
_CITATIONS = [(name, "source", "section") for name, schema in TABLE_SCHEMAS.items() if "section" in schema.columns]
_CITATIONS += [("discrepancies", "source_a", "section_a"), ("discrepancies", "source_b", "section_b")]
_NUMBER_COLUMNS = ("magnitude", "low", "high", "value")


def cross_table_problems(tables: dict[str, pd.DataFrame]) -> list[Problem]:
    """Foreign keys, citations, ordered ranges and number-free anatomical context."""
    problems = []
    ids = {name: set(table["id"]) for name, table in tables.items() if "id" in table.columns}
    for key in _FOREIGN_KEYS:
        for index, value in tables[key.table][key.column].items():
            if value not in ids[key.target]:
                problems.append(
                    Problem(f"{key.table}.csv", line_of(index), key.column, f"{value!r} is not an id in {key.target}.csv")
                )
    sections = set(zip(tables["sections"]["source"], tables["sections"]["id"]))
    for name, source_column, section_column in _CITATIONS:
        table = tables[name]
        for index, source, section in zip(table.index, table[source_column], table[section_column]):
            if source not in ids["sources"]:
                problems.append(Problem(f"{name}.csv", line_of(index), source_column, f"{source!r} is not an id in sources.csv"))
            elif (source, section) not in sections:
                problems.append(
                    Problem(f"{name}.csv", line_of(index), section_column, f"{section!r} is not a section of {source!r} in sections.csv")
                )
    for name, table in tables.items():
        if {"low", "high"} <= set(table.columns):
            for index, low, high in zip(table.index, table["low"], table["high"]):
                if pd.notna(low) and pd.notna(high) and float(low) > float(high):
                    problems.append(Problem(f"{name}.csv", line_of(index), "low", f"range is reversed: {low:g} > {high:g}"))
        if "evidence" in table.columns:
            numeric = [column for column in _NUMBER_COLUMNS if column in table.columns]
            for index, row in table[table["evidence"] == "anatomical-context"].iterrows():
                for column in numeric:
                    if pd.notna(row[column]):
                        problems.append(
                            Problem(f"{name}.csv", line_of(index), column, "anatomical context never carries a number")
                        )
    return problems
