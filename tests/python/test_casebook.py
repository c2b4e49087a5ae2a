"""The casebook through the real build: every story's hand-computed values against the marts.

All stories are written to one raw_dir and built with one `dbt build` (as_of pinned), then every
expectation is compared; a failure lists ALL mismatches, each with its story, ticket (or
escalation, or cell), column, expected and got, and the rule the hand value came from.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest
from casebook import CASEBOOK_AS_OF, Expectation, Story, load_casebook, raw_tables, same
from reference_metrics import escalation_facts, is_open_at, load, metric_cells, ticket_facts
from test_reference_parity import ESCALATION_COLUMNS, TICKET_COLUMNS

from dbt_project_runner import RAW_TABLES, DbtProject, write_raw_csv

KEYS = {"main_marts.fct_tickets": ("ticket_id",), "main_marts.fct_escalations": ("escalation_id",)}
# A story may keep several versions of a ticket (the raw contract's append log): the older ones are
# quarantined as duplicates by design (docs/DECISIONLOG.md, duplicated keys).
EXPECTED_REJECTIONS = {"duplicate_ticket_id"}
# Cell maturity is decided against the build's as_of, which the reference does not model yet.
NOT_IN_REFERENCE = {"is_final"}
BUILD_FAILURE_MARKS = ("Failure in", "Error in", "Got ", "Done.", "Database Error", "Compilation Error")
CELL_KEY = ("period_grain", "period_start", "support_path", "metric_name")


@pytest.fixture(scope="module")
def stories() -> list[Story]:
    return load_casebook()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, stories: list[Story]) -> tuple[DbtProject, str]:
    workdir = tmp_path_factory.mktemp("casebook")
    raw_dir = write_raw_csv(workdir / "raw", raw_tables(stories))
    project = DbtProject(workdir)
    result = project.build_from_files(raw_dir, variables={"as_of": CASEBOOK_AS_OF})
    return project, result.output if not result.ok else ""


def _rows(
    project: DbtProject, relation: str, key: tuple[str, ...], where: str = ""
) -> dict[tuple[str, ...], dict] | None:
    """The relation's rows by key; None when the build did not create it (a failed upstream test)."""
    try:
        columns = [row[0] for row in project.query(f"describe {relation}")]
    except duckdb.CatalogException:
        return None
    rows = project.query(f"select * from {relation} {where}")
    found: dict[tuple[str, ...], dict[str, Any]] = {}
    for row in rows:
        record = dict(zip(columns, row, strict=True))
        found[tuple(_key_text(record[part]) for part in key)] = record
    return found


def _key_text(value: Any) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def mismatches(project: DbtProject, expectations: list[Expectation]) -> Iterator[str]:
    marts = {relation.split(".")[-1]: _rows(project, relation, key) for relation, key in KEYS.items()}
    marts["metrics_by_path"] = _rows(project, "main_marts.metrics_by_path", CELL_KEY, "where segment_type = 'all'")
    open_days = {
        (ticket, day.isoformat())
        for ticket, day in project.query("select ticket_id, date_day from main_intermediate.int_tickets_open_daily")
    }
    missing = sorted(table for table, rows in marts.items() if rows is None)
    if missing:
        yield f"not built (the build stopped before them, see test_casebook_builds): {', '.join(missing)}"
    for expectation in expectations:
        if expectation.table == "int_tickets_open_daily":
            got_open = expectation.key in open_days
            if got_open != expectation.value:
                yield f"{expectation.label()}: expected {expectation.value!r}, got {got_open!r} ({expectation.why})"
            continue
        rows = marts[expectation.table]
        if rows is None:
            continue
        if expectation.key not in rows:
            yield f"{expectation.label()}: no such row (expected {expectation.value!r}; {expectation.why})"
            continue
        record = rows[expectation.key]
        if expectation.column not in record:
            yield f"{expectation.label()}: no such column yet (expected {expectation.value!r}; {expectation.why})"
            continue
        got = record[expectation.column]
        if not same(expectation.value, got):
            yield f"{expectation.label()}: expected {expectation.value!r}, got {got!r} ({expectation.why})"


def test_casebook_builds(built: tuple[DbtProject, str]) -> None:
    _, failure = built
    lines = [line for line in failure.splitlines() if any(mark in line for mark in BUILD_FAILURE_MARKS)]
    assert not failure, "dbt build failed on the casebook:\n" + "\n".join(lines or failure.splitlines()[-40:])


def test_every_casebook_row_is_accepted(built: tuple[DbtProject, str], stories: list[Story]) -> None:
    """A quarantined story row would silently drop out of its story: every row must load."""
    project, _ = built
    rejected = {
        table: [
            reason
            for (reason,) in project.query(f"select rejection_reason from main_quarantine.quarantine_{table}")
            if reason not in EXPECTED_REJECTIONS
        ]
        for table in RAW_TABLES
    }
    assert not any(rejected.values()), rejected


def test_backlog_agrees_with_fct_tickets(built: tuple[DbtProject, str]) -> None:
    """One event order everywhere (issue 15, ties): on the backlog's last day, a casebook ticket is
    in the backlog exactly when fct_tickets says it is unresolved."""
    project, _ = built
    disagree = project.query("""
        with last_day as (select max(date_day) as date_day from main_intermediate.int_tickets_open_daily)
        select f.ticket_id, f.is_resolved
        from main_marts.fct_tickets as f
        cross join last_day
        left join main_intermediate.int_tickets_open_daily as o
            on o.ticket_id = f.ticket_id and o.date_day = last_day.date_day
        where cast(f.created_at as date) <= last_day.date_day and f.is_resolved = (o.ticket_id is not null)
        order by 1
    """)
    assert not disagree, f"fct_tickets and the backlog disagree on (ticket, is_resolved): {disagree}"


def test_casebook_expectations(built: tuple[DbtProject, str], stories: list[Story]) -> None:
    project, _ = built
    expectations = [expectation for story in stories for expectation in story.expectations]
    found = list(mismatches(project, expectations))
    assert not found, f"{len(found)} of {len(expectations)} casebook values differ:\n" + "\n".join(found)


def test_every_story_expects_something(stories: list[Story]) -> None:
    assert stories
    for story in stories:
        assert story.expectations, f"{story.name} has no expectations"
        assert story.about, f"{story.name} does not say what it is about"


def test_casebook_folder(stories: list[Story]) -> None:
    names = [story.name for story in stories]
    assert len(set(names)) == len(names)
    assert all(Path(__file__).resolve().parents[1].joinpath("casebook", f"{name}.yml").exists() for name in names)


def reference_mismatches(raw_dir: Path, expectations: list[Expectation]) -> Iterator[str]:
    """The reference implementation on the stories: it must give every hand value."""
    tickets, accounts = load(raw_dir)
    ticket_facts(tickets)
    escalations = escalation_facts(tickets)
    cells = metric_cells(tickets, escalations, accounts)
    for expectation in expectations:
        if expectation.column in NOT_IN_REFERENCE:
            continue
        if expectation.table == "int_tickets_open_daily":
            ticket_id, day = expectation.key
            end_of_day = dt.datetime.combine(dt.date.fromisoformat(day) + dt.timedelta(days=1), dt.time())
            record = {"is_open": is_open_at(tickets[ticket_id], end_of_day)}
        elif expectation.table == "fct_tickets":
            record: dict[str, Any] | None = tickets[expectation.key[0]].values
        elif expectation.table == "fct_escalations":
            record = escalations.get(expectation.key[0])
        else:
            grain, period, path, metric = expectation.key
            cell = cells.get((grain, dt.date.fromisoformat(period), path, "all", "all", metric))
            record = (
                None if cell is None else dict(zip(("numerator", "denominator", "metric_value"), cell, strict=True))
            )
        if record is None:
            yield f"{expectation.label()}: the reference has no such row"
        elif not same(expectation.value, record.get(expectation.column)):
            got = record.get(expectation.column)
            yield f"{expectation.label()}: expected {expectation.value!r}, reference {got!r} ({expectation.why})"


def test_reference_gives_the_hand_values(tmp_path: Path, stories: list[Story]) -> None:
    raw_dir = write_raw_csv(tmp_path / "raw", raw_tables(stories))
    expectations = [expectation for story in stories for expectation in story.expectations]
    found = list(reference_mismatches(raw_dir, expectations))
    assert not found, f"{len(found)} hand values differ from the reference:\n" + "\n".join(found)


def test_marts_match_the_reference_on_the_stories(built: tuple[DbtProject, str], tmp_path: Path) -> None:
    """Beyond the hand values: every parity column of every story ticket and escalation, marts
    against the reference (a column the marts lack is named, not skipped silently)."""
    project, _ = built
    raw_dir = write_raw_csv(tmp_path / "raw", raw_tables(load_casebook()))
    tickets, _ = load(raw_dir)
    ticket_facts(tickets)
    escalations = escalation_facts(tickets)
    found: list[str] = []
    for relation, key, columns, expected in (
        ("fct_tickets", "ticket_id", TICKET_COLUMNS, {k: t.values for k, t in tickets.items()}),
        ("fct_escalations", "escalation_id", ESCALATION_COLUMNS, escalations),
    ):
        rows = _rows(project, f"main_marts.{relation}", (key,))
        if rows is None:
            found.append(f"{relation} not built")
            continue
        present = [column for column in columns if column in next(iter(rows.values()))]
        found += [f"{relation} has no column {column}" for column in columns if column not in present]
        for record_id, values in sorted(expected.items()):
            record = rows.get((record_id,))
            if record is None:
                found.append(f"{relation} {record_id}: no such row")
                continue
            found += [
                f"{relation} {record_id} {column}: reference {values[column]!r}, got {record[column]!r}"
                for column in present
                if not same(values[column], record[column])
            ]
    assert not found, f"{len(found)} story values differ from the reference:\n" + "\n".join(found)
