"""Bad raw input gets a clear outcome: quarantined with the right reason, or a clear error.

One dbt build on the valid fixture, one on the same rows plus a bad row for every contract rule.
Every bad row must land in its table's quarantine model with its reason, the row counts must
reconcile, and the marts must equal those built from the valid rows alone.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dbt_project_runner import RAW_TABLES, DbtProject, write_raw_csv
from raw_fixtures import BadRow, bad_rows, valid_tables, with_bad_rows

MARTS = ("fct_tickets", "fct_escalations", "metrics_by_path", "fct_backlog_daily")
LENIENT_SHARES = {"quarantine_share_thresholds": {"warn": 1.0, "error": 1.0}}


@pytest.fixture(scope="module")
def clean_build(tmp_path_factory: pytest.TempPathFactory) -> DbtProject:
    workdir = tmp_path_factory.mktemp("clean")
    project = DbtProject(workdir)
    result = project.build_from_files(write_raw_csv(workdir / "raw", valid_tables()))
    assert result.ok, result.output
    return project


@pytest.fixture(scope="module")
def mixed_build(tmp_path_factory: pytest.TempPathFactory) -> DbtProject:
    workdir = tmp_path_factory.mktemp("mixed")
    project = DbtProject(workdir)
    raw = write_raw_csv(workdir / "raw", with_bad_rows(valid_tables(), bad_rows()))
    # Most rows here are bad on purpose: no quarantine share may fail this build.
    result = project.build_from_files(raw, variables=LENIENT_SHARES)
    assert result.ok, f"dbt build failed on raw files with bad rows (it must quarantine them):\n{result.output}"
    return project


@pytest.mark.parametrize("bad", bad_rows(), ids=lambda bad: f"{bad.table}-{bad.reason}-{bad.key_value}")
def test_bad_row_is_quarantined_with_its_reason(mixed_build: DbtProject, bad: BadRow) -> None:
    if bad.key_column == "raw_values":
        where = f"raw_values like '%{bad.key_value}%'"
    else:
        where = f"{bad.key_column} = '{bad.key_value}'"
    found = mixed_build.query(f"select rejection_reason from main_quarantine.quarantine_{bad.table} where {where}")
    reasons = [row[0] for row in found]
    assert reasons == [bad.reason], (
        f"{bad.table} row {bad.key_column}~{bad.key_value} ({bad.note or bad.reason}): "
        f"expected quarantine reason {bad.reason!r}, found {reasons!r}"
    )


def test_raw_rows_equal_accepted_plus_quarantined(mixed_build: DbtProject) -> None:
    counts = {row[0]: row[1:] for row in mixed_build.query("select * from main_quarantine.quarantine_row_counts")}
    valid = valid_tables()
    bad_per_table = {table: sum(1 for bad in bad_rows() if bad.table == table) for table in RAW_TABLES}
    for table in RAW_TABLES:
        raw_rows, accepted_rows, quarantined_rows = counts[table]
        assert raw_rows == len(valid[table]) + bad_per_table[table], table
        assert accepted_rows == len(valid[table]), f"{table}: accepted {accepted_rows}, valid rows {len(valid[table])}"
        assert quarantined_rows == bad_per_table[table], table


@pytest.mark.parametrize("mart", MARTS)
def test_marts_equal_those_built_from_the_valid_rows_alone(
    clean_build: DbtProject, mixed_build: DbtProject, mart: str
) -> None:
    clean, mixed = clean_build.table(f"main_marts.{mart}"), mixed_build.table(f"main_marts.{mart}")
    assert clean, f"{mart} is empty on the valid fixture"
    assert mixed == clean, f"{mart} changed when bad rows were added next to the valid ones"


def test_offset_timestamps_are_converted_to_utc(clean_build: DbtProject) -> None:
    [(created_at,)] = clean_build.query(
        "select strftime(created_at, '%Y-%m-%d %H:%M:%S') from main_marts.fct_tickets where ticket_id = 'T2'"
    )
    assert created_at == "2026-03-02 09:00:00"


def test_enum_values_are_normalised(clean_build: DbtProject) -> None:
    [(channel, issue_type)] = clean_build.query(
        "select channel, issue_type from main_marts.fct_tickets where ticket_id = 'T2'"
    )
    assert (channel, issue_type) == ("email", "bug_report")


def test_support_paths_of_the_fixture(clean_build: DbtProject) -> None:
    paths = dict(clean_build.query("select ticket_id, support_path from main_marts.fct_tickets"))
    assert paths == {"T1": "ai_only", "T2": "ai_to_human", "T3": "human_only"}


class TestFilesThatAreNotWhatTheyClaim:
    """A bad file stops the run with a message naming the file and the fix."""

    def test_missing_file(self, tmp_path: Path) -> None:
        raw = write_raw_csv(tmp_path / "raw", valid_tables())
        (raw / "agents.csv").unlink()
        result = DbtProject(tmp_path).build_from_files(raw)
        assert not result.ok
        assert "no file for raw table 'agents'" in result.output
        assert str(raw / "agents.csv") in result.output

    def test_wrong_header(self, tmp_path: Path) -> None:
        raw = write_raw_csv(tmp_path / "raw", valid_tables())
        text = (raw / "accounts.csv").read_text(encoding="utf-8")
        (raw / "accounts.csv").write_text(text.replace("segment", "tier", 1), encoding="utf-8")
        result = DbtProject(tmp_path).build_from_files(raw)
        assert not result.ok
        assert "accounts.csv lacks the contract column(s) segment" in result.output

    def test_empty_file(self, tmp_path: Path) -> None:
        raw = write_raw_csv(tmp_path / "raw", valid_tables())
        (raw / "survey_responses.csv").write_bytes(b"")
        result = DbtProject(tmp_path).build_from_files(raw)
        assert not result.ok
        assert f"{raw / 'survey_responses.csv'} has no header row" in result.output

    def test_header_only_file_is_an_empty_table(self, tmp_path: Path) -> None:
        tables = valid_tables()
        tables["survey_responses"] = []
        project = DbtProject(tmp_path)
        result = project.build_from_files(write_raw_csv(tmp_path / "raw", tables))
        assert result.ok, result.output
        assert project.query("select count(csat_score) from main_marts.fct_tickets") == [(0,)]

    def test_a_100_mb_field_is_quarantined_not_loaded(self, tmp_path: Path) -> None:
        tables = valid_tables()
        huge = dict(tables["ticket_events"][0], event_id="BIG", workflow_id="w" * (100 * 1024 * 1024))
        tables["ticket_events"].append(huge)
        project = DbtProject(tmp_path)
        result = project.build_from_files(write_raw_csv(tmp_path / "raw", tables))
        assert result.ok, result.output
        found = project.query(
            "select rejection_reason, length(raw_values) < 5000 from main_quarantine.quarantine_ticket_events"
            " where event_id = 'BIG'"
        )
        assert found == [("value_too_long", True)]

    def test_both_formats(self, tmp_path: Path) -> None:
        raw = write_raw_csv(tmp_path / "raw", valid_tables())
        (raw / "agents.parquet").write_bytes(b"")
        result = DbtProject(tmp_path).build_from_files(raw)
        assert not result.ok
        assert "keep one" in result.output
