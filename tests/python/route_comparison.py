"""Comparing the marts built from one operation along two routes (the raw contract, and a
helpdesk's own tables through its adapter): value equality with a float tolerance, rows as
dicts, raw-row reconciliation, and a readable report of what differs."""

from __future__ import annotations

import csv
from typing import Any

from dbt_project_runner import PROJECT_DIR, RAW_TABLES, DbtProject
from engine_parity import close, normalise

SHOWN = 25
# fct_tickets columns that a conversational helpdesk (Zendesk, Intercom) expresses as well as the
# contract: both routes of one operation must agree on them ticket by ticket. Each source's test
# adds what only it expresses and lists, with the reason, what it cannot.
CONVERSATION_TICKET_COLUMNS = (
    "support_path",
    "issue_type",
    "product_area",
    "is_technical",
    "created_at",
    "resolved_at",
    "is_resolved",
    "was_ever_resolved",
    "is_reopened",
    "reopen_count",
    "has_repeat_contact",
    "next_same_issue_created_at",
    "is_repeat_case",
    "is_first_contact_resolution",
    "is_ai_touched",
    "is_ai_resolved",
    "was_assigned",
    "is_misrouted",
    "was_escalated_to_engineering",
    "engineering_escalation_count",
    "handoff_count",
    "escalation_count",
    "is_solved_without_engineering",
    "first_response_minutes",
    "first_useful_reply_minutes",
    "first_human_useful_reply_minutes",
    "resolution_minutes",
    "customer_safe_answer_at",
    "time_to_customer_safe_answer_minutes",
    "first_response_business_minutes",
    "first_useful_reply_business_minutes",
    "resolution_business_minutes",
    "is_human_handled",
)


# Human work that neither Zendesk nor Intercom lands (no evidence, problem confirmation or workflow
# events): a ticket whose only human work is of these kinds is human-handled in the contract and
# cannot be through those helpdesks, so is_human_handled is compared on the other tickets.
UNLANDED_WORK_EVENTS = ("evidence", "problem_confirmed", "workflow_applied")


def tickets_with_only_unlanded_work(contract: DbtProject) -> set[str]:
    """The contract's tickets whose human work (anything an agent or engineer did but be assigned,
    an escalation, an engineering resolution) is all of UNLANDED_WORK_EVENTS."""
    unlanded = ", ".join(f"'{kind}'" for kind in UNLANDED_WORK_EVENTS)
    work = (
        "((actor_type in ('agent', 'engineer') and event_type <> 'assignment')"
        " or event_type in ('escalation', 'engineering_resolution'))"
    )
    found = contract.query(f"""
        select ticket_id
        from main_intermediate.int_ticket_events_conformed
        group by ticket_id
        having count(case when {work} then 1 end) > 0
            and count(case when {work} and event_type not in ({unlanded}) then 1 end) = 0
    """)
    return {ticket_id for (ticket_id,) in found}


def same(left: Any, right: Any) -> bool:
    """Equal; both null; numbers to a relative 1e-9 (sums of floats may differ in their last bits)."""
    if left is None or right is None:
        return left is None and right is None
    return close(normalise(left), normalise(right))


def columns(project: DbtProject, relation: str) -> list[str]:
    schema, table = relation.split(".")
    rows = project.query(
        f"select column_name from information_schema.columns where table_schema = '{schema}' "
        f"and table_name = '{table}' order by ordinal_position"
    )
    return [name for (name,) in rows]


def rows(project: DbtProject, relation: str) -> list[dict[str, Any]]:
    names = columns(project, relation)
    return [dict(zip(names, row, strict=True)) for row in project.query(f"select * from {relation}")]


def accounted_for(project: DbtProject) -> dict[str, tuple[Any, ...]]:
    """quarantine_row_counts by table, after checking raw = accepted + quarantined for each."""
    counts = {row[0]: tuple(row[1:]) for row in project.query("select * from main_quarantine.quarantine_row_counts")}
    assert set(counts) == set(RAW_TABLES)
    for table, (raw, accepted, quarantined) in counts.items():
        assert raw == accepted + quarantined, f"{table}: {raw} rows, {accepted} accepted + {quarantined} quarantined"
    return counts


def report(kind: str, route: str, mismatches: list[str]) -> str:
    shown = "\n".join(mismatches[:SHOWN])
    more = f"\n... and {len(mismatches) - SHOWN} more" if len(mismatches) > SHOWN else ""
    return f"{len(mismatches)} {kind} differ between the contract and the {route} route:\n{shown}{more}"


def unmeasured_metrics(source_system: str) -> list[str]:
    """The catalog metrics `source_system` cannot measure (seed source_system_unmeasured_metrics)."""
    seed = PROJECT_DIR / "seeds" / "source_system_unmeasured_metrics.csv"
    with seed.open(newline="", encoding="utf-8") as handle:
        return [row["metric_name"] for row in csv.DictReader(handle) if row["source_system"] == source_system]


def filled_unmeasured_cells(project: DbtProject, source_system: str) -> tuple[list[tuple[Any, ...]], int]:
    """The metrics_by_path cells of metrics `source_system` cannot measure that carry a number
    (there should be none: empty, not zero), and how many such cells there are."""
    metrics = unmeasured_metrics(source_system)
    names = ", ".join(f"'{metric}', '{metric}_median', '{metric}_p90'" for metric in metrics)
    cells = project.query(
        f"""select period_grain, period_start, support_path, segment_type, segment_value, metric_name,
               numerator, denominator, metric_value
        from main_marts.metrics_by_path where metric_name in ({names})"""
    )
    return [cell for cell in cells if any(value is not None for value in cell[6:])], len(cells)
