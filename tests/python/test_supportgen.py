"""The data generator: deterministic, chunk-independent, contract-valid, and its knobs work."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from dbt_project_runner import RAW_TABLES, contract_columns
from supportgen import MESSY_KINDS, ConfigError, GeneratorConfig, PlantedEffect, generate, messy_profile


def _digest(folder: Path) -> dict[str, str]:
    return {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in sorted(folder.iterdir())}


def _read(folder: Path, table: str, fmt: str = "csv") -> duckdb.DuckDBPyRelation:
    connection = duckdb.connect()
    if fmt == "csv":
        return connection.sql(f"select * from read_csv('{folder}/{table}.csv', header = true, all_varchar = true)")
    return connection.sql(f"select * from read_parquet('{folder}/{table}.parquet')")


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("sample")
    generate(GeneratorConfig(tickets=1500, seed=3), folder, "csv", progress=False)
    return folder


def test_same_seed_same_files_whatever_the_chunk_size(tmp_path: Path) -> None:
    generate(GeneratorConfig(tickets=700, seed=11, chunk_size=700), tmp_path / "a", "csv", progress=False)
    generate(GeneratorConfig(tickets=700, seed=11, chunk_size=64), tmp_path / "b", "csv", progress=False)
    assert _digest(tmp_path / "a") == _digest(tmp_path / "b")


def test_another_seed_other_data(tmp_path: Path) -> None:
    generate(GeneratorConfig(tickets=200, seed=1), tmp_path / "a", "csv", progress=False)
    generate(GeneratorConfig(tickets=200, seed=2), tmp_path / "b", "csv", progress=False)
    assert _digest(tmp_path / "a")["tickets.csv"] != _digest(tmp_path / "b")["tickets.csv"]


def test_exact_ticket_count_and_contract_headers(sample: Path) -> None:
    assert _read(sample, "tickets").shape[0] == 1500
    columns = contract_columns()
    for table in RAW_TABLES:
        assert _read(sample, table).columns == columns[table], table


def test_every_row_keeps_the_contract(sample: Path) -> None:
    connection = duckdb.connect()
    for table in RAW_TABLES:
        connection.execute(
            f"create view {table} as select * from read_csv('{sample}/{table}.csv', header = true, all_varchar = true)"
        )
    violations = {
        "duplicate ticket ids": "select count(*) - count(distinct ticket_id) from tickets",
        "duplicate event ids": "select count(*) - count(distinct event_id) from ticket_events",
        "events of unknown tickets": "select count(*) from ticket_events e anti join tickets t using (ticket_id)",
        "events before their ticket": """
            select count(*) from ticket_events e join tickets t using (ticket_id)
            where cast(e.occurred_at as timestamp) < cast(t.created_at as timestamp)""",
        "bad enums": """
            select count(*) from ticket_events
            where event_type not in ('message', 'handoff', 'escalation', 'context_request', 'assignment', 'evidence',
                                     'problem_confirmed', 'status_change', 'workflow_applied', 'engineering_resolution')
               or actor_type not in ('customer', 'ai', 'agent', 'engineer', 'system')""",
        "messages without attributes": """
            select count(*) from ticket_events where event_type = 'message'
            and (is_public is null
                 or message_kind not in ('acknowledgement', 'question', 'answer', 'resolution', 'note'))""",
        "attributes on the wrong events": """
            select count(*) from ticket_events
            where (event_type != 'message' and (is_public is not null or message_kind is not null))
               or (event_type != 'assignment' and queue is not null)
               or (event_type != 'status_change' and status is not null)
               or (event_type not in ('handoff', 'escalation') and packet_has_summary is not null)""",
        "packets incomplete in shape": """
            select count(*) from ticket_events where event_type in ('handoff', 'escalation')
            and (packet_has_summary is null or packet_has_identifiers is null or packet_has_repro is null
                 or packet_has_evidence is null)""",
        "scores out of range": """
            select count(*) from survey_responses
            where cast(csat_score as int) not between 1 and 5 or cast(ces_score as int) not between 1 and 7
               or cast(nps_score as int) not between 0 and 10""",
        "tickets without a customer or with a bad channel": """
            select count(*) from tickets where customer_id is null
            or channel not in ('email', 'chat', 'phone', 'web', 'social')
            or priority not in ('low', 'normal', 'high', 'urgent')""",
    }
    found = {name: connection.execute(sql).fetchone()[0] for name, sql in violations.items()}  # type: ignore[index]
    assert found == dict.fromkeys(violations, 0)


def test_parquet_holds_the_same_rows_as_csv(tmp_path: Path) -> None:
    config = GeneratorConfig(tickets=300, seed=5)
    generate(config, tmp_path / "csv", "csv", progress=False)
    generate(config, tmp_path / "parquet", "parquet", progress=False)
    for table in RAW_TABLES:
        from_csv = _read(tmp_path / "csv", table).fetchall()
        as_text = ", ".join(
            f"case when typeof({c}) = 'BOOLEAN' then lower(cast({c} as varchar)) else cast({c} as varchar) end"
            for c in contract_columns()[table]
        )
        parquet = duckdb.connect().sql(f"select {as_text} from read_parquet('{tmp_path}/parquet/{table}.parquet')")
        from_parquet = [
            tuple(None if v is None else v.replace(".0", "") if table == "accounts" else v for v in row)
            for row in parquet.fetchall()
        ]
        if table == "accounts":
            from_csv = [tuple(None if v is None else v.replace(".0", "") for v in row) for row in from_csv]
        assert from_parquet == from_csv, table


def _path_shares(folder: Path) -> dict[str, int]:
    """Tickets by whether the AI wrote publicly and whether a handoff happened (the path's inputs)."""
    rows = (
        duckdb.connect()
        .sql(f"""
        select
            bool_or(event_type = 'message' and is_public = 'true' and actor_type = 'ai') as ai_wrote,
            bool_or(event_type = 'handoff') as handed_off
        from read_csv('{folder}/ticket_events.csv', header = true, all_varchar = true)
        group by ticket_id
    """)
        .fetchall()
    )
    return {
        "ai": sum(1 for ai, handoff in rows if ai),
        "handoff": sum(1 for ai, handoff in rows if handoff),
        "total": len(rows),
    }


@pytest.mark.parametrize(
    ("ai_only", "ai_to_human", "expect_ai", "expect_handoff"),
    [(0.0, 0.0, 0.0, 0.0), (1.0, 0.0, 1.0, 0.0), (0.0, 1.0, 1.0, 1.0), (0.35, 0.25, 0.6, 0.25)],
)
def test_path_shares_follow_the_config(
    tmp_path: Path, ai_only: float, ai_to_human: float, expect_ai: float, expect_handoff: float
) -> None:
    config = GeneratorConfig(tickets=800, seed=9, ai_only_share=ai_only, ai_to_human_share=ai_to_human, messy_rate=0.0)
    generate(config, tmp_path, "csv", progress=False)
    shares = _path_shares(tmp_path)
    assert shares["ai"] / shares["total"] == pytest.approx(expect_ai, abs=0.05)
    assert shares["handoff"] / shares["total"] == pytest.approx(expect_handoff, abs=0.05)


def test_every_handoff_incomplete_when_asked(tmp_path: Path) -> None:
    config = GeneratorConfig(tickets=500, seed=4, ai_to_human_share=0.6, incomplete_packet_rate=1.0)
    generate(config, tmp_path, "csv", progress=False)
    complete = (
        duckdb.connect()
        .sql(f"""
        select count(*) from read_csv('{tmp_path}/ticket_events.csv', header = true, all_varchar = true)
        where event_type = 'handoff' and packet_has_summary = 'true' and packet_has_identifiers = 'true'
    """)
        .fetchall()
    )
    assert complete == [(0,)]


def test_planted_packet_loss_starts_on_its_day(tmp_path: Path) -> None:
    effect = PlantedEffect(kind="handoff_packet_loss", start_day=35, strength=1.0)
    config = GeneratorConfig(tickets=2000, seed=4, days=70, incomplete_packet_rate=0.0, effects=(effect,))
    generate(config, tmp_path, "csv", progress=False)
    by_half = dict(
        duckdb.connect()
        .sql(f"""
        select e.ticket_id >= '' and cast(t.created_at as timestamp) >= timestamp '2026-02-09' as late,
               avg(case when e.packet_has_summary = 'true' then 1.0 else 0.0 end)
        from read_csv('{tmp_path}/ticket_events.csv', header = true, all_varchar = true) e
        join read_csv('{tmp_path}/tickets.csv', header = true, all_varchar = true) t using (ticket_id)
        where e.event_type = 'handoff' group by 1
    """)
        .fetchall()
    )
    assert by_half[False] == 1.0
    assert by_half[True] == 0.0


@pytest.mark.parametrize(
    "bad",
    [{"ai_only_share": 0.8, "ai_to_human_share": 0.5}, {"reopen_rate": 1.5}, {"tickets": 0}, {"days": 0}],
)
def test_bad_config_is_refused_with_the_reason(bad: dict[str, float]) -> None:
    with pytest.raises(ConfigError):
        GeneratorConfig(**bad)  # type: ignore[arg-type]


def test_cli_reports_a_bad_share_and_exits_2(tmp_path: Path) -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "supportgen", "--tickets", "10", "--out", str(tmp_path), "--reopen-rate", "2"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 2
    assert "reopen_rate must be between 0 and 1" in completed.stderr


# Each messy story, found in the raw files by what it looks like (not by asking the generator):
# the number of tickets (or tickets with responses) that tell it.
MESSY_STORIES = {
    "ai_ack_on_human": """
        select count(*) from (
            select ticket_id from events group by ticket_id
            having bool_or(event_type = 'message' and is_public and actor_type = 'ai')
               and bool_and(not (event_type = 'message' and is_public and actor_type = 'ai')
                            or message_kind = 'acknowledgement')
               and not bool_or(event_type = 'handoff')
               and bool_or(event_type = 'message' and is_public and actor_type = 'agent'
                           and message_kind in ('answer', 'resolution')))""",
    "silent_ai_triage": """
        select count(*) from (
            select ticket_id from events group by ticket_id
            having bool_or(event_type = 'handoff')
               and bool_or(event_type = 'message' and not is_public and actor_type = 'ai')
               and not bool_or(event_type = 'message' and is_public and actor_type = 'ai'))""",
    "engineer_without_escalation": """
        select count(*) from (
            select ticket_id from events group by ticket_id
            having bool_or(actor_type = 'engineer' and event_type <> 'assignment')
               and not bool_or(event_type = 'escalation'))""",
    "multi_survey": """
        select count(*) from (
            select ticket_id from surveys group by ticket_id
            having count(*) > 1 and bool_or(csat_score is null or nps_score is null))""",
    "same_instant": """
        select count(distinct a.ticket_id) from events as a
        join events as b on a.ticket_id = b.ticket_id and a.occurred_at = b.occurred_at
        join tickets as t on a.ticket_id = t.ticket_id
        where a.event_type = 'assignment'
          and (b.event_type = 'handoff' or (b.event_type = 'message' and b.occurred_at = t.created_at))""",
    "solved_open_reopen": """
        select count(distinct s.ticket_id) from events as s
        join events as o on s.ticket_id = o.ticket_id and o.occurred_at > s.occurred_at
        where s.status = 'solved' and o.status = 'open'""",
    "late_context_request": """
        select count(distinct e.ticket_id) from events as e
        join events as u on e.ticket_id = u.ticket_id and u.occurred_at > e.occurred_at
        join events as c on e.ticket_id = c.ticket_id and c.occurred_at > u.occurred_at
        where e.event_type = 'escalation' and c.event_type = 'context_request'
          and u.event_type = 'message' and u.is_public and u.actor_type = 'agent' and u.message_kind = 'answer'
          and not exists (
              select 1 from events as x where x.ticket_id = e.ticket_id and x.event_type = 'escalation'
                and x.occurred_at > e.occurred_at and x.occurred_at < c.occurred_at)""",
    "owner_change": """
        select count(distinct a.ticket_id) from events as a
        join events as b on a.ticket_id = b.ticket_id and a.queue = b.queue and a.actor_id <> b.actor_id
            and b.occurred_at > a.occurred_at
        where a.event_type = 'assignment' and b.event_type = 'assignment' and a.actor_type = 'agent'
          and not exists (
              select 1 from events as x where x.ticket_id = a.ticket_id and x.event_type = 'escalation'
                and x.occurred_at < b.occurred_at)""",
}


def _messy_counts(folder: Path) -> dict[str, int]:
    connection = duckdb.connect()
    connection.execute(f"create view tickets as select * from read_csv('{folder}/tickets.csv', header = true)")
    connection.execute(f"create view events as select * from read_csv('{folder}/ticket_events.csv', header = true)")
    connection.execute(f"create view surveys as select * from read_csv('{folder}/survey_responses.csv', header = true)")
    return {kind: connection.execute(sql).fetchone()[0] for kind, sql in MESSY_STORIES.items()}  # type: ignore[index]


@pytest.fixture(scope="module")
def messy_sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("messy")
    generate(messy_profile(tickets=1500, seed=3), folder, "csv", progress=False)
    return folder


def test_every_messy_kind_has_a_detector() -> None:
    assert set(MESSY_STORIES) == set(MESSY_KINDS)


def test_the_messy_profile_tells_every_messy_story(messy_sample: Path) -> None:
    counts = _messy_counts(messy_sample)
    assert all(count >= 20 for count in counts.values()), counts


def test_the_default_keeps_some_of_every_messy_story(sample: Path) -> None:
    counts = _messy_counts(sample)
    assert all(count >= 1 for count in counts.values()), counts


def test_without_messy_stories_none_is_told(tmp_path: Path) -> None:
    generate(GeneratorConfig(tickets=1500, seed=3, messy_rate=0.0), tmp_path, "csv", progress=False)
    assert _messy_counts(tmp_path) == dict.fromkeys(MESSY_STORIES, 0)


def test_the_messy_profile_keeps_the_contract(messy_sample: Path) -> None:
    test_every_row_keeps_the_contract(messy_sample)


def test_cli_messy_profile(tmp_path: Path) -> None:
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "supportgen",
            "--tickets",
            "300",
            "--profile",
            "messy",
            "--out",
            str(tmp_path),
            "--quiet",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    generate(messy_profile(tickets=300), tmp_path / "direct", "csv", progress=False)
    assert (tmp_path / "ticket_events.csv").read_bytes() == (tmp_path / "direct" / "ticket_events.csv").read_bytes()
