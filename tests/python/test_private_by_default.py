"""Private by default (issue 14, part 3) on DuckDB: the file BI tools and the dashboard read holds
the marts and nothing else, it is replaced atomically at the end of a successful build (a failed
build leaves it as it was, an open reader never blocks a build nor sees half of one), a second
concurrent build stops at once with one line, and no value a user passes reaches SQL unquoted."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import pytest
import yaml

from dbt_project_runner import AS_OF, DBT, PROJECT_DIR, DbtProject
from scripts.set_pseudonym_salt import store_duckdb
from supportgen import GeneratorConfig, generate

SALT = "private-test-salt-5c1e9a7f3b2d"
SALT_TABLE = "support_private.pseudonym_salt"
SALTED = {"pseudonym_salt_table": SALT_TABLE, "pseudonym_demo_salt_allowed": False}


def _raw(folder: Path, tickets: int, seed: int) -> Path:
    generate(GeneratorConfig(tickets=tickets, seed=seed, days=21), folder, "csv", progress=False)
    return folder


def _salted_project(workdir: Path) -> DbtProject:
    project = DbtProject(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    store_duckdb(project.build_database, SALT_TABLE, SALT)
    return project


# Open the file read-only, print fct_tickets' rows, wait for a line on stdin, print them again.
HOLD_OPEN = """
import sys, duckdb
connection = duckdb.connect(sys.argv[1], read_only=True)
count = "select count(*) from main_marts.fct_tickets"
print(connection.execute(count).fetchone()[0], flush=True)
sys.stdin.readline()
print(connection.execute(count).fetchone()[0], flush=True)
"""


def _published_state(database: Path) -> tuple[list[tuple[str, str]], int]:
    """The relations of the published file (schema, name) and fct_tickets' row count."""
    with duckdb.connect(str(database), read_only=True) as connection:
        relations = connection.execute(
            "select schema_name, table_name from duckdb_tables() where database_name = current_database() "
            "union all select schema_name, view_name from duckdb_views() "
            "where database_name = current_database() and not internal order by all"
        ).fetchall()
        [(tickets,)] = connection.execute("select count(*) from main_marts.fct_tickets").fetchall()
    return relations, tickets


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[DbtProject, Path]:
    """Generated data built with a real salt; the raw folder beside it."""
    folder = tmp_path_factory.mktemp("private")
    raw = _raw(folder / "raw", tickets=300, seed=17)
    project = _salted_project(folder / "build")
    result = project.build_from_files(raw, variables=SALTED)
    assert result.ok, result.output
    return project, raw


def test_the_published_file_holds_the_marts_and_nothing_else(built: tuple[DbtProject, Path]) -> None:
    project, raw = built
    relations, tickets = _published_state(project.database)
    marts = project.query(
        "select 'main_marts', table_name from duckdb_tables() where schema_name = 'main_marts' order by all"
    )
    assert relations == [tuple(row) for row in marts] and tickets > 0, relations
    # The build file keeps what the marts came from: staged raw values, the quarantine, the salt.
    schemas = {row[0] for row in project.query("select distinct schema_name from duckdb_tables()")}
    assert {"main_staging", "main_quarantine", "support_private"} <= schemas, schemas
    published = project.database.read_bytes()
    assert SALT.encode() not in published
    # No raw customer or account id anywhere in the published bytes (they are pseudonymised).
    with duckdb.connect() as connection:
        ids = connection.execute(
            f"select distinct customer_id from read_csv('{raw}/tickets.csv', all_varchar = true) "
            f"union select distinct account_id from read_csv('{raw}/accounts.csv', all_varchar = true)"
        ).fetchall()
    leaked = [value for (value,) in ids if value and value.encode() in published]
    assert not leaked, f"raw ids in the published file: {leaked[:5]}"


def test_a_failed_build_leaves_the_published_file_as_it_was(built: tuple[DbtProject, Path]) -> None:
    project, raw = built
    before = hashlib.sha256(project.database.read_bytes()).hexdigest()
    # A time zone DuckDB does not know: the business-clock models fail after the models before
    # them have rewritten the build file, and everything downstream is skipped.
    broken = {**SALTED, "business_hours": {"time_zone": "Mars/Olympus_Mons"}}
    result = project.build_from_files(raw, "--full-refresh", variables=broken)
    assert not result.ok
    assert "Marts not published" in result.output, result.output[-3000:]
    assert hashlib.sha256(project.database.read_bytes()).hexdigest() == before
    # The next good build publishes again.
    assert project.build_from_files(raw, variables=SALTED).ok


def test_readers_never_block_a_build_nor_see_half_of_one(tmp_path: Path) -> None:
    small = _raw(tmp_path / "small", tickets=200, seed=3)
    large = _raw(tmp_path / "large", tickets=260, seed=4)
    project = _salted_project(tmp_path / "build")
    assert project.build_from_files(small, variables=SALTED).ok
    relations, small_count = _published_state(project.database)
    seen: set[tuple[int, int]] = set()
    errors: list[str] = []
    done = threading.Event()

    def read_while_building() -> None:
        while not done.is_set():
            try:
                current, tickets = _published_state(project.database)
                seen.add((len(current), tickets))
            except duckdb.Error as error:
                errors.append(str(error))
            time.sleep(0.05)

    # A BI tool (another process) keeps a read-only connection open for the whole build.
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_OPEN, str(project.database)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdin is not None
    assert int(holder.stdout.readline()) == small_count
    reader = threading.Thread(target=read_while_building)
    reader.start()
    try:
        result = project.build_from_files(large, "--full-refresh", variables=SALTED)
    finally:
        done.set()
        reader.join()
        output, _ = holder.communicate("done\n", timeout=60)
    held = int(output.strip())
    assert result.ok, result.output
    _, large_count = _published_state(project.database)
    assert held == small_count != large_count
    assert not errors, errors[:3]
    # Every look at the file saw one whole build: all the marts, the old or the new tickets.
    assert seen <= {(len(relations), small_count), (len(relations), large_count)}, seen


def test_a_second_concurrent_build_stops_at_once_with_one_line(tmp_path: Path) -> None:
    project = DbtProject(tmp_path)
    first = project.dbt("seed")
    assert first.ok, first.output
    env = {
        **os.environ,
        "DBT_PROFILES_DIR": str(PROJECT_DIR),
        "DUCKDB_PATH": str(project.database),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
    }
    command = [
        str(DBT),
        "build",
        "--exclude",
        "test_type:unit",
        "--project-dir",
        str(PROJECT_DIR),
        "--target-path",
        str(tmp_path / "target_first"),
        "--log-path",
        str(tmp_path / "logs_first"),
        "--vars",
        yaml.safe_dump({"as_of": AS_OF}, default_flow_style=True).strip(),
    ]
    running = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        # Wait until the first build holds the build file (its lock names it).
        lock = project.build_database.with_name(project.build_database.name + ".lock")
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and running.poll() is None:
            if lock.exists() and f"PID {running.pid}" in lock.read_text(encoding="utf-8"):
                break
            time.sleep(0.2)
        assert running.poll() is None, "the first build ended before the second one started"
        second = project.dbt("run", "--select", "fct_tickets")
        still_running = running.poll() is None
    finally:
        output, _ = running.communicate(timeout=600)
    assert running.returncode == 0, output[-3000:]
    assert still_running, "the second command waited for the first instead of stopping at once"
    assert not second.ok
    assert "Traceback" not in second.output, second.output[-3000:]
    message = [line for line in second.output.splitlines() if "Another build holds" in line]
    assert len(message) == 1, second.output[-3000:]
    assert str(project.build_database) in message[0] and f"PID {running.pid}" in message[0]
    assert "`dbt build`" in message[0]


def test_a_quote_in_the_folder_of_the_files_works(tmp_path: Path) -> None:
    project = DbtProject(tmp_path / "it's a folder")
    assert project.dbt("seed").ok
    result = project.dbt("run", "--select", "+fct_tickets")
    assert result.ok, result.output
    relations, tickets = _published_state(project.database)
    assert relations == [("main_marts", "fct_tickets")] and tickets > 0


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> DbtProject:
    project = DbtProject(tmp_path_factory.mktemp("crafted"))
    result = project.dbt("seed")
    assert result.ok, result.output
    return project


@pytest.mark.parametrize(
    ("variables", "model"),
    [
        ({"repeat_contact_window_days": "7) ; copy (select 42) to 'WRITTEN'; select (1"}, "fct_tickets"),
        ({"human_hourly_cost_usd": "45; copy (select 42) to 'WRITTEN'"}, "fct_tickets"),
        ({"signal_min_volume": "20; copy (select 42) to 'WRITTEN'"}, "support_signals"),
        ({"at_risk_bad_ticket_share": "0.3) or (1=1"}, "int_accounts_escalation_experience"),
        ({"metric_thresholds": {"reopen_rate": {"warn": "1 end; copy (select 42) to 'WRITTEN'"}}}, "metrics_by_path"),
    ],
    ids=["window_days", "hourly_cost", "signal_min_volume", "at_risk_share", "threshold"],
)
def test_a_crafted_number_var_is_refused(
    variables: dict[str, object], model: str, seeded: DbtProject, tmp_path: Path
) -> None:
    written = tmp_path / "written.csv"
    crafted = yaml.safe_load(yaml.safe_dump(variables).replace("WRITTEN", str(written)))
    result = seeded.dbt("compile", "--select", model, variables=crafted)
    assert not result.ok
    assert "must be a number" in result.output, result.output[-3000:]
    assert not written.exists()


def test_a_crafted_time_zone_stays_inside_its_string_literal(seeded: DbtProject, tmp_path: Path) -> None:
    written = tmp_path / "written.csv"
    crafted = f"UTC')); copy (select 42) to '{written}'; --"
    model = "int_ticket_timestamps_business_clocked"
    result = seeded.dbt("compile", "--select", model, variables={"business_hours": {"time_zone": crafted}})
    assert result.ok, result.output[-3000:]
    [compiled] = (seeded.workdir / "target" / "compiled").rglob(f"{model}.sql")
    sql = compiled.read_text(encoding="utf-8")
    assert "'" + crafted.replace("'", "''") + "'" in sql
    assert crafted not in sql.replace(crafted.replace("'", "''"), "")
    # Run, it is an unknown time zone (an error naming it), never a statement of its own.
    run = seeded.dbt("run", "--select", f"+{model}", variables={"business_hours": {"time_zone": crafted}})
    assert not run.ok
    assert not written.exists()
