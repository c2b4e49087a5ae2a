"""An incremental run equals a full refresh on the same final data.

The final raw data is generated; the "earlier" raw data is the same minus the last two days and
minus some late events of the day before (they arrive with the increment). The first project
builds the earlier data, then runs incrementally on the final data; the second builds the final
data from scratch. Every incremental model and every mart must come out identical. The increment
also carries awkward rows: a late copy of an event id accepted before the window, an event of an
unknown ticket, and an event without a time (reprocessed by every run).
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import duckdb
import pytest
import yaml

from dbt_project_runner import PROJECT_DIR, RAW_TABLES, DbtProject
from supportgen import GeneratorConfig, generate

INCREMENTAL_MODELS = (
    "main_intermediate.int_ticket_events_validated",
    "main_intermediate.int_ticket_events_aggregated_to_tickets",
    "main_intermediate.int_ticket_states_intervalled",
    "main_intermediate.int_ticket_queues_intervalled",
    "main_intermediate.int_escalations_windowed",
    "main_intermediate.int_ticket_agents",
    "main_marts.fct_tickets",
)
DOWNSTREAM = (
    "main_marts.fct_escalations",
    "main_marts.fct_backlog_daily",
    "main_marts.metrics_by_path",
    "main_marts.scorecard_weekly",
    "main_quarantine.quarantine_ticket_events",
    "main_quarantine.quarantine_row_counts",
)
TIME_COLUMNS = {"tickets": "created_at", "ticket_events": "occurred_at", "survey_responses": "responded_at"}


def _reader(folder: Path, table: str, fmt: str) -> str:
    if fmt == "csv":
        return f"read_csv('{folder / table}.csv', header = true, all_varchar = true)"
    return f"read_parquet('{folder / table}.parquet')"


def _write(connection: duckdb.DuckDBPyConnection, sql: str, path: Path, fmt: str) -> None:
    options = "(format csv, header true)" if fmt == "csv" else "(format parquet)"
    connection.execute(f"copy ({sql}) to '{path}' {options}")


def _split(final: Path, earlier: Path, fmt: str) -> tuple[str, str]:
    """Write the earlier raw data; add the awkward rows to the final data. Returns the as_of of
    the earlier and the final build."""
    earlier.mkdir()
    connection = duckdb.connect()
    events = _reader(final, "ticket_events", fmt)
    [(last_event,)] = connection.execute(f"select max(cast(occurred_at as timestamp)) from {events}").fetchall()
    final_as_of = last_event + dt.timedelta(minutes=1)
    cut = final_as_of - dt.timedelta(days=2)
    late_from = cut - dt.timedelta(days=1)
    for table in RAW_TABLES:
        source = _reader(final, table, fmt)
        column = TIME_COLUMNS.get(table)
        keep = f"where cast({column} as timestamp) < '{cut}'" if column else ""
        if table == "ticket_events":
            # Events of every third ticket that happened the day before the cut arrive late.
            keep += f" and not (cast(occurred_at as timestamp) >= '{late_from}' and hash(ticket_id) % 3 = 0)"
        _write(connection, f"select * from {source} {keep}", earlier / f"{table}.{fmt}", fmt)

    text = "varchar" if fmt == "csv" else None
    cast_ts = "cast(? as varchar)" if text else "cast(? as timestamp)"
    [old] = connection.execute(
        f"select event_id, ticket_id, occurred_at from {events} "
        f"where cast(occurred_at as timestamp) < '{late_from}' order by event_id limit 1"
    ).fetchall()
    extra = [
        # A late copy of an event accepted before the window: a duplicate, however it is built.
        (old[0], old[1], str(cut + dt.timedelta(hours=1))),
        # An event of a ticket nobody knows.
        ("INC-UNKNOWN-1", "NO-SUCH-TICKET", str(cut + dt.timedelta(hours=2))),
        # An event without a time: rejected, and rebuilt by every run.
        ("INC-NO-TIME-1", old[1], None),
    ]
    rows = " union all ".join(
        f"select * replace (cast(? as varchar) as event_id, cast(? as varchar) as ticket_id, "
        f"{cast_ts} as occurred_at) from (select * from {events} where event_type = 'evidence' limit 1)"
        for _ in extra
    )
    parameters = [value for row in extra for value in row]
    combined = f"select * from {events} union all {rows}"
    final_events = final / f"ticket_events.{fmt}"
    staged = final / f"ticket_events_with_extra.{fmt}"
    connection.execute(
        f"copy ({combined}) to '{staged}' {'(format csv, header true)' if fmt == 'csv' else '(format parquet)'}",
        parameters,
    )
    staged.replace(final_events)
    # The earlier data has the no-time event too (it arrived long ago).
    earlier_events = earlier / f"ticket_events.{fmt}"
    staged = earlier / f"ticket_events_with_extra.{fmt}"
    connection.execute(
        f"copy (select * from {_reader(earlier, 'ticket_events', fmt)} union all "
        f"select * from {_reader(final, 'ticket_events', fmt)} where event_id = 'INC-NO-TIME-1') "
        f"to '{staged}' {'(format csv, header true)' if fmt == 'csv' else '(format parquet)'}"
    )
    staged.replace(earlier_events)
    connection.close()
    return str(cut), final_as_of.strftime("%Y-%m-%d %H:%M:%S")


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_incremental_run_equals_full_refresh(fmt: str, tmp_path: Path) -> None:
    final = tmp_path / "final"
    generate(GeneratorConfig(tickets=1200, seed=61, days=35), final, fmt, progress=False)
    earlier_as_of, final_as_of = _split(final, tmp_path / "earlier", fmt)

    # One folder whose files are replaced, as a daily export does (another folder would be another
    # input: every ticket rebuilt).
    raw = tmp_path / "raw"
    shutil.copytree(tmp_path / "earlier", raw)
    incremental = DbtProject(tmp_path / "incremental")
    first = incremental.build_from_files(raw, variables={"as_of": earlier_as_of})
    assert first.ok, first.output
    tickets_before = incremental.query("select count(*) from main_marts.fct_tickets")[0][0]
    for table in RAW_TABLES:
        shutil.copyfile(final / f"{table}.{fmt}", raw / f"{table}.{fmt}")
    second = incremental.build_from_files(raw, variables={"as_of": final_as_of})
    assert second.ok, second.output
    compiled = next((incremental.workdir / "target" / "run").rglob("fct_tickets.sql")).read_text(encoding="utf-8")
    assert "int_tickets_in_increment" in compiled, "the second run of fct_tickets was not incremental"

    full = DbtProject(tmp_path / "full")
    result = full.build_from_files(final, variables={"as_of": final_as_of})
    assert result.ok, result.output

    increment = incremental.query("select count(*) from main_intermediate.int_tickets_in_increment")[0][0]
    total = full.query("select count(*) from main_marts.fct_tickets")[0][0]
    assert 0 < increment < total / 2, f"the increment holds {increment} of {total} tickets"
    assert total > tickets_before, "the final data should add tickets"
    reasons = dict(
        full.query(
            "select event_id, rejection_reason from main_quarantine.quarantine_ticket_events "
            "where event_id in ('INC-UNKNOWN-1', 'INC-NO-TIME-1')"
        )
    )
    assert reasons == {"INC-UNKNOWN-1": "unknown_ticket_id", "INC-NO-TIME-1": "missing_occurred_at"}
    duplicates = full.query(
        "select count(*) from main_quarantine.quarantine_ticket_events where rejection_reason = 'duplicate_event_id'"
    )[0][0]
    assert duplicates == 1

    for relation in INCREMENTAL_MODELS + DOWNSTREAM:
        assert incremental.table(relation) == full.table(relation), f"{relation} differs after the incremental run"


def test_every_var_is_known_to_the_fingerprints() -> None:
    """A var that can change a ticket's rows must be in every fingerprint (ticket_build_vars), or
    an incremental run after changing it would keep the old rows; a new var must be classified."""
    project_vars = set(yaml.safe_load((PROJECT_DIR / "dbt_project.yml").read_text(encoding="utf-8"))["vars"])
    macros = (PROJECT_DIR / "macros" / "incremental" / "ticket_state.sql").read_text(encoding="utf-8")
    listed: dict[str, set[str]] = {}
    for name in ("ticket_build_vars", "ticket_build_ignored_vars"):
        body = macros.split(f"macro {name}()", 1)[1].split("endmacro", 1)[0]
        listed[name] = set(re.findall(r"'([a-z_]+)'", body))
    assert not listed["ticket_build_vars"] & listed["ticket_build_ignored_vars"]
    unclassified = project_vars - listed["ticket_build_vars"] - listed["ticket_build_ignored_vars"]
    assert not unclassified, f"vars in neither list of macros/incremental/ticket_state.sql: {sorted(unclassified)}"
    assert "raw_dir" in listed["ticket_build_vars"] and "as_of" in listed["ticket_build_ignored_vars"]


def test_switching_input_on_the_same_file_rebuilds_every_ticket(tmp_path: Path) -> None:
    """The README's order: the demo seeds first, then a folder of files, on the same DuckDB file.
    The second (incremental) build must equal a full build of the folder."""
    raw = tmp_path / "raw"
    generate(GeneratorConfig(tickets=150, seed=5, days=20), raw, "parquet", progress=False)
    switched = DbtProject(tmp_path / "switched")
    assert switched.dbt("seed").ok
    demo = switched.dbt("run")
    assert demo.ok, demo.output
    result = switched.dbt("run", variables={"raw_dir": str(raw)})
    assert result.ok, result.output
    full = DbtProject(tmp_path / "full")
    assert full.dbt("seed", variables={"raw_dir": str(raw)}).ok
    reference = full.dbt("run", variables={"raw_dir": str(raw)})
    assert reference.ok, reference.output
    for relation in INCREMENTAL_MODELS + DOWNSTREAM:
        assert switched.table(relation) == full.table(relation), f"{relation} differs after switching the input"
