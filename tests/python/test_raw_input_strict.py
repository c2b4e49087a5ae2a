"""Input is read exactly, or refused with a message a person can act on (issue 14, part 2).

Each test builds the hand-made valid fixture (raw_fixtures.valid_tables) with one kind of damage:
a CSV the old sniffing reader misread, records the CSV reader rejects, a raw_dir holding a quote
or SQL, Parquet columns of the wrong kind, no valid ticket, a quarantine share above its
threshold, a per-table dialect. The row-level rules (timestamps, bounds, control characters, the
earliest date) are bad rows of raw_fixtures.bad_rows, checked by test_raw_contract.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import pytest

from dbt_project_runner import RAW_TABLES, DbtProject, DbtResult, write_raw_csv
from raw_fixtures import valid_tables

# A value that must never reach stdout, dbt's log or run_results.json (a customer id in a bad row).
SECRET = "CUST_SECRET_4711"


def _counts(project: DbtProject) -> dict[str, tuple[int, int, int]]:
    rows = project.query(
        "select table_name, raw_rows, accepted_rows, quarantined_rows from main_quarantine.quarantine_row_counts"
    )
    return {row[0]: (row[1], row[2], row[3]) for row in rows}


def _everything_dbt_wrote(project: DbtProject, result: DbtResult) -> str:
    """stdout and stderr, logs/dbt.log and target/run_results.json of a run."""
    texts = [result.output]
    for path in (project.workdir / "logs" / "dbt.log", project.workdir / "target" / "run_results.json"):
        if path.exists():
            texts.append(path.read_text(encoding="utf-8", errors="replace"))
    return "\n".join(texts)


def test_ids_starting_with_a_hash_are_read_not_taken_for_comments(tmp_path: Path) -> None:
    """On a file of numeric ids, DuckDB's sniffer took `#` for a comment character and 3 of 300
    survey responses vanished, unseen by a reconciliation that counted through the same reader."""
    tables = valid_tables()
    surveys = [
        {"response_id": str(1000 + i), "ticket_id": "T1", "responded_at": "2026-03-03 09:00:00", "csat_score": "5"}
        for i in range(297)
    ]
    surveys += [
        {"response_id": f"#{i}", "ticket_id": "T2", "responded_at": "2026-03-04 09:00:00", "csat_score": "4"}
        for i in range(3)
    ]
    tables["survey_responses"] = surveys
    project = DbtProject(tmp_path)
    result = project.build_from_files(write_raw_csv(tmp_path / "raw", tables))
    assert result.ok, result.output
    assert _counts(project)["survey_responses"] == (300, 300, 0)
    hashed = project.query(
        "select count(*) from main_staging.stg_helpdesk__survey_responses where response_id like '#%'"
    )
    assert hashed == [(3,)]


def test_raw_records_are_counted_without_the_reader(tmp_path: Path) -> None:
    """raw_rows comes from a dumb reading of the file: a quoted field over two lines is one record,
    a blank line none; the staging reader agrees, so raw = accepted + quarantined holds. (The file
    is rewritten with \\n line ends throughout: read_text turns \\r\\n into \\n.)"""
    raw = write_raw_csv(tmp_path / "raw", valid_tables())
    agents = raw / "agents.csv"
    agents.write_text(
        agents.read_text(encoding="utf-8")
        + '\nBG_MULTI,"two\nlines",l1,false\nag_quote,"a ""quoted"" team",l1,false\n',
        encoding="utf-8",
    )
    project = DbtProject(tmp_path)
    result = project.build_from_files(raw, variables={"quarantine_share_thresholds": {"warn": 1.0, "error": 1.0}})
    assert result.ok, result.output
    # 2 valid agents + the quoted team (accepted) + the two-line team (a newline: quarantined).
    assert _counts(project)["agents"] == (4, 3, 1)


@pytest.mark.parametrize(
    ("name", "line", "problem"),
    [
        ("missing_columns", f"ag_x,{SECRET}\r\n", "MISSING COLUMNS"),
        ("too_many_columns", f"ag_x,{SECRET},l1,false,extra\r\n", "TOO MANY COLUMNS"),
        ("unterminated_quote", f'ag_x,"{SECRET},l1,false\r\n', "UNQUOTED VALUE"),
        ("bad_encoding", f"ag_x,{SECRET}\xe9,l1,false\r\n", "INVALID ENCODING"),
    ],
)
def test_records_the_reader_rejects_stop_the_run_naming_file_line_and_problem(
    tmp_path: Path, name: str, line: str, problem: str
) -> None:
    raw = write_raw_csv(tmp_path / "raw", valid_tables())
    path = raw / "agents.csv"
    path.write_bytes(path.read_bytes() + line.encode("latin-1"))
    project = DbtProject(tmp_path)
    result = project.build_from_files(raw)
    assert not result.ok, f"{name}: the build went on"
    assert f"raw_dir: {path}: the CSV reader rejects 1 record(s)" in result.output, result.output
    assert "line 4 (byte" in result.output and problem in result.output, result.output
    written = _everything_dbt_wrote(project, result)
    assert SECRET not in written, f"{name}: the rejected row's values reached the output or logs"


def test_a_raw_dir_with_a_quote_is_read(tmp_path: Path) -> None:
    raw = write_raw_csv(tmp_path / "it's raw", valid_tables())
    project = DbtProject(tmp_path)
    result = project.build_from_files(raw)
    assert result.ok, result.output
    assert project.query("select count(*) from main_marts.fct_tickets") == [(3,)]


def test_a_crafted_raw_dir_runs_no_sql(tmp_path: Path) -> None:
    pwned = tmp_path / "pwned.csv"
    crafted = f"{tmp_path}/x'); copy (select 42 as answer) to '{pwned}'; select ('"
    result = DbtProject(tmp_path).dbt("compile", variables={"raw_dir": crafted})
    assert not pwned.exists(), "the raw_dir var ran SQL"
    assert not result.ok
    assert "no file for raw table" in result.output, result.output


def _write_parquet(folder: Path, overrides: dict[str, dict[str, str]]) -> Path:
    """The valid fixture as Parquet files (text columns); `overrides` replaces a column of a table
    by a DuckDB expression over the text columns (giving it another type)."""
    csv_folder = write_raw_csv(folder.parent / f"{folder.name}_csv", valid_tables())
    folder.mkdir(parents=True, exist_ok=True)
    with duckdb.connect() as connection:
        for table in RAW_TABLES:
            source = f"read_csv('{csv_folder / table}.csv', all_varchar = true, header = true)"
            replaced = overrides.get(table, {})
            replace = (
                f" replace ({', '.join(f'{expr} as {col}' for col, expr in replaced.items())})" if replaced else ""
            )
            connection.execute(f"copy (select *{replace} from {source}) to '{folder / table}.parquet' (format parquet)")
    return folder


@pytest.mark.parametrize(
    ("table", "column", "expression", "kind"),
    [
        ("tickets", "issue_type", "[issue_type]", "VARCHAR[]"),
        ("ticket_events", "ticket_id", "cast(length(ticket_id) as bigint)", "BIGINT"),
        ("tickets", "customer_id", "cast(customer_id as blob)", "BLOB"),
        ("agents", "team", "{'name': team}", "STRUCT"),
    ],
)
def test_parquet_columns_of_the_wrong_kind_are_refused(
    tmp_path: Path, table: str, column: str, expression: str, kind: str
) -> None:
    raw = _write_parquet(tmp_path / "raw", {table: {column: expression}})
    result = DbtProject(tmp_path).build_from_files(raw)
    assert not result.ok, f"a {kind} {table}.{column} was loaded"
    assert f"raw_dir: {raw / table}.parquet: column(s) of the wrong kind: {column} is {kind}" in result.output, (
        result.output
    )


def test_parquet_with_typed_columns_of_the_right_kind_is_read(tmp_path: Path) -> None:
    raw = _write_parquet(
        tmp_path / "raw",
        {
            "ticket_events": {"handle_seconds": "cast(handle_seconds as integer)"},
            "agents": {"is_ai": "cast(is_ai as boolean)"},
        },
    )
    project = DbtProject(tmp_path)
    result = project.build_from_files(raw)
    assert result.ok, result.output
    assert project.query("select count(*) from main_marts.fct_tickets") == [(3,)]


def test_an_input_without_a_valid_ticket_says_so_once(tmp_path: Path) -> None:
    tables = valid_tables()
    tables["tickets"] = [dict(row, channel="fax") for row in tables["tickets"]]
    result = DbtProject(tmp_path).build_from_files(write_raw_csv(tmp_path / "raw", tables))
    assert not result.ok
    assert "The input has no valid ticket: 3 raw ticket record(s), all rejected; top reasons: unknown_channel (3)" in (
        result.output
    ), result.output
    assert " ERROR=1 " in result.output, "more than the one message"


def _with_bad_events(count: int) -> dict[str, list[dict[str, Any]]]:
    tables = valid_tables()
    bad = [dict(tables["ticket_events"][0], event_id=f"BAD{i}", event_type="telepathy") for i in range(count)]
    tables["ticket_events"] = tables["ticket_events"] + bad
    return tables


def test_a_quarantine_share_above_the_error_threshold_fails_the_build(tmp_path: Path) -> None:
    tables = _with_bad_events(3)
    raw_events = len(tables["ticket_events"])
    result = DbtProject(tmp_path).build_from_files(write_raw_csv(tmp_path / "raw", tables))
    assert not result.ok, "a build quarantining more than 10% of the events was green"
    share = f"{100 * 3 / raw_events:.1f}%"
    assert f"quarantine_ticket_events holds 3 of {raw_events} raw records ({share}), above the error threshold" in (
        result.output
    ), result.output
    assert "top reasons: unknown_event_type (3)" in result.output


def test_a_quarantine_share_threshold_is_set_per_table(tmp_path: Path) -> None:
    tables = _with_bad_events(3)
    project = DbtProject(tmp_path)
    result = project.build_from_files(
        write_raw_csv(tmp_path / "raw", tables),
        variables={"quarantine_share_thresholds": {"ticket_events": {"warn": 0.05, "error": 0.5}}},
    )
    assert result.ok, result.output
    assert (
        "quarantine_ticket_events holds 3 of" in result.output and "above the warn threshold of 5.0%" in result.output
    )


def test_the_csv_dialect_is_set_per_table(tmp_path: Path) -> None:
    raw = write_raw_csv(tmp_path / "raw", valid_tables())
    agents = raw / "agents.csv"
    agents.write_text(
        agents.read_text(encoding="utf-8").replace(",", ";") + "ag2;'bill;ing';l1;false\n", encoding="utf-8"
    )
    project = DbtProject(tmp_path)
    result = project.build_from_files(
        raw, variables={"raw_csv_dialect": {"agents": {"delimiter": ";", "quote": "'", "escape": "'"}}}
    )
    assert result.ok, result.output
    assert project.query("select team from main_staging.stg_helpdesk__agents where agent_id = 'ag2'") == [("bill;ing",)]
    assert _counts(project)["agents"] == (3, 3, 0)
