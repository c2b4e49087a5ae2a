"""Comparing the marts built from one operation along two routes (the raw contract, and a
helpdesk's own tables through its adapter): value equality with a float tolerance, rows as
dicts, raw-row reconciliation, and a readable report of what differs."""

from __future__ import annotations

from typing import Any

from dbt_project_runner import RAW_TABLES, DbtProject
from engine_parity import close, normalise

SHOWN = 25


def same(left: Any, right: Any) -> bool:
    """Equal; both null; numbers to a relative 1e-9 (sums of floats may differ in their last bits)."""
    if left is None or right is None:
        return left is None and right is None
    return close(normalise(left), normalise(right))


def columns(project: DbtProject, relation: str) -> list[str]:
    schema, table = relation.split(".")
    rows = project.query(
        f"select column_name from information_schema.columns where table_schema = '{schema}' "
        f"and table_name = '{table}' order by ordinal_position"
    )
    return [name for (name,) in rows]


def rows(project: DbtProject, relation: str) -> list[dict[str, Any]]:
    names = columns(project, relation)
    return [dict(zip(names, row, strict=True)) for row in project.query(f"select * from {relation}")]


def accounted_for(project: DbtProject) -> dict[str, tuple[Any, ...]]:
    """quarantine_row_counts by table, after checking raw = accepted + quarantined for each."""
    counts = {row[0]: tuple(row[1:]) for row in project.query("select * from main_quarantine.quarantine_row_counts")}
    assert set(counts) == set(RAW_TABLES)
    for table, (raw, accepted, quarantined) in counts.items():
        assert raw == accepted + quarantined, f"{table}: {raw} rows, {accepted} accepted + {quarantined} quarantined"
    return counts


def report(kind: str, route: str, mismatches: list[str]) -> str:
    shown = "\n".join(mismatches[:SHOWN])
    more = f"\n... and {len(mismatches) - SHOWN} more" if len(mismatches) > SHOWN else ""
    return f"{len(mismatches)} {kind} differ between the contract and the {route} route:\n{shown}{more}"
