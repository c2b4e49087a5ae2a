"""Comparing a mart built on two engines: counts and text exactly, floating point to a stated
relative tolerance (sums and percentiles may differ in their last bits between engines)."""

from __future__ import annotations

import datetime as dt
import decimal
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from dbt_project_runner import DbtProject
from supportgen import generate, messy_profile

RELATIVE_TOLERANCE = 1e-9


def duckdb_reference(folder: Path, tickets: int, days: int) -> tuple[Path, DbtProject]:
    """Generated raw CSV files (the messy profile, seed 73) and the project built from them on
    DuckDB, the engine the others are compared with."""
    raw = folder / "raw"
    generate(messy_profile(tickets=tickets, seed=73, days=days), raw, "csv", progress=False)
    duck = DbtProject(folder / "duckdb")
    result = duck.build_from_files(raw)
    assert result.ok, result.output
    return raw, duck


def normalise(value: Any) -> Any:
    """Decimals as floats, timestamps without a zone: the drivers' types differ, not the values."""
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)
    return value


def normalise_rows(rows: Sequence[Sequence[Any]]) -> list[tuple[Any, ...]]:
    return [tuple(normalise(value) for value in row) for row in rows]


def close(left: Any, right: Any) -> bool:
    if isinstance(left, bool) or isinstance(right, bool):
        return left is right
    if isinstance(left, int | float) and isinstance(right, int | float):
        return math.isclose(float(left), float(right), rel_tol=RELATIVE_TOLERANCE, abs_tol=1e-9)
    return bool(left == right)


def assert_same_rows(
    name: str, duckdb_rows: list[tuple[Any, ...]], other_rows: list[tuple[Any, ...]], engine: str
) -> None:
    """Both lists in the same order; fails naming the first differing row and its columns."""
    assert duckdb_rows, f"{name} is empty"
    assert len(duckdb_rows) == len(other_rows), (
        f"{name}: {len(duckdb_rows)} rows on DuckDB, {len(other_rows)} on {engine}"
    )
    for duck_row, other_row in zip(duckdb_rows, other_rows, strict=True):
        differing = [i for i, (a, b) in enumerate(zip(duck_row, other_row, strict=True)) if not close(a, b)]
        assert not differing, f"{name}: columns {differing} differ:\n  duckdb {duck_row}\n  {engine} {other_row}"
