"""Column types shared by every content schema (regions included)."""

from __future__ import annotations

import pandera.pandas as pa

__all__ = ["ID", "CJK", "identifier", "text", "chinese", "enum", "number", "flag"]

ID = r"^[a-z0-9]+(-[a-z0-9]+)*$"
CJK = r"[\u4e00-\u9fff]"


def identifier(unique: bool = True) -> pa.Column:
    return pa.Column(str, pa.Check.str_matches(ID), unique=unique)


def text(nullable: bool = False) -> pa.Column:
    return pa.Column(str, pa.Check.str_length(min_value=1), nullable=nullable)


def chinese(nullable: bool = False) -> pa.Column:
    # Chinese text must contain Chinese: catches an English string pasted twice.
    return pa.Column(str, pa.Check.str_contains(CJK), nullable=nullable)


def enum(values, nullable: bool = False) -> pa.Column:
    return pa.Column(str, pa.Check.isin(values), nullable=nullable)


def number() -> pa.Column:
    return pa.Column(float, nullable=True, coerce=True)


def flag() -> pa.Column:
    return pa.Column(str, pa.Check.isin(("true", "false")))
