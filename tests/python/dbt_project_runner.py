"""Run the dbt project from pytest against a private DuckDB file and raw folder."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import yaml

from scripts.duckdb_build_plugin import build_path

PROJECT_DIR = Path(__file__).resolve().parents[2]
DBT = Path(sys.executable).parent / "dbt"
# A fixed "now" so that what counts as a future timestamp does not depend on the day tests run.
AS_OF = "2026-11-01 00:00:00"
RAW_TABLES = ("tickets", "ticket_events", "survey_responses", "accounts", "agents")


def contract_columns() -> dict[str, list[str]]:
    """The raw contract's columns per table, read from the sources YAML (the contract's home)."""
    sources = PROJECT_DIR / "models" / "staging" / "helpdesk" / "_helpdesk__sources.yml"
    document = yaml.safe_load(sources.read_text(encoding="utf-8"))
    tables = document["sources"][0]["tables"]
    return {table["name"]: [column["name"] for column in table["columns"]] for table in tables}


def write_raw_csv(folder: Path, tables: Mapping[str, Sequence[Mapping[str, Any]]]) -> Path:
    """Write each table as <folder>/<table>.csv with the contract's header; None is an empty field."""
    folder.mkdir(parents=True, exist_ok=True)
    columns = contract_columns()
    for table, rows in tables.items():
        with (folder / f"{table}.csv").open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(columns[table])
            for row in rows:
                writer.writerow(["" if row.get(column) is None else row[column] for column in columns[table]])
    return folder


@dataclass(frozen=True)
class DbtResult:
    returncode: int
    output: str

    @property
    def ok(self) -> bool:
        return self.returncode == 0


@dataclass(frozen=True)
class DbtProject:
    """One isolated use of the project: its own DuckDB files and dbt target folder. `env` adds
    environment variables (another target, e.g. DBT_TARGET=postgres with its own schema).

    Generated data is pseudonymised with the public demo salt, through the explicit opt-out
    `pseudonym_demo_salt_allowed` (a build passing `pseudonym_salt_table` uses its own salt): the
    engine parity tests compare pseudonyms across DuckDB, PostgreSQL and Spark, which therefore
    need one salt, and Spark has no cheap place to store one. test_pseudonym_salt.py builds with a
    real salt and checks the refusal without the opt-out."""

    workdir: Path
    env: Mapping[str, str] = field(default_factory=dict)

    @property
    def database(self) -> Path:
        """The file BI tools and the dashboard read (DUCKDB_PATH): the marts, published at the end
        of a successful build."""
        return self.workdir / "support.duckdb"

    @property
    def build_database(self) -> Path:
        """The file dbt builds in: every schema (raw, staging, intermediate, quarantine, marts)."""
        return build_path(self.database)

    def dbt(self, *args: str, variables: Mapping[str, Any] | None = None) -> DbtResult:
        merged: dict[str, Any] = {"as_of": AS_OF, "pseudonym_demo_salt_allowed": True, **(variables or {})}
        env = {
            **os.environ,
            "DBT_PROFILES_DIR": str(PROJECT_DIR),
            "DUCKDB_PATH": str(self.database),
            "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
            **self.env,
        }
        command = [
            str(DBT),
            *args,
            "--project-dir",
            str(PROJECT_DIR),
            "--target-path",
            str(self.workdir / "target"),
            "--log-path",
            str(self.workdir / "logs"),
            "--vars",
            yaml.safe_dump(merged, default_flow_style=True).strip(),
        ]
        completed = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        return DbtResult(completed.returncode, completed.stdout + completed.stderr)

    def build_from_files(
        self, raw_dir: Path, *extra: str, judge_thresholds: bool = False, variables: Mapping[str, Any] | None = None
    ) -> DbtResult:
        """dbt build of every model and data test on the raw files. Unit tests run in make test;
        the metric threshold tests judge the operation, not the code, so they run only when asked."""
        excluded = ["test_type:unit"]
        if not judge_thresholds:
            excluded += ["metric_within_warn_threshold", "metric_within_error_threshold"]
        return self.dbt(
            "build", "--exclude", *excluded, *extra, variables={"raw_dir": str(raw_dir), **(variables or {})}
        )

    def query(self, sql: str) -> list[tuple[Any, ...]]:
        """Rows from the build file, which holds every layer (the marts equal the published ones
        after a successful build)."""
        with duckdb.connect(str(self.build_database), read_only=True) as connection:
            return connection.execute(sql).fetchall()

    def table(self, relation: str) -> list[tuple[Any, ...]]:
        """Every row of a relation, sorted, floats rounded to 9 decimals (sums of floats may
        differ in their last bits with the order DuckDB adds them in)."""
        rows = self.query(f"select * from {relation} order by all")
        return [tuple(round(value, 9) if isinstance(value, float) else value for value in row) for row in rows]
