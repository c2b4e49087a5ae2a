"""The pseudonym salt is read from the warehouse: it changes the pseudonyms, and it appears in no
file dbt writes (compiled SQL, run artefacts, logs). The public demo salt is refused for any input
but the demo seeds, and a salt table that is missing, empty, short or not a plain name stops the
run with the fix."""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

import duckdb
import pytest

from dbt_project_runner import DbtProject
from scripts.set_pseudonym_salt import store_duckdb
from supportgen import GeneratorConfig, generate

SALT = "test-salt-7f3a9c1e5b2d4680-never-logged"


def test_salt_from_the_warehouse_pseudonymises_and_never_reaches_a_file(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    generate(GeneratorConfig(tickets=300, seed=5, days=28), raw, "csv", progress=False)
    project = DbtProject(tmp_path / "build")
    project.workdir.mkdir()
    store_duckdb(project.build_database, "support_private.pseudonym_salt", SALT)

    result = project.build_from_files(raw, variables={"pseudonym_salt_table": "support_private.pseudonym_salt"})
    assert result.ok, result.output

    with (raw / "tickets.csv").open(encoding="utf-8") as handle:
        first = next(csv.DictReader(handle))
    expected = hashlib.md5(f"{SALT}|{first['customer_id']}".encode()).hexdigest()
    demo = hashlib.md5(f"demo-salt-not-secret|{first['customer_id']}".encode()).hexdigest()
    [(pseudonym,)] = project.query(
        f"select customer_id from main_marts.fct_tickets where ticket_id = '{first['ticket_id']}'"
    )
    assert pseudonym == expected != demo

    files = [
        path
        for folder in (project.workdir / "target", project.workdir / "logs")
        for path in folder.rglob("*")
        if path.is_file()
    ]
    # The scan sees the SQL dbt ran: the salt table's name is there, the salt is not.
    assert any(b"support_private.pseudonym_salt" in path.read_bytes() for path in files)
    leaks = [path for path in files if SALT.encode() in path.read_bytes()]
    assert not leaks, f"the salt was written to {leaks}"


@pytest.mark.parametrize(
    "source",
    [{"raw_dir": "RAW"}, {"raw_schema": "helpdesk_raw"}, {"source_system": "zendesk"}],
    ids=["raw_dir", "raw_schema", "source_system"],
)
def test_the_demo_salt_is_refused_for_any_input_but_the_demo(source: dict[str, str], tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    generate(GeneratorConfig(tickets=20, seed=5, days=7), raw, "csv", progress=False)
    project = DbtProject(tmp_path / "build")
    variables = {key: str(raw) if value == "RAW" else value for key, value in source.items()}
    result = project.dbt("run", variables={**variables, "pseudonym_demo_salt_allowed": False})
    assert not result.ok
    assert "the demo salt is public" in result.output, result.output[-3000:]
    # The fix: the commands that store a salt in this target's build file and name its table.
    assert f"scripts/set_pseudonym_salt.py --duckdb {project.build_database}" in result.output
    assert "pseudonym_salt_table: support_private.pseudonym_salt" in result.output
    assert not project.database.exists(), "a refused build published marts"


@pytest.mark.parametrize("rows", [[], ["short-salt"], [SALT, SALT + "-2"]], ids=["empty", "short", "two"])
def test_a_salt_table_without_exactly_one_long_salt_is_refused(rows: list[str], tmp_path: Path) -> None:
    project = DbtProject(tmp_path)
    tmp_path.mkdir(exist_ok=True)
    store_duckdb(project.build_database, "support_private.pseudonym_salt", SALT)
    with duckdb.connect(str(project.build_database)) as connection:
        connection.execute("delete from support_private.pseudonym_salt")
        for salt in rows:
            connection.execute("insert into support_private.pseudonym_salt values (?)", [salt])
    assert project.dbt("seed").ok
    result = project.dbt("run", variables={"pseudonym_salt_table": "support_private.pseudonym_salt"})
    assert not result.ok
    assert "must hold exactly one salt of at least 16 characters" in result.output, result.output[-3000:]


def test_a_salt_table_name_cannot_carry_sql(tmp_path: Path) -> None:
    project = DbtProject(tmp_path)
    written = tmp_path / "written.csv"
    crafted = f"main.t; copy (select 42) to '{written}'; select 1"
    result = project.dbt("compile", "--select", "stg_helpdesk__tickets", variables={"pseudonym_salt_table": crafted})
    assert not result.ok
    assert "must name a table as schema.table" in result.output, result.output[-3000:]
    assert not written.exists()
