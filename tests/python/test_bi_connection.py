"""BI tools on the DuckDB file: the SQLAlchemy route Superset and other SQLAlchemy-based tools take
(duckdb-engine), and a reader built on DuckDB 1.x (Metabase's driver and older duckdb-engine
installs) opening the file the profile writes (storage_compatibility_version v1.0.0)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy

from dbt_project_runner import DbtProject

# A DuckDB 1.x release, installed beside the test (never into the project's venv) to play the BI
# driver that cannot read DuckDB 2's storage format.
DUCKDB_1X = "1.1.3"
MARTS = ("fct_tickets", "metrics_by_path", "dim_metrics", "support_signals")


@pytest.fixture(scope="module")
def demo_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = DbtProject(tmp_path_factory.mktemp("bi"))
    for command in (("seed",), ("run",)):
        result = project.dbt(*command)
        assert result.ok, result.output
    return project.database


def test_sqlalchemy_reads_the_marts_read_only(demo_database: Path) -> None:
    engine = sqlalchemy.create_engine(f"duckdb:///{demo_database}", connect_args={"read_only": True})
    try:
        with engine.connect() as connection:
            counts = {
                mart: connection.execute(sqlalchemy.text(f"select count(*) from main_marts.{mart}")).scalar_one()
                for mart in MARTS
            }
            tables = sqlalchemy.inspect(connection).get_table_names(schema="main_marts")
            with pytest.raises(sqlalchemy.exc.DBAPIError, match="read-only"):
                connection.execute(sqlalchemy.text("create table main_marts.scratch as select 1 as x"))
    finally:
        engine.dispose()
    assert all(count > 0 for count in counts.values()), counts
    assert set(MARTS) <= set(tables), tables


def test_the_file_is_written_in_duckdb_1_storage(demo_database: Path) -> None:
    engine = sqlalchemy.create_engine(f"duckdb:///{demo_database}", connect_args={"read_only": True})
    try:
        with engine.connect() as connection:
            tags = connection.execute(
                sqlalchemy.text("select tags from duckdb_databases() where path = :path"), {"path": str(demo_database)}
            ).scalar_one()
    finally:
        engine.dispose()
    assert tags["storage_version"].startswith("v1."), (
        f"{demo_database} is stored as {tags}: profiles.yml must set storage_compatibility_version in "
        "config_options (applied when the file is created), not in settings"
    )


def test_a_duckdb_1x_reader_opens_the_file(demo_database: Path, tmp_path: Path) -> None:
    target = tmp_path / "duckdb1"
    install = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--target", str(target), f"duckdb=={DUCKDB_1X}"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert install.returncode == 0, f"could not install duckdb {DUCKDB_1X} from the registry: {install.stderr}"
    reader = (
        "import duckdb, sys\n"
        "assert duckdb.__version__ == sys.argv[2], duckdb.__version__\n"
        "with duckdb.connect(sys.argv[1], read_only=True) as c:\n"
        "    print(c.execute('select count(*) from main_marts.metrics_by_path').fetchone()[0])\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", reader, str(demo_database), DUCKDB_1X],
        env={**os.environ, "PYTHONPATH": str(target)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert int(completed.stdout.strip()) > 0
