"""The project builds on what the generator writes, from CSV and from Parquet, to the same marts."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from dbt_project_runner import DbtProject
from supportgen import generate, messy_profile

MARTS = ("fct_tickets", "fct_escalations", "metrics_by_path", "fct_backlog_daily", "scorecard_weekly")


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, DbtProject]:
    config = messy_profile(tickets=600, seed=21, days=56)
    projects = {}
    for fmt in ("csv", "parquet"):
        workdir = tmp_path_factory.mktemp(fmt)
        generate(config, workdir / "raw", fmt, progress=False)
        project = DbtProject(workdir)
        result = project.build_from_files(workdir / "raw")
        assert result.ok, f"dbt build on generated {fmt} failed:\n{result.output}"
        projects[fmt] = project
    return projects


def test_generated_data_is_all_accepted(builds: dict[str, DbtProject]) -> None:
    for fmt, project in builds.items():
        rows = project.query("select table_name, quarantined_rows from main_quarantine.quarantine_row_counts")
        assert all(quarantined == 0 for _, quarantined in rows), f"{fmt}: {rows}"
        [(tickets,)] = project.query("select count(*) from main_marts.fct_tickets")
        assert tickets == 600


@pytest.mark.parametrize("mart", MARTS)
def test_csv_and_parquet_give_the_same_marts(builds: dict[str, DbtProject], mart: str) -> None:
    assert builds["csv"].table(f"main_marts.{mart}") == builds["parquet"].table(f"main_marts.{mart}")


def test_every_support_path_is_present(builds: dict[str, DbtProject]) -> None:
    paths = {row[0] for row in builds["parquet"].query("select distinct support_path from main_marts.fct_tickets")}
    assert paths == {"ai_only", "ai_to_human", "human_only"}


def test_raw_dir_must_exist(tmp_path: Path) -> None:
    result = DbtProject(tmp_path).build_from_files(tmp_path / "nowhere")
    assert not result.ok
    assert "no file for raw table" in result.output


def test_no_raw_customer_or_agent_identifier_reaches_a_mart(builds: dict[str, DbtProject], tmp_path: Path) -> None:
    project = builds["csv"]
    raw = project.workdir / "raw"
    connection = duckdb.connect()
    connection.execute(f"attach '{project.database}' as built (read_only)")
    connection.execute(f"""
        create table raw_ids as
        select customer_id as id from read_csv('{raw}/tickets.csv', all_varchar = true)
        union select account_id from read_csv('{raw}/accounts.csv', all_varchar = true)
        union select agent_id from read_csv('{raw}/agents.csv', all_varchar = true)
    """)
    text_columns = connection.execute("""
        select table_name, column_name from duckdb_columns()
        where database_name = 'built' and schema_name = 'main_marts' and data_type = 'VARCHAR'
    """).fetchall()
    assert text_columns
    leaks = []
    for table, column in text_columns:
        [(found,)] = connection.execute(
            f'select count(*) from built.main_marts."{table}" where "{column}" in (select id from raw_ids)'
        ).fetchall()
        if found:
            leaks.append(f"{table}.{column}: {found} rows")
    assert not leaks, f"raw identifiers in the marts: {leaks}"
