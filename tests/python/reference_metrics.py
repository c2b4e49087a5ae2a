"""An independent reference implementation of the metric definitions, in plain Python.

It reads the raw CSV files the generator writes and follows the metric catalog's definitions in
words; it shares no code or SQL with the dbt models. The reference tests build the project on
the same files and compare fct_tickets, fct_escalations and metrics_by_path with what this module
computes. It assumes contract-valid input (the generator's); contract checks are tested apart.
"""

from __future__ import annotations

import bisect
import csv
import datetime as dt
import math
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPEAT_WINDOW = dt.timedelta(days=7)
AI_COST_USD = 0.99
HUMAN_HOURLY_USD = 45.0
HUMANS = ("agent", "engineer")
ANSWERERS = ("ai", "agent", "engineer")
UNNECESSARY = ("user_error", "not_reproducible", "no_action_needed")


def _time(text: str) -> dt.datetime | None:
    return dt.datetime.fromisoformat(text) if text else None


def _bool(text: str) -> bool | None:
    return {"true": True, "false": False}.get(text.lower()) if text else None


def _int(text: str) -> int | None:
    return int(text) if text else None


def _minutes(start: dt.datetime | None, end: dt.datetime | None) -> float | None:
    if start is None or end is None:
        return None
    return (end - start).total_seconds() / 60.0


@dataclass
class Event:
    event_id: str
    at: dt.datetime
    event_type: str
    actor_type: str
    actor_id: str | None
    is_public: bool | None
    message_kind: str | None
    to_tier: str | None
    packet: tuple[bool, bool, bool, bool] | None
    queue: str | None
    status: str | None
    workflow_id: str | None
    resolution_code: str | None
    handle_seconds: int | None

    def public_by(self, actors: Iterable[str]) -> bool:
        return self.event_type == "message" and bool(self.is_public) and self.actor_type in actors

    def useful_by(self, actors: Iterable[str]) -> bool:
        return self.public_by(actors) and self.message_kind in ("answer", "resolution")


@dataclass
class Ticket:
    ticket_id: str
    customer_id: str
    account_id: str | None
    created_at: dt.datetime
    channel: str
    issue_type: str
    priority: str
    is_technical: bool
    events: list[Event] = field(default_factory=list)
    values: dict[str, Any] = field(default_factory=dict)


def load(folder: Path) -> tuple[dict[str, Ticket], dict[str, dict[str, str]]]:
    """Tickets with their events and latest survey answer, and accounts by id."""
    tickets: dict[str, Ticket] = {}
    with (folder / "tickets.csv").open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            created = _time(row["created_at"])
            assert created is not None
            tickets[row["ticket_id"]] = Ticket(
                row["ticket_id"],
                row["customer_id"],
                row["account_id"] or None,
                created,
                row["channel"],
                row["issue_type"].lower(),
                row["priority"],
                bool(_bool(row["is_technical"])),
            )
    with (folder / "ticket_events.csv").open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            at = _time(row["occurred_at"])
            assert at is not None
            packet = None
            if row["event_type"] in ("handoff", "escalation"):
                flags = [
                    _bool(row[name])
                    for name in (
                        "packet_has_summary",
                        "packet_has_identifiers",
                        "packet_has_repro",
                        "packet_has_evidence",
                    )
                ]
                packet = (bool(flags[0]), bool(flags[1]), bool(flags[2]), bool(flags[3]))
            tickets[row["ticket_id"]].events.append(
                Event(
                    row["event_id"],
                    at,
                    row["event_type"],
                    row["actor_type"],
                    row["actor_id"] or None,
                    _bool(row["is_public"]),
                    row["message_kind"] or None,
                    row["to_tier"] or None,
                    packet,
                    row["queue"] or None,
                    row["status"] or None,
                    row["workflow_id"] or None,
                    row["resolution_code"] or None,
                    _int(row["handle_seconds"]),
                )
            )
    latest: dict[str, tuple[dt.datetime, str, dict[str, str]]] = {}
    with (folder / "survey_responses.csv").open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            at = _time(row["responded_at"])
            assert at is not None
            key = (at, row["response_id"])
            if row["ticket_id"] not in latest or key > latest[row["ticket_id"]][:2]:
                latest[row["ticket_id"]] = (at, row["response_id"], row)
    for ticket_id, (_, _, row) in latest.items():
        ticket = tickets[ticket_id]
        ticket.values.update(
            csat_score=_int(row["csat_score"]), ces_score=_int(row["ces_score"]), nps_score=_int(row["nps_score"])
        )
    with (folder / "accounts.csv").open(newline="", encoding="utf-8") as handle:
        accounts = {row["account_id"]: row for row in csv.DictReader(handle)}
    return tickets, accounts


def _first(events: Iterable[Event], test: Callable[[Event], bool]) -> dt.datetime | None:
    return min((event.at for event in events if test(event)), default=None)


def ticket_facts(tickets: dict[str, Ticket]) -> None:
    """Fill each ticket's values with the per-ticket definitions."""
    for ticket in tickets.values():
        events = ticket.events
        v = ticket.values
        v.setdefault("csat_score", None)
        v.setdefault("ces_score", None)
        v.setdefault("nps_score", None)
        ai_public = _first(events, lambda e: e.public_by(("ai",)))
        human_public = _first(events, lambda e: e.public_by(HUMANS))
        handoffs = sorted(e.at for e in events if e.event_type == "handoff")
        if ai_public is None:
            path = "human_only"
        elif handoffs or human_public is not None:
            path = "ai_to_human"
        else:
            path = "ai_only"
        statuses = [e for e in events if e.event_type == "status_change"]
        unresolving = [e.at for e in statuses if e.status in ("open", "pending", "reopened")]
        last_unresolving = max(unresolving, default=None)
        resolving = [e.at for e in statuses if e.status in ("solved", "closed")]
        resolved_at = min((at for at in resolving if last_unresolving is None or at >= last_unresolving), default=None)
        reopen_count = sum(1 for e in statuses if e.status == "reopened")
        first_useful = _first(events, lambda e: e.useful_by(ANSWERERS))
        customer_messages = [e.at for e in events if e.event_type == "message" and e.actor_type == "customer"]
        first_escalation = _first(events, lambda e: e.event_type == "escalation")
        queues = {
            e.queue
            for e in events
            if e.event_type == "assignment" and (first_escalation is None or e.at < first_escalation)
        }
        assignments = [e for e in events if e.event_type == "assignment"]
        engineering = sum(1 for e in events if e.event_type == "escalation" and e.to_tier == "engineering")
        human_events = [e for e in events if e.actor_type in HUMANS]
        logged = [e.handle_seconds for e in human_events if e.handle_seconds is not None]
        handle_seconds = sum(logged) if logged else None
        human_assignment = _first(events, lambda e: e.event_type == "assignment" and e.actor_type in HUMANS)
        first_evidence = _first(events, lambda e: e.event_type == "evidence")
        evidence_minutes = None
        if human_assignment is not None and first_evidence is not None:
            evidence_minutes = max(0.0, _minutes(human_assignment, first_evidence) or 0.0)
        human_reply_after_handoff = None
        if handoffs:
            start = handoffs[0]
            human_reply_after_handoff = _first(events, lambda e, start=start: e.useful_by(HUMANS) and e.at >= start)
        is_resolved = resolved_at is not None
        v.update(
            support_path=path,
            is_ai_touched=ai_public is not None,
            resolved_at=resolved_at,
            is_resolved=is_resolved,
            was_ever_resolved=bool(resolving),
            reopen_count=reopen_count,
            is_reopened=reopen_count > 0,
            is_first_contact_resolution=is_resolved
            and reopen_count == 0
            and first_useful is not None
            and max(customer_messages, default=ticket.created_at) <= first_useful,
            was_assigned=bool(assignments),
            is_misrouted=len(queues) > 1,
            engineering_escalation_count=engineering,
            was_escalated_to_engineering=engineering > 0,
            is_solved_without_engineering=ticket.is_technical and is_resolved and engineering == 0,
            has_missing_identifier=ticket.account_id is None,
            handoff_count=len(handoffs),
            escalation_count=sum(1 for e in events if e.event_type == "escalation"),
            first_response_minutes=_minutes(ticket.created_at, _first(events, lambda e: e.public_by(ANSWERERS))),
            first_useful_reply_minutes=_minutes(ticket.created_at, first_useful),
            first_human_useful_reply_minutes=_minutes(handoffs[0] if handoffs else None, human_reply_after_handoff),
            time_to_first_evidence_minutes=evidence_minutes,
            time_to_problem_confirmed_minutes=_minutes(
                ticket.created_at, _first(events, lambda e: e.event_type == "problem_confirmed")
            ),
            resolution_minutes=_minutes(ticket.created_at, resolved_at),
            is_human_handled=bool(human_events),
            handle_seconds=handle_seconds,
            workflow_applied=any(e.event_type == "workflow_applied" for e in events),
            resolution_cost_usd=(AI_COST_USD if ai_public is not None else 0.0)
            + (handle_seconds or 0) * HUMAN_HOURLY_USD / 3600.0,
        )
    _repeat_contacts(tickets)
    for ticket in tickets.values():
        v = ticket.values
        v["is_ai_resolved"] = (
            v["support_path"] == "ai_only" and v["is_resolved"] and not v["is_reopened"] and not v["has_repeat_contact"]
        )
        held = v["is_resolved"] and not v["is_reopened"] and not v["has_repeat_contact"]
        v["time_to_customer_safe_answer_minutes"] = v["resolution_minutes"] if held else None


def _repeat_contacts(tickets: dict[str, Ticket]) -> None:
    """Repeat contact (looking ahead from each ticket's window) and repeat case (looking back)."""
    groups: dict[tuple[str, str], list[Ticket]] = defaultdict(list)
    for ticket in tickets.values():
        groups[(ticket.customer_id, ticket.issue_type)].append(ticket)
    for members in groups.values():
        created = sorted(t.created_at for t in members)
        starts = sorted(t.values["resolved_at"] or t.created_at for t in members)
        for ticket in members:
            start = ticket.values["resolved_at"] or ticket.created_at
            later = bisect.bisect_right(created, start)  # first creation strictly after the window start
            ticket.values["has_repeat_contact"] = later < len(created) and created[later] <= start + REPEAT_WINDOW
            before = bisect.bisect_left(starts, ticket.created_at)  # window starts strictly before creation
            ticket.values["is_repeat_case"] = before > 0 and ticket.created_at <= starts[before - 1] + REPEAT_WINDOW


def escalation_facts(tickets: dict[str, Ticket]) -> dict[str, dict[str, Any]]:
    """One dict per handoff or escalation, keyed by its event id."""
    out: dict[str, dict[str, Any]] = {}
    for ticket in tickets.values():
        escalations = sorted(
            (e for e in ticket.events if e.event_type in ("handoff", "escalation")), key=lambda e: (e.at, e.event_id)
        )
        for position, event in enumerate(escalations):
            ends = escalations[position + 1].at if position + 1 < len(escalations) else None
            kind = (
                "ai_handoff"
                if event.event_type == "handoff"
                else "engineering"
                if event.to_tier == "engineering"
                else "tier_escalation"
            )
            in_window = [e for e in ticket.events if e.at >= event.at and (ends is None or e.at < ends)]
            reply = _first(ticket.events, lambda e, start=event.at: e.useful_by(HUMANS) and e.at >= start)
            context = _first(in_window, lambda e: e.event_type == "context_request")
            resolved = _first(in_window, lambda e: e.event_type == "engineering_resolution")
            codes = [
                e.resolution_code for e in in_window if e.event_type == "engineering_resolution" and e.at == resolved
            ]
            code = min(c for c in codes if c) if codes else None
            summary, identifiers, repro, evidence = event.packet or (False, False, False, False)
            required = 4 if kind == "engineering" else 2
            present = int(summary) + int(identifiers) + (int(repro) + int(evidence) if kind == "engineering" else 0)
            out[event.event_id] = {
                "ticket_id": ticket.ticket_id,
                "escalation_kind": kind,
                "escalated_at": event.at,
                "support_path": ticket.values["support_path"],
                "packet_fields_present": present,
                "packet_fields_required": required,
                "packet_completeness": present / required,
                "is_rework": present < required or (context is not None and (reply is None or context < reply)),
                "first_human_useful_reply_minutes": _minutes(event.at, reply),
                "resolution_code": code,
                "is_unnecessary": kind == "engineering" and code in UNNECESSARY,
            }
    return out


def quantile(values: list[float], fraction: float) -> float | None:
    """Continuous quantile with linear interpolation between the closest ranks."""
    if not values:
        return None
    ordered = sorted(values)
    position = (len(ordered) - 1) * fraction
    low, high = math.floor(position), math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def _period_start(moment: dt.datetime, grain: str) -> dt.date:
    day = moment.date()
    if grain == "week":
        return day - dt.timedelta(days=day.weekday())
    if grain == "month":
        return day.replace(day=1)
    return day.replace(month=3 * ((day.month - 1) // 3) + 1, day=1)


def _segments(ticket: Ticket, accounts: dict[str, dict[str, str]]) -> list[tuple[str, str]]:
    account = accounts.get(ticket.account_id or "")
    return [
        ("all", "all"),
        ("channel", ticket.channel),
        ("issue_type", ticket.issue_type),
        ("is_technical", "technical" if ticket.is_technical else "non_technical"),
        ("priority", ticket.priority),
        ("account_segment", account["segment"].lower() if account else "unknown"),
    ]


Cell = tuple[str, dt.date, str, str, str, str]  # grain, period, path, segment type, value, metric


def _count(rows: list[dict[str, Any]], test: Callable[[dict[str, Any]], bool]) -> float:
    return float(sum(1 for row in rows if test(row)))


TICKET_RATIOS: dict[str, tuple[Callable[[list[dict[str, Any]]], float], Callable[[list[dict[str, Any]]], float]]] = {
    "repeat_contact_rate": (lambda r: _count(r, lambda x: x["has_repeat_contact"]), lambda r: float(len(r))),
    "first_contact_resolution_rate": (
        lambda r: _count(r, lambda x: x["is_first_contact_resolution"]),
        lambda r: _count(r, lambda x: x["is_resolved"]),
    ),
    "reopen_rate": (
        lambda r: _count(r, lambda x: x["was_ever_resolved"] and x["is_reopened"]),
        lambda r: _count(r, lambda x: x["was_ever_resolved"]),
    ),
    "average_handle_time": (
        lambda r: float(sum(x["handle_seconds"] or 0 for x in r if x["is_human_handled"])),
        lambda r: _count(r, lambda x: x["is_human_handled"]),
    ),
    "misroute_rate": (
        lambda r: _count(r, lambda x: x["is_misrouted"]),
        lambda r: _count(r, lambda x: x["was_assigned"]),
    ),
    "solve_without_engineering_rate": (
        lambda r: _count(r, lambda x: x["is_solved_without_engineering"]),
        lambda r: _count(r, lambda x: x["is_technical"] and x["is_resolved"]),
    ),
    "engineering_interruption_rate": (
        lambda r: float(sum(x["engineering_escalation_count"] for x in r)),
        lambda r: _count(r, lambda x: x["is_technical"]),
    ),
    "ai_containment_rate": (
        lambda r: _count(r, lambda x: x["support_path"] == "ai_only"),
        lambda r: _count(r, lambda x: x["is_ai_touched"]),
    ),
    "ai_resolution_rate": (
        lambda r: _count(r, lambda x: x["is_ai_resolved"]),
        lambda r: _count(r, lambda x: x["is_ai_touched"]),
    ),
    "handoff_rate": (
        lambda r: _count(r, lambda x: x["support_path"] == "ai_to_human"),
        lambda r: _count(r, lambda x: x["is_ai_touched"]),
    ),
    "deflection_rate": (lambda r: _count(r, lambda x: x["support_path"] == "ai_only"), lambda r: float(len(r))),
    "missing_identifier_rate": (lambda r: _count(r, lambda x: x["has_missing_identifier"]), lambda r: float(len(r))),
    "workflow_reuse_rate": (
        lambda r: _count(r, lambda x: x["is_resolved"] and x["workflow_applied"]),
        lambda r: _count(r, lambda x: x["is_resolved"]),
    ),
    "csat": (
        lambda r: _count(r, lambda x: (x["csat_score"] or 0) >= 4),
        lambda r: _count(r, lambda x: x["csat_score"] is not None),
    ),
    "ces": (
        lambda r: float(sum(x["ces_score"] for x in r if x["ces_score"] is not None)),
        lambda r: _count(r, lambda x: x["ces_score"] is not None),
    ),
    "nps": (
        lambda r: (
            100.0
            * (
                _count(r, lambda x: x["nps_score"] is not None and x["nps_score"] >= 9)
                - _count(r, lambda x: x["nps_score"] is not None and x["nps_score"] <= 6)
            )
        ),
        lambda r: _count(r, lambda x: x["nps_score"] is not None),
    ),
    "cost_per_resolution": (
        lambda r: sum(x["resolution_cost_usd"] for x in r),
        lambda r: _count(r, lambda x: x["is_resolved"]),
    ),
    "repeat_case_handle_time": (
        lambda r: float(sum(x["handle_seconds"] or 0 for x in r if x["is_repeat_case"] and x["is_human_handled"])),
        lambda r: _count(r, lambda x: x["is_repeat_case"] and x["is_human_handled"]),
    ),
}
TICKET_DURATIONS = {
    "first_response_time": "first_response_minutes",
    "first_useful_reply_time": "first_useful_reply_minutes",
    "first_human_useful_reply_time": "first_human_useful_reply_minutes",
    "time_to_first_evidence": "time_to_first_evidence_minutes",
    "time_to_problem_confirmed": "time_to_problem_confirmed_minutes",
    "resolution_time": "resolution_minutes",
    "time_to_customer_safe_answer": "time_to_customer_safe_answer_minutes",
}
ESCALATION_RATIOS: dict[
    str, tuple[Callable[[list[dict[str, Any]]], float], Callable[[list[dict[str, Any]]], float]]
] = {
    "escalation_rework_rate": (lambda r: _count(r, lambda x: x["is_rework"]), lambda r: float(len(r))),
    "unnecessary_escalation_rate": (
        lambda r: _count(r, lambda x: x["escalation_kind"] == "engineering" and x["is_unnecessary"]),
        lambda r: _count(r, lambda x: x["escalation_kind"] == "engineering"),
    ),
    "handoff_quality_rate": (
        lambda r: _count(r, lambda x: x["escalation_kind"] == "ai_handoff" and not x["is_rework"]),
        lambda r: _count(r, lambda x: x["escalation_kind"] == "ai_handoff"),
    ),
    "evidence_completeness": (lambda r: sum(x["packet_completeness"] for x in r), lambda r: float(len(r))),
}


def metric_cells(
    tickets: dict[str, Ticket], escalations: dict[str, dict[str, Any]], accounts: dict[str, dict[str, str]]
) -> dict[Cell, tuple[float | None, float, float | None]]:
    """(numerator, denominator, value) per cell, for the ticket and escalation metrics."""
    ticket_groups: dict[tuple[str, dt.date, str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for ticket in tickets.values():
        row = {**ticket.values, "is_technical": ticket.is_technical}
        for grain in ("week", "month", "quarter"):
            period = _period_start(ticket.created_at, grain)
            for path in (ticket.values["support_path"], "all"):
                for segment_type, segment_value in _segments(ticket, accounts):
                    ticket_groups[(grain, period, path, segment_type, segment_value)].append(row)
    escalation_groups: dict[tuple[str, dt.date, str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for escalation in escalations.values():
        ticket = tickets[escalation["ticket_id"]]
        for grain in ("week", "month", "quarter"):
            period = _period_start(escalation["escalated_at"], grain)
            for path in (escalation["support_path"], "all"):
                for segment_type, segment_value in _segments(ticket, accounts):
                    escalation_groups[(grain, period, path, segment_type, segment_value)].append(escalation)
    cells: dict[Cell, tuple[float | None, float, float | None]] = {}
    for key, rows in ticket_groups.items():
        for metric, (numerator, denominator) in TICKET_RATIOS.items():
            n, d = numerator(rows), denominator(rows)
            cells[(*key, metric)] = (n, d, n / d if d else None)
        for metric, column in TICKET_DURATIONS.items():
            values = [row[column] for row in rows if row[column] is not None]
            cells[(*key, f"{metric}_median")] = (None, float(len(values)), quantile(values, 0.5))
            cells[(*key, f"{metric}_p90")] = (None, float(len(values)), quantile(values, 0.9))
    for key, rows in escalation_groups.items():
        for metric, (numerator, denominator) in ESCALATION_RATIOS.items():
            n, d = numerator(rows), denominator(rows)
            cells[(*key, metric)] = (n, d, n / d if d else None)
    return cells
