"""Rebuilds: idempotent, safe to re-run after a killed build, and late events reach the facts
through a plain (incremental) build, however old they are."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from dbt_project_runner import DBT, PROJECT_DIR, DbtProject
from supportgen import GeneratorConfig, generate

MARTS = (
    "fct_tickets",
    "fct_escalations",
    "fct_backlog_daily",
    "metrics_by_path",
    "scorecard_weekly",
    "support_signals",
    "failed_handoffs_review",
)
CHECKSUM = "select count(*), sum(hash(t)) from main_marts.{mart} as t"


def _checksums(project: DbtProject) -> dict[str, tuple[int, int]]:
    return {mart: project.query(CHECKSUM.format(mart=mart))[0] for mart in MARTS}  # type: ignore[misc]


@pytest.fixture(scope="module")
def raw(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("rebuild_raw")
    generate(GeneratorConfig(tickets=800, seed=51, days=56), folder, "csv", progress=False)
    return folder


@pytest.fixture(scope="module")
def clean(raw: Path, tmp_path_factory: pytest.TempPathFactory) -> DbtProject:
    project = DbtProject(tmp_path_factory.mktemp("rebuild_clean"))
    result = project.build_from_files(raw)
    assert result.ok, result.output
    return project


def test_two_builds_give_identical_marts(clean: DbtProject, raw: Path) -> None:
    first = _checksums(clean)
    result = clean.build_from_files(raw)
    assert result.ok, result.output
    assert _checksums(clean) == first


def test_a_killed_build_run_again_equals_a_clean_build(clean: DbtProject, raw: Path, tmp_path: Path) -> None:
    project = DbtProject(tmp_path)
    env = {**os.environ, "DBT_PROFILES_DIR": str(PROJECT_DIR), "DUCKDB_PATH": str(project.database)}
    command = [
        str(DBT),
        "build",
        "--exclude",
        "test_type:unit",
        "--project-dir",
        str(PROJECT_DIR),
        "--target-path",
        str(tmp_path / "target"),
        "--log-path",
        str(tmp_path / "logs"),
        "--vars",
        f"{{raw_dir: '{raw}', as_of: '2026-11-01 00:00:00', pseudonym_demo_salt_allowed: true}}",
    ]
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    # Kill it once it is writing models: the DuckDB file exists and has grown.
    while time.monotonic() < deadline and process.poll() is None:
        if project.build_database.exists() and project.build_database.stat().st_size > 2_000_000:
            break
        time.sleep(0.2)
    killed = process.poll() is None
    if killed:
        process.send_signal(signal.SIGKILL)
    process.wait()
    result = project.build_from_files(raw)
    assert result.ok, result.output
    assert _checksums(project) == _checksums(clean), f"killed mid-build: {killed}"


def test_late_arriving_events_change_the_affected_tickets(raw: Path, tmp_path: Path) -> None:
    folder = tmp_path / "raw"
    folder.mkdir()
    for path in raw.iterdir():
        (folder / path.name).write_bytes(path.read_bytes())
    project = DbtProject(tmp_path)
    assert project.build_from_files(folder).ok
    [(ticket_id, resolved_at)] = project.query("""
        select ticket_id, strftime(resolved_at + interval 1 hour, '%Y-%m-%d %H:%M:%S')
        from main_marts.fct_tickets
        where is_resolved and not is_reopened and support_path = 'human_only'
        order by ticket_id limit 1
    """)
    facts = "select ticket_id, is_reopened, resolved_at from main_marts.fct_tickets"
    before = {row[0]: row[1:] for row in project.query(facts)}
    # A reopen that happened an hour after the resolution, delivered only now.
    with (folder / "ticket_events.csv").open("a", encoding="utf-8") as handle:
        handle.write(f"LATE-1,{ticket_id},{resolved_at},status_change,system,,,,,,,,,,reopened,,,\n")
    # Months old: a plain (incremental) build rebuilds that ticket all the same (its fingerprint
    # changed), with the tickets of its repeat-contact stream, and no others.
    result = project.build_from_files(folder)
    assert result.ok, result.output
    increment = {row[0] for row in project.query("select ticket_id from main_intermediate.int_tickets_in_increment")}
    assert ticket_id in increment and len(increment) < len(before) / 10, increment
    after = {row[0]: row[1:] for row in project.query(facts)}
    changed = {key for key in before if before[key] != after[key]}
    assert changed == {ticket_id}
    # Reopened now; resolved later (a close after the reopen) or not at all, never at the old time.
    assert after[ticket_id][0] is True
    assert after[ticket_id][1] != before[ticket_id][1]
