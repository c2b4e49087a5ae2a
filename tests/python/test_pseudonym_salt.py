"""The pseudonym salt is read from the warehouse: it changes the pseudonyms, and it appears in no
file dbt writes (compiled SQL, run artefacts, logs)."""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

from dbt_project_runner import DbtProject
from scripts.set_pseudonym_salt import store_duckdb
from supportgen import GeneratorConfig, generate

SALT = "test-salt-7f3a9c1e5b2d4680-never-logged"


def test_salt_from_the_warehouse_pseudonymises_and_never_reaches_a_file(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    generate(GeneratorConfig(tickets=300, seed=5, days=28), raw, "csv", progress=False)
    project = DbtProject(tmp_path / "build")
    project.workdir.mkdir()
    store_duckdb(project.database, "support_private.pseudonym_salt", SALT)

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
