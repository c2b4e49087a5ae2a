"""An independent reference implementation of the metric definitions, in plain Python.

Written from the casebook's words (tests/casebook/, docs/DECISIONLOG.md "Casebook decisions") and
the two source documents, rule by rule, each rule naming where it comes from; it shares no code or
SQL with the dbt models and was not written from them. It reads raw CSV files in the contract
(contract-valid input: contract checks are tested apart) and computes fct_tickets,
fct_escalations and the metrics_by_path cells. The casebook test runs it on the stories (it must
give the hand values) and the parity test compares it with the marts on generated data.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPEAT_WINDOW = dt.timedelta(days=7)  # var repeat_contact_window_days
AI_COST_USD = 0.99  # var ai_cost_per_conversation_usd
HUMAN_HOURLY_USD = 45.0  # var human_hourly_cost_usd
HUMANS = ("agent", "engineer")
ANSWERERS = ("ai", "agent", "engineer")
UNNECESSARY = ("user_error", "not_reproducible", "no_action_needed")
RESOLVED = ("solved", "closed")
UNRESOLVED = ("open", "pending", "reopened")
# Same-instant statuses apply in lifecycle order: a reopen follows the resolution it undoes
# (DECISIONLOG: same-instant statuses; casebook s10 T4, T5).
STATUS_ORDER = {"open": 0, "pending": 1, "solved": 2, "closed": 3, "reopened": 4}
# At one instant, a handoff or escalation follows the messages (the answer was passed past).
PASSED_PAST = ("handoff", "escalation")


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
    actor_tier: str = "l1"  # the agents table's tier; an actor missing from it counts as l1

    def public_by(self, actors: Iterable[str]) -> bool:
        return self.event_type == "message" and bool(self.is_public) and self.actor_type in actors

    def answers(self, actors: Iterable[str]) -> bool:
        """A public answer or resolution (raw contract: what a useful reply is made of)."""
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
    arrived_without_account: bool = False
    events: list[Event] = field(default_factory=list)
    values: dict[str, Any] = field(default_factory=dict)


def _read(folder: Path, table: str) -> list[dict[str, str]]:
    with (folder / f"{table}.csv").open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _tickets(rows: list[dict[str, str]]) -> dict[str, Ticket]:
    """The newest version of each ticket (latest updated_at); `arrived_without_account` reads the
    first version (DECISIONLOG: missing identifier is "arrived without"; casebook s08)."""
    versions: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        versions[row["ticket_id"]].append(row)
    tickets: dict[str, Ticket] = {}
    for ticket_id, found in versions.items():
        ordered = sorted(found, key=lambda row: _time(row["updated_at"]) or dt.datetime.min)
        first, row = ordered[0], ordered[-1]
        created = _time(row["created_at"])
        assert created is not None
        tickets[ticket_id] = Ticket(
            ticket_id,
            row["customer_id"],
            row["account_id"] or None,
            created,
            row["channel"].strip().lower(),
            row["issue_type"].strip().lower(),
            row["priority"].strip().lower(),
            bool(_bool(row["is_technical"].strip())),
            arrived_without_account=not first["account_id"],
        )
    return tickets


def _event(row: dict[str, str]) -> Event:
    at = _time(row["occurred_at"])
    assert at is not None
    packet = None
    if row["event_type"] in PASSED_PAST:
        names = ("packet_has_summary", "packet_has_identifiers", "packet_has_repro", "packet_has_evidence")
        flags = [bool(_bool(row[name])) for name in names]
        packet = (flags[0], flags[1], flags[2], flags[3])
    return Event(
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


def _order(event: Event) -> tuple[dt.datetime, int, int, str]:
    """The one ordering of a ticket's events: time, then at one instant messages and the rest
    before a handoff or escalation, statuses in lifecycle order."""
    return (
        event.at,
        1 if event.event_type in PASSED_PAST else 0,
        STATUS_ORDER.get(event.status or "", 0),
        event.event_id,
    )


def _surveys(tickets: dict[str, Ticket], rows: list[dict[str, str]]) -> None:
    """Each measure takes the latest response that answers it (DECISIONLOG: surveys; casebook s04)."""
    for ticket in tickets.values():
        ticket.values.update(csat_score=None, ces_score=None, nps_score=None)
    latest: dict[tuple[str, str], tuple[dt.datetime, str]] = {}
    for row in rows:
        at = _time(row["responded_at"])
        assert at is not None
        for measure in ("csat_score", "ces_score", "nps_score"):
            if not row[measure]:
                continue
            key = (row["ticket_id"], measure)
            if key not in latest or (at, row["response_id"]) > latest[key]:
                latest[key] = (at, row["response_id"])
                tickets[row["ticket_id"]].values[measure] = int(row[measure])


def load(folder: Path) -> tuple[dict[str, Ticket], dict[str, dict[str, str]]]:
    """Tickets with their ordered events and survey answers, and accounts by id."""
    tickets = _tickets(_read(folder, "tickets"))
    tiers = {row["agent_id"]: row["tier"].strip().lower() for row in _read(folder, "agents")}
    for row in _read(folder, "ticket_events"):
        event = _event(row)
        event.actor_tier = "engineering" if event.actor_type == "engineer" else tiers.get(event.actor_id or "", "l1")
        tickets[row["ticket_id"]].events.append(event)
    for ticket in tickets.values():
        ticket.events.sort(key=_order)
    _surveys(tickets, _read(folder, "survey_responses"))
    accounts = {row["account_id"]: row for row in _read(folder, "accounts")}
    return tickets, accounts


def _first(events: Iterable[Event], test: Callable[[Event], bool]) -> dt.datetime | None:
    return min((event.at for event in events if test(event)), default=None)


# --- Who worked: the support path (DECISIONLOG: support path follows the work; casebook s02) -----


def _ai_worked(event: Event) -> bool:
    """AI work: a public AI message other than an acknowledgement, or the AI's handoff (an internal
    AI note assists a human; the customer met no AI: casebook s15 T3)."""
    if event.actor_type != "ai":
        return False
    return event.event_type == "handoff" or (event.public_by(("ai",)) and event.message_kind != "acknowledgement")


def _human_worked(event: Event) -> bool:
    """Human work: any agent or engineer event but a routing assignment, or logged handle time."""
    if event.actor_type not in HUMANS:
        return False
    return event.event_type != "assignment" or bool(event.handle_seconds)


def _support_path(events: list[Event]) -> str:
    ai = any(_ai_worked(e) for e in events)
    human = any(_human_worked(e) for e in events)
    handed_off = any(e.event_type == "handoff" for e in events)
    if ai and (human or handed_off):
        return "ai_to_human"
    return "ai_only" if ai else "human_only"


# --- Replies (DECISIONLOG: useful reply, first human useful reply; casebook s01, s05, s14) -------


def _useful(events: list[Event], position: int, actors: Iterable[str]) -> bool:
    """An answer or resolution; an AI one only when the ticket was not handed off or escalated past
    it afterwards (the list is in the one event order, so a handoff at the same instant comes
    after). A human answer stays useful before an escalation: the contextual human answer."""
    event = events[position]
    if not event.answers(actors):
        return False
    return event.actor_type != "ai" or not any(e.event_type in PASSED_PAST for e in events[position + 1 :])


def _first_useful(
    events: list[Event],
    actors: Iterable[str],
    since: dt.datetime | None = None,
    tiers: Iterable[str] | None = None,
) -> dt.datetime | None:
    """The first useful reply by `actors` at or after `since`, by an actor of one of `tiers`."""
    for position, event in enumerate(events):
        if since is not None and event.at < since:
            continue
        if tiers is not None and event.actor_tier not in tiers:
            continue
        if _useful(events, position, actors):
            return event.at
    return None


# Who receives a transfer (DECISIONLOG: rework; casebook s05): any human for a handoff; the
# escalation's tier or above for an escalation, so the sender's own update to the customer does
# not bound the rework window (the sender is below the tier it escalated to).
RECEIVING_TIERS = {
    "ai_handoff": ("l1", "l2", "engineering"),
    "tier_escalation": ("l2", "engineering"),
    "engineering": ("engineering",),
}


# --- Statuses (DECISIONLOG: reopen, resolution, same-instant statuses; casebook s10) -----------


@dataclass(frozen=True)
class Statuses:
    resolutions: list[dt.datetime]  # each entry into solved/closed from not resolved
    reopen_count: int  # each move from solved/closed back to open, pending or reopened
    resolved_at: dt.datetime | None  # the resolution in force now; None while unresolved


def _statuses(events: list[Event]) -> Statuses:
    resolved = False
    resolutions: list[dt.datetime] = []
    reopens = 0
    for event in events:
        if event.event_type != "status_change":
            continue
        if event.status in RESOLVED and not resolved:
            resolutions.append(event.at)
            resolved = True
        elif event.status in UNRESOLVED and resolved:
            reopens += 1
            resolved = False
    return Statuses(resolutions, reopens, resolutions[-1] if resolved else None)


def is_open_at(ticket: Ticket, moment: dt.datetime) -> bool:
    """In the backlog at `moment`: created by then and not resolved by the statuses before it, in
    the one event order (casebook s10: a tie of solved and reopened leaves the ticket open)."""
    if ticket.created_at > moment:
        return False
    return _statuses([e for e in ticket.events if e.at < moment]).resolved_at is None


# --- Routing (DECISIONLOG: misroute; casebook s06) ----------------------------------------------


def _misrouted(events: list[Event]) -> bool:
    """Before the first escalation, a second distinct queue (the AI front line is no queue) or a
    second distinct human owner."""
    first_escalation = _first(events, lambda e: e.event_type == "escalation")
    before = [
        e for e in events if e.event_type == "assignment" and (first_escalation is None or e.at < first_escalation)
    ]
    queues = {e.queue for e in before if e.actor_type != "ai"}
    owners = {e.actor_id for e in before if e.actor_type in HUMANS}
    return len(queues) > 1 or len(owners) > 1


def ticket_facts(tickets: dict[str, Ticket]) -> None:
    """Fill each ticket's values, rule by rule (fct_tickets' columns)."""
    for ticket in tickets.values():
        _ticket_rules(ticket)
    _repeat_contacts(tickets)
    for ticket in tickets.values():
        _after_repeat_contacts(ticket)
    for ticket in tickets.values():
        v = ticket.values
        safe = _safe_answer_at(tickets, ticket.ticket_id)
        v["time_to_customer_safe_answer_minutes"] = _minutes(ticket.created_at, safe)
        # Halo, cost by workflow: a return's own cost is charged to the ticket it returned to.
        v["resolution_cost_usd"] = (0.0 if v["charged_to"] else v["ticket_cost_usd"]) + sum(
            tickets[other].values["ticket_cost_usd"] for other in v["returns"]
        )


def _safe_answer_at(tickets: dict[str, Ticket], ticket_id: str) -> dt.datetime | None:
    """When an answer held (DECISIONLOG: time to customer-safe answer; casebook s10, s11, s12): the
    ticket's final resolution, or later the answers that held on the returns charged to it; None
    while the ticket or any return is unresolved. Failed answers count as waiting time."""
    v = tickets[ticket_id].values
    if v["resolved_at"] is None:
        return None
    held: dt.datetime = v["resolved_at"]
    for other in v["returns"]:
        answer = _safe_answer_at(tickets, other)
        if answer is None:
            return None
        held = max(held, answer)
    return held


def _ticket_rules(ticket: Ticket) -> None:
    events = ticket.events
    v = ticket.values
    path = _support_path(events)
    statuses = _statuses(events)
    handoffs = [e.at for e in events if e.event_type == "handoff"]
    escalations = [e for e in events if e.event_type == "escalation"]
    engineering = sum(1 for e in escalations if e.to_tier == "engineering")
    human_events = [e for e in events if e.actor_type in HUMANS]
    logged = [e.handle_seconds for e in human_events if e.handle_seconds is not None]
    handle_seconds = sum(logged) if logged else None
    # Lumen: solve without engineering = no engineering help, escalated or not (casebook s07 T1).
    engineer_worked = any(e.actor_type == "engineer" and e.event_type != "assignment" for e in events)
    first_useful = _first_useful(events, ANSWERERS)
    first_human_useful = _first_useful(events, HUMANS, since=handoffs[0]) if handoffs else None
    customer_after = first_useful is not None and any(
        e.event_type == "message" and e.actor_type == "customer" and e.at > first_useful for e in events
    )
    human_assignment = _first(events, lambda e: e.event_type == "assignment" and e.actor_type in HUMANS)
    first_evidence = _first(events, lambda e: e.event_type == "evidence")
    evidence_minutes = None
    if human_assignment is not None and first_evidence is not None:
        evidence_minutes = max(0.0, _minutes(human_assignment, first_evidence) or 0.0)
    is_resolved = statuses.resolved_at is not None
    is_ai_touched = path != "human_only"
    v.update(
        support_path=path,
        is_ai_touched=is_ai_touched,
        resolutions=statuses.resolutions,
        resolved_at=statuses.resolved_at,
        is_resolved=is_resolved,
        was_ever_resolved=bool(statuses.resolutions),
        reopen_count=statuses.reopen_count,
        is_reopened=statuses.reopen_count > 0,
        # Halo: resolved at first contact; without handoff or escalation; repeat contact below.
        first_contact_candidate=is_resolved
        and statuses.reopen_count == 0
        and not handoffs
        and not escalations
        and first_useful is not None
        and not customer_after,
        was_assigned=any(e.event_type == "assignment" for e in events),
        is_misrouted=_misrouted(events),
        engineering_escalation_count=engineering,
        was_escalated_to_engineering=engineering > 0,
        is_solved_without_engineering=ticket.is_technical and is_resolved and engineering == 0 and not engineer_worked,
        has_missing_identifier=ticket.arrived_without_account,
        handoff_count=len(handoffs),
        escalation_count=len(escalations),
        first_response_minutes=_minutes(ticket.created_at, _first(events, lambda e: e.public_by(ANSWERERS))),
        first_useful_reply_minutes=_minutes(ticket.created_at, first_useful),
        first_human_useful_reply_minutes=_minutes(handoffs[0] if handoffs else None, first_human_useful),
        time_to_first_evidence_minutes=evidence_minutes,
        time_to_problem_confirmed_minutes=_minutes(
            ticket.created_at, _first(events, lambda e: e.event_type == "problem_confirmed")
        ),
        resolution_minutes=_minutes(ticket.created_at, statuses.resolved_at),
        is_human_handled=any(_human_worked(e) for e in events),
        handle_seconds=handle_seconds,
        workflow_applied=any(e.event_type == "workflow_applied" for e in events),
        # Catalog: AI cost per AI conversation plus human hours.
        ticket_cost_usd=(AI_COST_USD if is_ai_touched else 0.0) + (handle_seconds or 0) * HUMAN_HOURLY_USD / 3600.0,
    )


def _after_repeat_contacts(ticket: Ticket) -> None:
    v = ticket.values
    v["is_first_contact_resolution"] = v.pop("first_contact_candidate") and not v["has_repeat_contact"]
    v["is_ai_resolved"] = (
        v["support_path"] == "ai_only" and v["is_resolved"] and not v["is_reopened"] and not v["has_repeat_contact"]
    )


def _repeat_contacts(tickets: dict[str, Ticket]) -> None:
    """DECISIONLOG: repeat contact (casebook s11). A later ticket of the same customer and issue
    type is a return to the earlier ticket whose latest resolution at or before its creation lies
    within the window; one return is charged once."""
    groups: dict[tuple[str, str], list[Ticket]] = defaultdict(list)
    for ticket in tickets.values():
        ticket.values.update(has_repeat_contact=False, is_repeat_case=False, returns=[], charged_to=None)
        groups[(ticket.customer_id, ticket.issue_type)].append(ticket)
    for members in groups.values():
        for later in members:
            best: tuple[dt.datetime, dt.datetime, str] | None = None
            for earlier in members:
                if earlier.created_at >= later.created_at:
                    continue
                anchor = _anchor(earlier, later.created_at)
                if anchor is None or later.created_at - anchor > REPEAT_WINDOW:
                    continue
                candidate = (anchor, earlier.created_at, earlier.ticket_id)
                if best is None or candidate > best:
                    best = candidate
            if best is not None:
                earlier = tickets[best[2]]
                earlier.values["has_repeat_contact"] = True
                earlier.values["returns"].append(later.ticket_id)
                later.values["is_repeat_case"] = True
                later.values["charged_to"] = earlier.ticket_id


def _anchor(earlier: Ticket, moment: dt.datetime) -> dt.datetime | None:
    """The resolution of the earlier ticket in force at `moment` (resolved then, in the one event
    order); None when it was open then: a ticket opened meanwhile is parallel (casebook s11 X/Y,
    A8/B8), and a never-resolved ticket has no returns (N/M)."""
    if is_open_at(earlier, moment):
        return None
    resolutions: list[dt.datetime] = earlier.values["resolutions"]
    return max((at for at in resolutions if at <= moment), default=None)


def escalation_facts(tickets: dict[str, Ticket]) -> dict[str, dict[str, Any]]:
    """One dict per handoff or escalation, keyed by its event id (fct_escalations)."""
    out: dict[str, dict[str, Any]] = {}
    for ticket in tickets.values():
        passed = [e for e in ticket.events if e.event_type in PASSED_PAST]
        for position, event in enumerate(passed):
            ends = passed[position + 1].at if position + 1 < len(passed) else None
            out[event.event_id] = _escalation(ticket, event, ends)
    return out


def _escalation(ticket: Ticket, event: Event, ends: dt.datetime | None) -> dict[str, Any]:
    kind = (
        "ai_handoff"
        if event.event_type == "handoff"
        else "engineering"
        if event.to_tier == "engineering"
        else "tier_escalation"
    )
    in_window = [e for e in ticket.events if e.at >= event.at and (ends is None or e.at < ends)]
    reply = _first_useful(ticket.events, HUMANS, since=event.at)
    received = _first_useful(ticket.events, HUMANS, since=event.at, tiers=RECEIVING_TIERS[kind])
    context = _first(in_window, lambda e: e.event_type == "context_request")
    resolved = _first(in_window, lambda e: e.event_type == "engineering_resolution")
    codes = [e.resolution_code for e in in_window if e.event_type == "engineering_resolution" and e.at == resolved]
    code = min(c for c in codes if c) if codes else None
    summary, identifiers, repro, evidence = event.packet or (False, False, False, False)
    # Lumen: summary and identifiers always; repro and evidence too for engineering.
    required = 4 if kind == "engineering" else 2
    present = int(summary) + int(identifiers) + (int(repro) + int(evidence) if kind == "engineering" else 0)
    return {
        "ticket_id": ticket.ticket_id,
        "escalation_kind": kind,
        "escalated_at": event.at,
        "support_path": ticket.values["support_path"],
        "packet_fields_present": present,
        "packet_fields_required": required,
        "packet_completeness": present / required,
        "is_rework": present < required or (context is not None and (received is None or context < received)),
        "first_receiver_useful_reply_at": received,
        "first_human_useful_reply_minutes": _minutes(event.at, reply),
        "resolution_code": code,
        "is_unnecessary": kind == "engineering" and code in UNNECESSARY,
    }


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
    # Only a ticket that was resolved can be returned to (casebook s11).
    "repeat_contact_rate": (
        lambda r: _count(r, lambda x: x["has_repeat_contact"]),
        lambda r: _count(r, lambda x: x["was_ever_resolved"]),
    ),
    # Halo (after Sprinklr): resolved at first contact over tickets received (casebook s09).
    "first_contact_resolution_rate": (
        lambda r: _count(r, lambda x: x["is_first_contact_resolution"]),
        lambda r: float(len(r)),
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
    # Halo: cost by workflow; a return's cost is charged to the path that failed (casebook s12).
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
