"""The Zendesk adapter (source_system zendesk), on two inputs:

1. Fivetran's own integration-test rows for Zendesk (tests/fixtures/fivetran_zendesk): tiny and
   barely joined, they test shapes: the build succeeds, every raw row is accepted or quarantined
   with a reason, and the mapping does what docs/DECISIONLOG.md says on them.
2. The same generated operation by two routes: the raw contract files as they are, and the same
   operation written in Fivetran's Zendesk shape (supportgen.shapes.zendesk) and mapped back by
   the adapter. fct_tickets, fct_escalations and metrics_by_path agree ticket by ticket, escalation
   by escalation and cell by cell on everything Zendesk can express; each column or metric left
   out names the reason.
"""

from __future__ import annotations

import csv
import datetime as dt
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from dbt_project_runner import PROJECT_DIR, DbtProject
from route_comparison import (
    CONVERSATION_TICKET_COLUMNS,
    filled_unmeasured_cells,
    report,
    rows,
    same,
    tickets_with_only_unlanded_work,
)
from route_comparison import columns as relation_columns
from supportgen import GeneratorConfig, generate
from supportgen.shapes.zendesk import write_zendesk_tables, zendesk_vars

FIXTURE = PROJECT_DIR / "tests" / "fixtures" / "fivetran_zendesk"
# 1111 is an agent-role user (Arthur Agent) and 423362500353 writes comments without a user row:
# both listed as bots, to show that a rule makes a user the AI whatever their role.
# The Fivetran seeds are a few unrelated rows: much of them is quarantined on purpose (the counts are
# pinned below), so no quarantine share fails the build.
SEEDS_VARS: dict[str, Any] = {
    "source_system": "zendesk",
    "zendesk": {"bot_user_ids": [1111, 423362500353]},
    "quarantine_share_thresholds": {"warn": 1.0, "error": 1.0},
}
# Without the generator's messy stories: not yet checked through Zendesk's landing (issue 15).
OPERATION = GeneratorConfig(tickets=300, seed=41, days=28, messy_rate=0.0)

# fct_tickets columns Zendesk expresses: both routes must give the same value on every ticket.
SAME_TICKET_COLUMNS = (
    *CONVERSATION_TICKET_COLUMNS,
    # and what Zendesk alone expresses here:
    "channel",
    "priority",
    "has_missing_identifier",
)
# fct_tickets columns that differ for a reason Zendesk cannot help.
DIFFERING_TICKET_COLUMNS = {
    "ticket_id": "Zendesk ids are numbers; compared through the ticket's external_id",
    "customer_id": "pseudonyms of different raw ids; compared as the same grouping of tickets",
    "account_id": "pseudonyms of different raw ids; compared as the same grouping of tickets",
    "time_to_first_evidence_minutes": "Zendesk lands no evidence events",
    "time_to_problem_confirmed_minutes": "Zendesk lands no problem confirmation",
    "handle_seconds": "Fivetran lands no work time",
    "resolution_cost_usd": "its human part is work time, which Fivetran does not land",
    "ticket_cost_usd": "its human part is work time, which Fivetran does not land",
    "workflow_applied": "Zendesk lands no workflow use",
    "csat_score": "Zendesk rates good or bad: CSAT 4-5 becomes 5, 1-3 becomes 1 (the csat share agrees)",
    "ces_score": "Zendesk asks no effort question",
    "nps_score": "Zendesk Support asks no promoter question",
}
SAME_ESCALATION_COLUMNS = (
    "support_path",
    "packet_has_summary",
    "packet_has_identifiers",
    "packet_has_repro",
    "packet_has_evidence",
    "packet_fields_present",
    "packet_fields_required",
    "packet_completeness",
    "first_human_useful_reply_at",
    "first_human_useful_reply_minutes",
)
DIFFERING_ESCALATION_COLUMNS = {
    "escalation_id": "event ids differ by route; escalations are matched on ticket, kind and moment",
    "ticket_id": "matched through the ticket's external_id",
    "escalation_kind": "part of the match",
    "escalated_at": "part of the match",
    "first_context_request_at": "Zendesk has no context requests",
    "first_receiver_useful_reply_at": "read only against context requests (rework), which Zendesk has none of",
    "is_rework": "rework also counts context requests, which Zendesk lacks",
    "engineering_resolved_at": "Zendesk has no engineering resolutions",
    "resolution_code": "Zendesk has no engineering resolutions",
    "is_unnecessary": "judged on the engineering resolution code",
}
# metrics_by_path metrics built only from what Zendesk expresses: every cell must agree.
SAME_METRICS = (
    "ai_containment_rate",
    "ai_resolution_rate",
    "backlog_age_median",
    "backlog_age_p90",
    "csat",
    "deflection_rate",
    "engineering_interruption_rate",
    "evidence_completeness",
    "first_contact_resolution_rate",
    "first_human_useful_reply_time_median",
    "first_human_useful_reply_time_p90",
    "first_response_time_median",
    "first_response_time_p90",
    "first_useful_reply_time_median",
    "first_useful_reply_time_p90",
    "handoff_rate",
    "misroute_rate",
    "missing_identifier_rate",
    "reopen_rate",
    "repeat_contact_rate",
    "resolution_time_median",
    "resolution_time_p90",
    "solve_without_engineering_rate",
    "tickets_per_agent",
    "time_to_customer_safe_answer_median",
    "time_to_customer_safe_answer_p90",
)
DIFFERING_METRICS = {
    "average_handle_time": "work time: not landed",
    "cost_per_resolution": "work time: not landed",
    "repeat_case_handle_time": "work time: not landed",
    "ces": "no effort question",
    "nps": "no promoter question",
    "escalation_rework_rate": "context requests: not in Zendesk",
    "handoff_quality_rate": "context requests: not in Zendesk",
    "unnecessary_escalation_rate": "engineering resolution codes: not in Zendesk",
    "time_to_first_evidence_median": "evidence: not in Zendesk",
    "time_to_first_evidence_p90": "evidence: not in Zendesk",
    "time_to_problem_confirmed_median": "problem confirmation: not in Zendesk",
    "time_to_problem_confirmed_p90": "problem confirmation: not in Zendesk",
    "workflow_reuse_rate": "workflow use: not in Zendesk",
    "revenue_at_risk_rate": "ARR: Zendesk organisations have none",
    "renewal_arr_at_risk": "ARR and renewal dates: Zendesk organisations have none",
}


# -- 1. Fivetran's integration-test rows --------------------------------------------------------


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> DbtProject:
    project = DbtProject(tmp_path_factory.mktemp("zendesk_seeds"))
    result = project.build_from_files(FIXTURE, judge_thresholds=True, variables=SEEDS_VARS)
    assert result.ok, result.output
    return project


def test_every_fivetran_row_is_accounted_for(seeds: DbtProject) -> None:
    counts = {
        table: (raw, accepted, quarantined)
        for table, raw, accepted, quarantined in seeds.query("select * from main_quarantine.quarantine_row_counts")
    }
    assert all(raw == accepted + quarantined for raw, accepted, quarantined in counts.values()), counts
    with (FIXTURE / "ticket.csv").open(encoding="utf-8") as handle:
        tickets = sum(1 for _ in csv.DictReader(handle))
    with (FIXTURE / "ticket_comment.csv").open(encoding="utf-8") as handle:
        comments = sum(1 for _ in csv.DictReader(handle))
    assert counts["tickets"] == (tickets, tickets, 0), counts
    [(messages,)] = seeds.query(
        "select count(*) from main_adapters.zendesk__contract_ticket_events where event_type = 'message'"
    )
    assert messages == comments, "every comment is a message, quarantined or not"
    reasons = dict(
        seeds.query("select rejection_reason, count(*) from main_quarantine.quarantine_ticket_events group by 1")
    )
    # Most comments and changes belong to tickets missing from ticket.csv, or to authors missing
    # from user.csv: the contract says so, row by row.
    assert reasons.get("unknown_ticket_id", 0) > 0 and reasons.get("unknown_actor_type", 0) > 0, reasons
    # No organisation has a segment tag (no prefix configured): each is quarantined, none lost.
    assert counts["accounts"] == (10, 0, 10), counts


def test_statuses_map_and_collapse(seeds: DbtProject) -> None:
    # Ticket 11071's history: open, pending, on-hold, pending, open, ... solved, closed. Hold is
    # pending, so pending -> on-hold -> pending is one pending stretch.
    statuses = [
        status
        for (status,) in seeds.query(
            "select status from main_adapters.zendesk__contract_ticket_events "
            "where ticket_id = '11071' and event_type = 'status_change' order by occurred_at"
        )
    ]
    assert statuses == ["open", "pending", "open", "pending", "open", "pending", "open", "solved", "closed"]
    [(resolved_at, reopen_count, priority)] = seeds.query(
        "select resolved_at, reopen_count, priority from main_marts.fct_tickets where ticket_id = '11071'"
    )
    assert resolved_at == dt.datetime(2020, 11, 14, 11, 1, 27)
    assert reopen_count == 0 and priority == "urgent"
    # Ticket 102 lands `solved` three times at one moment: one status change.
    [(solved,)] = seeds.query(
        "select count(*) from main_adapters.zendesk__contract_ticket_events where ticket_id = '102'"
    )
    assert solved == 1


def test_ticket_attributes_map(seeds: DbtProject) -> None:
    rows = {
        row[0]: row[1:]
        for row in seeds.query(
            "select ticket_id, channel, issue_type, priority, is_technical from main_marts.fct_tickets"
        )
    }
    # 1595 came in through the web form, has type incident (technical by default) and no priority.
    assert rows["1595"] == ("web", "incident", "normal", True)
    # The others came by email without a type: the default issue type.
    assert rows["16988"] == ("email", "unspecified", "normal", False)


def test_a_listed_bot_is_ai_whatever_its_role(seeds: DbtProject) -> None:
    agents = dict(seeds.query("select agent_id, is_ai from main_adapters.zendesk__contract_agents"))
    assert agents == {"1111": True}, "Arthur Agent has the agent role, but is listed as a bot"
    [(assignee_type,)] = seeds.query(
        "select actor_type from main_adapters.zendesk__contract_ticket_events where event_id = 'assignee:11071:1'"
    )
    assert assignee_type == "ai"
    authors = dict(
        seeds.query(
            "select actor_id, max(actor_type) from main_adapters.zendesk__contract_ticket_events "
            "where event_type = 'message' group by actor_id"
        )
    )
    assert authors.pop("423362500353") == "ai"
    assert set(authors.values()) == {None}, "authors missing from user.csv have no actor type (quarantined)"


# -- 2. One operation, two routes -----------------------------------------------------------------


def _build(project: DbtProject, raw: Path, variables: dict[str, Any]) -> DbtProject:
    result = project.build_from_files(raw, judge_thresholds=True, variables=variables)
    assert result.ok, result.output
    return project


@pytest.fixture(scope="module")
def routes(tmp_path_factory: pytest.TempPathFactory) -> tuple[DbtProject, DbtProject, dict[str, str]]:
    """The operation built from the contract files and from its Zendesk shape (in parallel), and
    the Zendesk ticket id -> contract ticket id map (the tickets' external_id)."""
    workdir = tmp_path_factory.mktemp("zendesk_routes")
    generate(OPERATION, workdir / "contract", "csv", progress=False)
    counts = write_zendesk_tables(workdir / "contract", workdir / "zendesk")
    assert counts["ticket"] == OPERATION.tickets
    with ThreadPoolExecutor(max_workers=2) as pool:
        contract = pool.submit(_build, DbtProject(workdir / "contract_build"), workdir / "contract", {})
        zendesk = pool.submit(
            _build,
            DbtProject(workdir / "zendesk_build"),
            workdir / "zendesk",
            {"source_system": "zendesk", "zendesk": zendesk_vars()},
        )
        built = contract.result(), zendesk.result()
    with (workdir / "zendesk" / "ticket.csv").open(encoding="utf-8") as handle:
        ids = {row["id"]: row["external_id"] for row in csv.DictReader(handle)}
    return built[0], built[1], ids


def test_the_zendesk_shape_is_all_accepted(routes: tuple[DbtProject, DbtProject, dict[str, str]]) -> None:
    _, zendesk, _ = routes
    counts = zendesk.query("select table_name, raw_rows, quarantined_rows from main_quarantine.quarantine_row_counts")
    assert all(quarantined == 0 for _, _, quarantined in counts), counts


def test_the_operation_exercises_the_mapping(routes: tuple[DbtProject, DbtProject, dict[str, str]]) -> None:
    contract, _, _ = routes
    [row] = contract.query("""
        select count(*) filter (where support_path = 'ai_only'), count(*) filter (where handoff_count > 0),
               count(*) filter (where was_escalated_to_engineering), count(*) filter (where is_reopened),
               count(*) filter (where is_misrouted), count(*) filter (where has_repeat_contact),
               count(*) filter (where csat_score is not null)
        from main_marts.fct_tickets
    """)
    assert all(count > 0 for count in row), row


def test_fct_tickets_agree_on_what_zendesk_expresses(routes: tuple[DbtProject, DbtProject, dict[str, str]]) -> None:
    contract, zendesk, ids = routes
    expected = {row["ticket_id"]: row for row in rows(contract, "main_marts.fct_tickets")}
    actual = {ids[row["ticket_id"]]: row for row in rows(zendesk, "main_marts.fct_tickets")}
    columns = set(relation_columns(contract, "main_marts.fct_tickets"))
    assert columns == set(SAME_TICKET_COLUMNS) | set(DIFFERING_TICKET_COLUMNS), "decide for each new column"
    assert set(actual) == set(expected), "the ticket ids did not survive the trip"
    unlanded = tickets_with_only_unlanded_work(contract)
    mismatches = [
        f"  {column} of {ticket_id}: contract {row[column]!r}, zendesk {actual[ticket_id][column]!r}"
        for ticket_id, row in sorted(expected.items())
        for column in SAME_TICKET_COLUMNS
        if not (column == "is_human_handled" and ticket_id in unlanded)
        and not same(row[column], actual[ticket_id][column])
    ]
    assert not mismatches, report("ticket values", "Zendesk", mismatches)
    # Customers and accounts carry other raw ids, so other pseudonyms, but group the tickets alike.
    for column in ("customer_id", "account_id"):
        pairs = {(row[column], actual[ticket_id][column]) for ticket_id, row in expected.items()}
        assert len({left for left, _ in pairs}) == len({right for _, right in pairs}) == len(pairs), column


def test_the_csat_share_agrees_though_scores_are_binary(
    routes: tuple[DbtProject, DbtProject, dict[str, str]],
) -> None:
    contract, zendesk, ids = routes
    expected = dict(contract.query("select ticket_id, csat_score >= 4 from main_marts.fct_tickets"))
    actual = {
        ids[ticket]: good
        for ticket, good in zendesk.query("select ticket_id, csat_score >= 4 from main_marts.fct_tickets")
    }
    assert actual == expected


def test_fct_escalations_agree_on_what_zendesk_expresses(
    routes: tuple[DbtProject, DbtProject, dict[str, str]],
) -> None:
    contract, zendesk, ids = routes
    expected = {
        (row["ticket_id"], row["escalation_kind"], row["escalated_at"]): row
        for row in rows(contract, "main_marts.fct_escalations")
    }
    actual = {
        (ids[row["ticket_id"]], row["escalation_kind"], row["escalated_at"]): row
        for row in rows(zendesk, "main_marts.fct_escalations")
    }
    columns = set(relation_columns(contract, "main_marts.fct_escalations"))
    assert columns == set(SAME_ESCALATION_COLUMNS) | set(DIFFERING_ESCALATION_COLUMNS), "decide for each new column"
    assert {kind for _, kind, _ in expected} == {"ai_handoff", "tier_escalation", "engineering"}
    assert set(actual) == set(expected), "handoffs and escalations differ"
    mismatches = [
        f"  {column} of {key}: contract {row[column]!r}, zendesk {actual[key][column]!r}"
        for key, row in sorted(expected.items())
        for column in SAME_ESCALATION_COLUMNS
        if not same(row[column], actual[key][column])
    ]
    assert not mismatches, report("escalation values", "Zendesk", mismatches)


def test_metrics_by_path_agree_on_what_zendesk_expresses(
    routes: tuple[DbtProject, DbtProject, dict[str, str]],
) -> None:
    contract, zendesk, _ = routes
    query = """
        select period_grain, period_start, support_path, segment_type, segment_value, metric_name,
               numerator, denominator, metric_value
        from main_marts.metrics_by_path
    """
    expected = {tuple(row[:6]): row[6:] for row in contract.query(query)}
    actual = {tuple(row[:6]): row[6:] for row in zendesk.query(query)}
    assert {cell[5] for cell in expected} == set(SAME_METRICS) | set(DIFFERING_METRICS), "decide for each new metric"
    assert set(actual) == set(expected), "the two routes give different cells"
    mismatches = [
        f"  {part} of {cell[5]} in {cell[:5]}: contract {want!r}, zendesk {have!r}"
        for cell, values in sorted(expected.items(), key=str)
        if cell[5] in SAME_METRICS
        for part, want, have in zip(("numerator", "denominator", "value"), values, actual[cell], strict=True)
        if not same(want, have)
    ]
    assert not mismatches, report("metric cells", "Zendesk", mismatches)


def test_what_zendesk_cannot_measure_is_empty_not_zero(routes: tuple[DbtProject, DbtProject, dict[str, str]]) -> None:
    """The metrics the seed source_system_unmeasured_metrics lists for Zendesk have cells (the
    periods, paths and segments exist) but no number in them: empty, not 0 over a denominator."""
    _, zendesk, _ = routes
    filled, total = filled_unmeasured_cells(zendesk, "zendesk")
    assert total > 0, "no cells of the unmeasured metrics at all"
    assert not filled, f"{len(filled)} of {total} cells carry a number, e.g. {filled[:5]}"
