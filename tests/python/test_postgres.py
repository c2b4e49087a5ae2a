"""The project on PostgreSQL: the demo builds and passes every test there, the BI reader role
reaches the marts and nothing else, and the marts agree with DuckDB's on the same data.

Needs a server (the PG* variables). `make test` starts a private one (scripts/pg_server.sh) and
sets SUPPORT_REQUIRE_POSTGRES=1, so that these tests fail instead of skipping without it.
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg2
import pytest

from dbt_project_runner import PROJECT_DIR, RAW_TABLES, DbtProject, contract_columns
from engine_parity import assert_same_rows, duckdb_reference, normalise_rows
from supportgen import GeneratorConfig, generate
from supportgen.shapes.intercom import intercom_vars, write_intercom_tables
from supportgen.shapes.zendesk import write_zendesk_tables, zendesk_vars

pytestmark = pytest.mark.postgres


def _connect(user: str | None = None) -> Any:
    return psycopg2.connect(
        host=os.environ.get("PGHOST", "127.0.0.1"),
        port=int(os.environ.get("PGPORT", "5432")),
        user=user or os.environ.get("PGUSER", "postgres"),
        dbname=os.environ.get("PGDATABASE", "postgres"),
        password=os.environ.get("PGPASSWORD", ""),
        connect_timeout=5,
    )


@pytest.fixture(scope="module")
def postgres() -> None:
    try:
        _connect().close()
    except psycopg2.OperationalError as error:
        message = f"no PostgreSQL server at PGHOST/PGPORT ({error}); `make test` starts one"
        if os.environ.get("SUPPORT_REQUIRE_POSTGRES"):
            pytest.fail(message)
        pytest.skip(message)


def _postgres_project(workdir: Path, schema: str) -> DbtProject:
    return DbtProject(workdir, env={"DBT_TARGET": "postgres", "SUPPORT_PG_SCHEMA": schema})


@pytest.fixture(scope="module")
def demo(postgres: None, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, float]]:
    """The demo seeds, seeded and built (models, data tests, unit tests) on PostgreSQL."""
    schema = f"demo_{uuid.uuid4().hex[:8]}"
    project = _postgres_project(tmp_path_factory.mktemp("pg_demo"), schema)
    started = time.perf_counter()
    seeded = project.dbt("seed")
    assert seeded.ok, seeded.output
    built = project.dbt("build", "--exclude", "metric_within_warn_threshold", "metric_within_error_threshold")
    assert built.ok, built.output
    yield schema, time.perf_counter() - started
    _drop_schemas(schema)


def _drop_schemas(prefix: str) -> None:
    with _connect() as connection, connection.cursor() as cursor:
        cursor.execute("select nspname from pg_namespace where nspname like %s", (prefix + "%",))
        for (name,) in cursor.fetchall():
            cursor.execute(f'drop schema "{name}" cascade')
    connection.close()


def test_demo_builds_and_passes_every_test_on_postgres(demo: tuple[str, float]) -> None:
    schema, seconds = demo
    print(f"demo seed + build on PostgreSQL: {seconds:.1f}s")
    with _connect() as connection, connection.cursor() as cursor:
        cursor.execute(f"select count(*) from {schema}_marts.fct_tickets")
        assert cursor.fetchone()[0] > 0
    connection.close()


def test_bi_reader_reads_the_marts_and_nothing_else(demo: tuple[str, float]) -> None:
    schema, _ = demo
    login = f"bi_tool_{uuid.uuid4().hex[:8]}"
    with _connect() as admin, admin.cursor() as cursor:
        cursor.execute(f"create role {login} login in role bi_reader")
    admin.close()
    try:
        connection = _connect(user=login)
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute(f"select count(*) from {schema}_marts.metrics_by_path")
            assert cursor.fetchone()[0] > 0
            for relation in (
                f"{schema}_raw.tickets",
                f"{schema}_staging.stg_helpdesk__tickets",
                f"{schema}_intermediate.int_tickets_classified_by_path",
                f"{schema}_quarantine.quarantine_tickets",
            ):
                with pytest.raises(psycopg2.errors.InsufficientPrivilege):
                    cursor.execute(f"select count(*) from {relation}")
        connection.close()
    finally:
        with _connect() as admin, admin.cursor() as cursor:
            cursor.execute(f"drop role {login}")
        admin.close()


def _load_raw(folder: Path, schema: str) -> None:
    """The generated CSV files as text tables in `schema`, the raw contract's shape."""
    columns = contract_columns()
    with _connect() as connection, connection.cursor() as cursor:
        cursor.execute(f"create schema {schema}")
        for table in RAW_TABLES:
            cursor.execute(f"create table {schema}.{table} ({', '.join(f'{c} text' for c in columns[table])})")
            with (folder / f"{table}.csv").open(encoding="utf-8") as handle:
                cursor.copy_expert(f"copy {schema}.{table} from stdin with (format csv, header true)", handle)
    connection.close()


def test_marts_agree_between_duckdb_and_postgres(postgres: None, tmp_path: Path) -> None:
    raw, duck = duckdb_reference(tmp_path, tickets=1500, days=56)

    schema = f"parity_{uuid.uuid4().hex[:8]}"
    _load_raw(raw, f"{schema}_input")
    try:
        pg = _postgres_project(tmp_path / "postgres", schema)
        excluded = ["test_type:unit", "metric_within_warn_threshold", "metric_within_error_threshold"]
        result = pg.dbt("build", "--exclude", *excluded, variables={"raw_schema": f"{schema}_input"})
        assert result.ok, result.output

        tickets = "select * from {schema}.fct_tickets order by ticket_id"
        cells = (
            "select * from {schema}.metrics_by_path "
            "order by period_grain, period_start, support_path, segment_type, segment_value, metric_name"
        )
        with _connect() as connection, connection.cursor() as cursor:
            for name, sql in (("fct_tickets", tickets), ("metrics_by_path", cells)):
                cursor.execute(sql.format(schema=f"{schema}_marts"))
                pg_rows = normalise_rows(cursor.fetchall())
                duck_rows = normalise_rows(duck.query(sql.format(schema="main_marts")))
                assert_same_rows(name, duck_rows, pg_rows, "postgres")
        connection.close()
    finally:
        _drop_schemas(schema)


def _load_files(folder: Path, schema: str) -> None:
    """Every <table>.csv of `folder` as a text table in `schema`, as a loader would land it."""
    with _connect() as connection, connection.cursor() as cursor:
        cursor.execute(f'create schema "{schema}"')
        for path in sorted(folder.glob("*.csv")):
            with path.open(encoding="utf-8") as handle:
                header = handle.readline().strip().split(",")
                handle.seek(0)
                columns = ", ".join(f'"{column}" text' for column in header)
                cursor.execute(f'create table "{schema}"."{path.stem}" ({columns})')
                cursor.copy_expert(f'copy "{schema}"."{path.stem}" from stdin with (format csv, header true)', handle)
    connection.close()


def _source_system_input(system: str, folder: Path) -> tuple[Path, dict[str, Any]]:
    """The raw files of `system` and the vars they need: the committed ServiceNow excerpt, or a
    generated operation written in Zendesk's or Intercom's shape."""
    if system == "servicenow":
        return PROJECT_DIR / "tests" / "fixtures" / "servicenow", {}
    contract, raw = folder / "contract", folder / "raw"
    generate(GeneratorConfig(tickets=300, seed=43, days=28), contract, "csv", progress=False)
    if system == "zendesk":
        write_zendesk_tables(contract, raw)
        return raw, {"zendesk": zendesk_vars()}
    write_intercom_tables(contract, raw)
    return raw, {"intercom": intercom_vars()}


@pytest.mark.parametrize("system", ["servicenow", "zendesk", "intercom"])
def test_source_systems_agree_between_duckdb_and_postgres(postgres: None, tmp_path: Path, system: str) -> None:
    raw, settings = _source_system_input(system, tmp_path)
    variables = {"source_system": system, **settings}
    excluded = ["test_type:unit", "metric_within_warn_threshold", "metric_within_error_threshold"]
    duck = DbtProject(tmp_path / "duckdb")
    built = duck.build_from_files(raw, variables=variables)
    assert built.ok, built.output

    schema = f"{system}_{uuid.uuid4().hex[:8]}"
    _load_files(raw, f"{schema}_input")
    try:
        pg = _postgres_project(tmp_path / "postgres", schema)
        result = pg.dbt("build", "--exclude", *excluded, variables={**variables, f"{system}_schema": f"{schema}_input"})
        assert result.ok, result.output
        sql = "select * from {schema}.fct_tickets order by ticket_id"
        with _connect() as connection, connection.cursor() as cursor:
            cursor.execute(sql.format(schema=f"{schema}_marts"))
            pg_rows = normalise_rows(cursor.fetchall())
        connection.close()
        duck_rows = normalise_rows(duck.query(sql.format(schema="main_marts")))
        assert_same_rows(f"fct_tickets from {system}", duck_rows, pg_rows, "postgres")
    finally:
        _drop_schemas(schema)
