"""The DuckDB file the dashboard tests read, as a session fixture.

SUPPORT_DASHBOARD_DB names a built file; otherwise the repository's target/support.duckdb when it
holds the marts (`make test` runs `make build` first); otherwise the demo is seeded and built into a
temporary file. The marts are copied, under a read-only attach, into a file of the test's own, so
a test never holds the source (a `dbt build` may write it meanwhile).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import duckdb
import pytest

from dbt_project_runner import PROJECT_DIR, DbtProject

ENV_VAR = "SUPPORT_DASHBOARD_DB"
MARTS = "main_marts"
LOCK_WAIT_SECONDS = 120.0
T = TypeVar("T")


def _retrying_on_lock(action: Callable[[], T]) -> T:
    """Run `action`, waiting while another process (a running dbt build) holds the file's write lock."""
    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    while True:
        try:
            return action()
        except duckdb.IOException:
            if time.monotonic() > deadline:
                raise
            time.sleep(1.0)


def has_marts(path: Path) -> bool:
    """Whether `path` is a DuckDB file with main_marts.dim_metrics."""
    if not path.is_file():
        return False

    def check() -> bool:
        with duckdb.connect(str(path), read_only=True) as connection:
            rows = connection.execute(
                "select 1 from information_schema.tables where table_schema = ? and table_name = 'dim_metrics'",
                [MARTS],
            ).fetchall()
        return bool(rows)

    try:
        return _retrying_on_lock(check)
    except duckdb.Error:
        return False


def copy_marts(source: Path, target: Path) -> Path:
    """Copy every relation of main_marts into a new file: one consistent snapshot of the source."""

    def copy() -> None:
        target.unlink(missing_ok=True)
        with duckdb.connect(str(target)) as connection:
            connection.execute(f"attach '{source}' as source (read_only)")
            names = connection.execute(
                "select table_name from information_schema.tables where table_catalog = 'source' and table_schema = ?",
                [MARTS],
            ).fetchall()
            connection.execute(f"create schema {MARTS}")
            for (name,) in names:
                connection.execute(f'create table {MARTS}."{name}" as select * from source.{MARTS}."{name}"')
            connection.execute("detach source")

    _retrying_on_lock(copy)
    return target


def build_demo(workdir: Path) -> Path:
    """Seed and build the demo into workdir/support.duckdb (its own target and log folders)."""
    project = DbtProject(workdir)
    seeded = project.dbt("seed")
    if not seeded.ok:
        pytest.fail(f"dbt seed of the demo failed:\n{seeded.output}")
    built = project.dbt(
        "build", "--exclude", "test_type:unit", "metric_within_warn_threshold", "metric_within_error_threshold"
    )
    if not built.ok:
        pytest.fail(f"dbt build of the demo failed:\n{built.output}")
    return project.database


def source_database(workdir: Path) -> Path:
    """Where the marts come from: SUPPORT_DASHBOARD_DB, the repository's build, or a fresh demo build."""
    named = os.environ.get(ENV_VAR, "").strip()
    if named:
        path = Path(named).expanduser().resolve()
        if not has_marts(path):
            pytest.fail(f"{ENV_VAR}={named}: not a DuckDB file with {MARTS}.dim_metrics (run `make build`)")
        return path
    built = PROJECT_DIR / "target" / "support.duckdb"
    return built if has_marts(built) else build_demo(workdir)


@pytest.fixture(scope="session")
def dashboard_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A private copy of the marts for the dashboard tests."""
    folder = tmp_path_factory.mktemp("dashboard_db")
    return copy_marts(source_database(folder / "build"), folder / "support.duckdb")
