"""Reading CSV tables and reporting their problems as ``file:row:column: reason``.

Rows are the line numbers of the CSV file (the header is line 1), so a
person can jump straight to the cell.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pandera.errors
import pandera.pandas as pa

__all__ = ["Problem", "ContentError", "read_table", "line_of", "schema_problems"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a data file."""

    file: str
    row: int | None
    column: str | None
    reason: str

    def __str__(self) -> str:
        return f"{self.file}:{self.row or ''}:{self.column or ''}: {self.reason}"


class ContentError(ValueError):
    """The data folder is invalid; ``problems`` lists every issue found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))


def line_of(index: int) -> int:
    """CSV line number of a 0-based data row."""
    return int(index) + 2


def read_table(path: Path) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Read a CSV whose empty cells are missing values; text stays text."""
    if not path.is_file():
        return None, [Problem(path.name, None, None, "file is missing")]
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
    except (UnicodeDecodeError, csv.Error) as error:
        return None, [Problem(path.name, None, None, f"cannot be read as UTF-8 CSV: {error}")]
    if not rows:
        return None, [Problem(path.name, 1, None, "file is empty: a header row is required")]
    # A stray comma shifts every later cell: report the row, not the symptom.
    ragged = [
        Problem(path.name, line, None, f"row has {len(row)} cells but the header has {len(rows[0])} (unquoted comma?)")
        for line, row in enumerate(rows[1:], start=2)
        if row and len(row) != len(rows[0])
    ]
    if ragged:
        return None, ragged
    table = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""], index_col=False)
    return table, []


def schema_problems(file: str, table: pd.DataFrame, schema: pa.DataFrameSchema) -> tuple[pd.DataFrame, list[Problem]]:
    """Validate ``table`` with a pandera schema and translate its failures.

    Returns
    -------
    table : DataFrame
        The coerced table (meaningful only when there are no problems).
    problems : list of Problem
    """
    try:
        return schema.validate(table, lazy=True), []
    except pandera.errors.SchemaErrors as errors:
        problems = []
        for case in errors.failure_cases.itertuples(index=False):
            column = case.column if isinstance(case.column, str) else None
            if case.check == "column_in_dataframe":
                problems.append(Problem(file, 1, str(case.failure_case), "required column is missing"))
                continue
            row = line_of(case.index) if pd.notna(case.index) else None
            problems.append(Problem(file, row, column, _reason(case.check, case.failure_case)))
        return table, sorted(set(problems), key=lambda p: (p.row or 0, p.column or "", p.reason))


def _reason(check: str, value) -> str:
    check = str(check)
    if check == "not_nullable":
        return "value is required"
    if check.startswith("coerce_dtype") or check.startswith("dtype"):
        return f"{value!r} has the wrong type ({check.split('(')[-1].rstrip(')')})"
    if check == "field_uniqueness" or check.startswith("unique"):
        return f"{value!r} is duplicated"
    return f"{value!r} fails {check}"
