"""The marts agree with the independent reference implementation, on several generated operations.

The reference is written from the casebook's rules and the source documents, not from the SQL
(tests/casebook/; test_casebook.py checks that it gives every hand value). Each dataset is
generated, built with dbt from its raw files, and compared with what the reference computes from
the same files: every ticket's flags and durations, every escalation, and every cell of
metrics_by_path for the ticket and escalation metrics. Counts must be equal; durations and ratios
agree to 1e-6. A disagreement names the metric, the ticket or cell, and both values.
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from typing import Any

import pytest
from reference_metrics import escalation_facts, load, metric_cells, ticket_facts

from dbt_project_runner import DbtProject
from supportgen import GeneratorConfig, generate, messy_profile

DATASETS = {
    "default_mix": GeneratorConfig(tickets=700, seed=31, days=63),
    "no_ai": GeneratorConfig(tickets=400, seed=32, days=42, ai_only_share=0.0, ai_to_human_share=0.0),
    "ai_on_everything": GeneratorConfig(tickets=400, seed=33, days=42, ai_only_share=0.5, ai_to_human_share=0.5),
    "every_handoff_reworked": GeneratorConfig(
        tickets=400, seed=34, days=42, ai_to_human_share=0.6, ai_only_share=0.1, incomplete_packet_rate=1.0
    ),
    "every_ticket_reopened": GeneratorConfig(tickets=400, seed=35, days=42, reopen_rate=1.0, repeat_contact_rate=0.3),
    "messy_profile": messy_profile(tickets=700, seed=36, days=63),
}
TICKET_COLUMNS = (
    "support_path",
    "is_ai_touched",
    "is_resolved",
    "was_ever_resolved",
    "is_reopened",
    "reopen_count",
    "has_repeat_contact",
    "is_repeat_case",
    "is_first_contact_resolution",
    "is_ai_resolved",
    "was_assigned",
    "is_misrouted",
    "was_escalated_to_engineering",
    "engineering_escalation_count",
    "handoff_count",
    "escalation_count",
    "is_solved_without_engineering",
    "has_missing_identifier",
    "first_response_minutes",
    "first_useful_reply_minutes",
    "first_human_useful_reply_minutes",
    "time_to_first_evidence_minutes",
    "time_to_problem_confirmed_minutes",
    "resolution_minutes",
    "time_to_customer_safe_answer_minutes",
    "is_human_handled",
    "handle_seconds",
    "workflow_applied",
    "csat_score",
    "ces_score",
    "nps_score",
    "ticket_cost_usd",
    "resolution_cost_usd",
    "resolved_at",
)
ESCALATION_COLUMNS = (
    "ticket_id",
    "escalation_kind",
    "escalated_at",
    "support_path",
    "packet_fields_present",
    "packet_fields_required",
    "packet_completeness",
    "is_rework",
    "first_human_useful_reply_minutes",
    "resolution_code",
    "is_unnecessary",
)


def _same(expected: Any, actual: Any) -> bool:
    if expected is None or actual is None:
        return expected is None and actual is None
    if isinstance(expected, float) or isinstance(actual, float):
        return math.isclose(float(expected), float(actual), rel_tol=1e-9, abs_tol=1e-6)
    return bool(expected == actual)


def _report(kind: str, mismatches: list[str]) -> str:
    shown = "\n".join(mismatches[:25])
    more = f"\n... and {len(mismatches) - 25} more" if len(mismatches) > 25 else ""
    return f"{len(mismatches)} {kind} disagree with the reference:\n{shown}{more}"


@pytest.fixture(scope="module", params=list(DATASETS), ids=list(DATASETS))
def dataset(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, DbtProject]:
    workdir = tmp_path_factory.mktemp(request.param)
    generate(DATASETS[request.param], workdir / "raw", "csv", progress=False)
    project = DbtProject(workdir)
    result = project.build_from_files(workdir / "raw")
    assert result.ok, f"dbt build failed on dataset {request.param}:\n{result.output}"
    return workdir / "raw", project


def test_fct_tickets_matches_the_reference(dataset: tuple[Path, DbtProject]) -> None:
    raw, project = dataset
    tickets, _ = load(raw)
    ticket_facts(tickets)
    have = {row[0] for row in project.query("describe main_marts.fct_tickets")}
    present = [column for column in TICKET_COLUMNS if column in have]
    actual = {
        row[0]: row[1:] for row in project.query(f"select ticket_id, {', '.join(present)} from main_marts.fct_tickets")
    }
    assert set(actual) == set(tickets), "fct_tickets does not hold exactly the raw tickets"
    mismatches = [f"  fct_tickets has no column {column}" for column in TICKET_COLUMNS if column not in have]
    for ticket_id, ticket in sorted(tickets.items()):
        for column, value in zip(present, actual[ticket_id], strict=True):
            expected = ticket.values[column]
            if isinstance(value, dt.datetime) or isinstance(expected, dt.datetime) or not hasattr(value, "__float__"):
                same = expected == value
            else:
                same = _same(expected, float(value) if value is not None and not isinstance(value, bool) else value)
            if not same:
                mismatches.append(f"  {column} of ticket {ticket_id}: reference {expected!r}, fct_tickets {value!r}")
    assert not mismatches, _report("ticket values", mismatches)


def test_fct_escalations_matches_the_reference(dataset: tuple[Path, DbtProject]) -> None:
    raw, project = dataset
    tickets, _ = load(raw)
    ticket_facts(tickets)
    expected = escalation_facts(tickets)
    columns = ", ".join(ESCALATION_COLUMNS)
    actual = {
        row[0]: row[1:] for row in project.query(f"select escalation_id, {columns} from main_marts.fct_escalations")
    }
    assert set(actual) == set(expected), "fct_escalations does not hold exactly the handoffs and escalations"
    mismatches = [
        f"  {column} of escalation {escalation_id}: reference {facts[column]!r}, fct_escalations {value!r}"
        for escalation_id, facts in sorted(expected.items())
        for column, value in zip(ESCALATION_COLUMNS, actual[escalation_id], strict=True)
        if not _same(facts[column], value)
    ]
    assert not mismatches, _report("escalation values", mismatches)


def test_metrics_by_path_matches_the_reference(dataset: tuple[Path, DbtProject]) -> None:
    raw, project = dataset
    tickets, accounts = load(raw)
    ticket_facts(tickets)
    expected = metric_cells(tickets, escalation_facts(tickets), accounts)
    metrics = sorted({cell[-1] for cell in expected})
    listed = ", ".join(f"'{metric}'" for metric in metrics)
    actual = {
        tuple(row[:6]): row[6:]
        for row in project.query(f"""
            select period_grain, period_start, support_path, segment_type, segment_value, metric_name,
                   numerator, denominator, metric_value
            from main_marts.metrics_by_path where metric_name in ({listed})
        """)
    }
    missing = sorted(set(expected) - set(actual))
    extra = sorted(set(actual) - set(expected))
    assert not missing, _report("cells missing from metrics_by_path", [f"  {cell}" for cell in missing])
    assert not extra, _report("cells only in metrics_by_path", [f"  {cell}" for cell in extra])
    mismatches = []
    for cell, (numerator, denominator, value) in sorted(expected.items()):
        got = actual[cell]
        for part, want, have in zip(
            ("numerator", "denominator", "metric_value"), (numerator, denominator, value), got, strict=True
        ):
            if not _same(want, have):
                mismatches.append(
                    f"  {part} of {cell[5]} in cell {cell[:5]}: reference {want!r}, metrics_by_path {have!r}"
                )
    assert not mismatches, _report("metric cells", mismatches)
