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

from dashboard.content.columns import chinese, enum, flag, identifier, number, text
from dashboard.content.validation import Problem, line_of
from dashboard.state import CAMERA_PRESETS, PANES

__all__ = [
    "EVIDENCE_KINDS",
    "DIRECTIONS",
    "MEASURES",
    "SCENARIO_KINDS",
    "TRANSMITTERS",
    "SUBSTANCES",
    "DRUG_TARGETS",
    "TARGET_RELATIONS",
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
# Each unit has an i18n template ``unit.NAME`` that places the amount.
UNITS = (
    "times", "fold", "pg/mL", "mg/kg", "mg", "kg", "sessions", "minutes-in", "of-initial-dose", "percent", "date", "mid-year",
)
SCENARIO_KINDS = ("condition", "mdma", "comparison")
TRANSMITTERS = ("serotonin", "dopamine", "norepinephrine")
SUBSTANCES = (*TRANSMITTERS, "oxytocin", "vasopressin")
MECHANISM_ACTIONS = ("block", "disrupt", "release", "activate", "caveat")
# What the drug comparison plots, in column order.
DRUG_TARGETS = (
    "serotonin-rise",
    "dopamine-rise",
    "sert-block",
    "dat-block",
    "5ht1b",
    "5ht2a",
    "nmda-block",
    "cortex-connectivity",
)
# primary: the document names it as the main action; no: the document says it does not.
TARGET_RELATIONS = ("primary", "yes", "no")
_CITATION = {"source": text(), "section": text()}
_SUBSTANCE_LIST = rf"^({'|'.join(SUBSTANCES)})(;({'|'.join(SUBSTANCES)}))*$"

TABLE_SCHEMAS: dict[str, pa.DataFrameSchema] = {
    "sources": pa.DataFrameSchema(
        {
            "id": identifier(),
            "file": text(),
            "title_en": text(),
            "title_zh": chinese(),
            "language": text(),
            "date": text(nullable=True),
            "author": text(nullable=True),
        }
    ),
    "sections": pa.DataFrameSchema(
        {
            "source": text(),
            "id": identifier(unique=False),
            "title_en": text(),
            "title_zh": chinese(),
            "note_en": text(nullable=True),
            "note_zh": chinese(nullable=True),
        },
        unique=["source", "id"],
    ),
    "scenarios": pa.DataFrameSchema(
        {
            "id": identifier(),
            "kind": enum(SCENARIO_KINDS),
            "name_en": text(),
            "name_zh": text(),
            "description_en": text(),
            "description_zh": chinese(),
            **_CITATION,
        }
    ),
    "effects": pa.DataFrameSchema(
        {
            "id": identifier(),
            "scenario": text(),
            "region": text(),
            "measure": enum(MEASURES),
            "direction": enum(DIRECTIONS),
            "magnitude": text(nullable=True),
            "low": number(),
            "high": number(),
            "unit": text(nullable=True),
            "transmitter": enum(TRANSMITTERS, nullable=True),
            "evidence": enum(EVIDENCE_KINDS),
            "evidence_stated": flag(),
            **_CITATION,
            "explanation_en": text(),
            "explanation_zh": chinese(),
        }
    ),
    "connections": pa.DataFrameSchema(
        {
            "id": identifier(),
            "from_region": text(),
            "to_region": text(),
            "directed": flag(),
            "transmitter": enum(TRANSMITTERS, nullable=True),
            "name_en": text(),
            "name_zh": chinese(),
            "evidence": enum(EVIDENCE_KINDS),
            **_CITATION,
            "description_en": text(),
            "description_zh": chinese(),
        }
    ),
    "connection_changes": pa.DataFrameSchema(
        {
            "id": identifier(),
            "connection": text(),
            "scenario": text(),
            "direction": enum(DIRECTIONS),
            "magnitude": text(nullable=True),
            "evidence": enum(EVIDENCE_KINDS),
            "evidence_stated": flag(),
            **_CITATION,
            "explanation_en": text(),
            "explanation_zh": chinese(),
        }
    ),
    "facts": pa.DataFrameSchema(
        {
            "id": identifier(),
            "topic": enum(("neurochemistry", "protocol", "risk", "regulation")),
            "label_en": text(),
            "label_zh": chinese(),
            "value": text(nullable=True),
            "low": number(),
            "high": number(),
            "unit": enum(UNITS),
            "approximate": flag(),
            # A number is never anatomical context.
            "evidence": enum(EVIDENCE_KINDS[:3]),
            "evidence_stated": flag(),
            **_CITATION,
            "note_en": text(nullable=True),
            "note_zh": chinese(nullable=True),
        }
    ),
    "discrepancies": pa.DataFrameSchema(
        {
            "id": identifier(),
            "topic_en": text(),
            "topic_zh": chinese(),
            "reading_a_en": text(),
            "reading_a_zh": chinese(),
            "source_a": text(),
            "section_a": text(),
            "reading_b_en": text(),
            "reading_b_zh": chinese(),
            "source_b": text(),
            "section_b": text(),
            "note_en": text(),
            "note_zh": chinese(),
        }
    ),
    "glossary": pa.DataFrameSchema(
        {
            "id": identifier(),
            "term_en": text(),
            "term_zh": chinese(),
            "definition_en": text(),
            "definition_zh": chinese(),
            **_CITATION,
        }
    ),
    "risks": pa.DataFrameSchema(
        {
            "id": identifier(),
            "name_en": text(),
            "name_zh": chinese(),
            "description_en": text(),
            "description_zh": chinese(),
            "substances": pa.Column(str, pa.Check.str_matches(_SUBSTANCE_LIST), nullable=True),
            "evidence": enum(EVIDENCE_KINDS[:3]),
            "evidence_stated": flag(),
            **_CITATION,
            # When the risk was stated to hold, where the document dates it.
            "as_of": pa.Column(str, pa.Check.str_matches(r"^\d{4}(-\d{2})?$"), nullable=True),
        }
    ),
    "mechanisms": pa.DataFrameSchema(
        {
            "id": identifier(),
            "step": pa.Column(int, coerce=True, unique=True),
            "substance": enum(SUBSTANCES),
            "action": enum(MECHANISM_ACTIONS),
            "target_en": text(),
            "target_zh": chinese(),
            "region": text(nullable=True),
            "description_en": text(),
            "description_zh": chinese(),
            "evidence": enum(EVIDENCE_KINDS[:3]),
            "evidence_stated": flag(),
            **_CITATION,
        }
    ),
    "tour": pa.DataFrameSchema(
        {
            "step": pa.Column(int, coerce=True, unique=True, checks=pa.Check.ge(1)),
            "id": identifier(),
            "scenario": text(),
            "compare": text(nullable=True),
            "select": pa.Column(str, pa.Check.str_matches(r"^(region|connection):[a-z0-9-]+$"), nullable=True),
            "camera": enum(CAMERA_PRESETS),
            "pane": enum(PANES),
            "title_en": text(),
            "title_zh": chinese(),
            "text_en": text(),
            "text_zh": chinese(),
            **_CITATION,
            "source_b": text(nullable=True),
            "section_b": text(nullable=True),
        }
    ),
    "drug_targets": pa.DataFrameSchema(
        {
            "scenario": text(),
            "target": enum(DRUG_TARGETS),
            "relation": enum(TARGET_RELATIONS),
            **_CITATION,
        },
        unique=["scenario", "target"],
    ),
    "drug_profiles": pa.DataFrameSchema(
        {
            "scenario": pa.Column(str, unique=True),
            "main_target_en": text(),
            "main_target_zh": chinese(),
            "action_en": text(),
            "action_zh": chinese(),
            "experience_en": text(),
            "experience_zh": chinese(),
            "cortex_en": text(nullable=True),
            "cortex_zh": chinese(nullable=True),
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
    _ForeignKey("mechanisms", "region", "regions"),
    _ForeignKey("drug_targets", "scenario", "drug_profiles"),
    _ForeignKey("tour", "scenario", "scenarios"),
    _ForeignKey("tour", "compare", "scenarios"),
]
# (table, source column, section column): each citation names a real section.
_CITATIONS = [(name, "source", "section") for name, schema in TABLE_SCHEMAS.items() if "section" in schema.columns]
_CITATIONS += [("discrepancies", "source_a", "section_a"), ("discrepancies", "source_b", "section_b"), ("tour", "source_b", "section_b")]
_NUMBER_COLUMNS = ("magnitude", "low", "high", "value")


def cross_table_problems(tables: dict[str, pd.DataFrame]) -> list[Problem]:
    """Foreign keys, citations, ordered ranges and number-free anatomical context."""
    problems = []
    ids = {name: set(table["id"]) for name, table in tables.items() if "id" in table.columns}
    ids["drug_profiles"] = set(tables["drug_profiles"]["scenario"])
    for key in _FOREIGN_KEYS:
        for index, value in tables[key.table][key.column].dropna().items():
            if value not in ids[key.target]:
                problems.append(
                    Problem(f"{key.table}.csv", line_of(index), key.column, f"{value!r} is not an id in {key.target}.csv")
                )
    sections = set(zip(tables["sections"]["source"], tables["sections"]["id"]))
    for name, source_column, section_column in _CITATIONS:
        table = tables[name]
        for index, source, section in zip(table.index, table[source_column], table[section_column]):
            if pd.isna(source) and pd.isna(section) and source_column.endswith("_b"):
                continue  # a second citation is optional
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
    problems += _tour_problems(tables, ids)
    return problems


def _tour_problems(tables: dict[str, pd.DataFrame], ids: dict[str, set]) -> list[Problem]:
    """Each tour step selects something that exists, and the steps run 1, 2, 3..."""
    problems = []
    tour = tables["tour"]
    known = {"region": ids["regions"], "connection": ids["connections"]}
    for index, target in tour["select"].dropna().items():
        kind, _, ident = target.partition(":")
        if ident not in known[kind]:
            problems.append(Problem("tour.csv", line_of(index), "select", f"{ident!r} is not an id in {kind}s.csv"))
    if sorted(tour["step"]) != list(range(1, len(tour) + 1)):
        problems.append(Problem("tour.csv", 1, "step", "steps must run 1, 2, 3... without gaps"))
    return problems
