"""A generated operation in Zendesk's shape, as Fivetran lands Zendesk Support.

`write_zendesk_tables` reads a folder of raw contract CSV files (what `supportgen.generate` writes)
and writes the same operation as Fivetran's Zendesk tables: ticket, ticket_comment, user, user_tag,
ticket_field_history, group, organization, organization_tag and ticket_tag. The dbt adapter
(models/adapters/zendesk/) maps them back into the contract; `zendesk_vars()` is the `zendesk` var
that tells it this writer's conventions:

- every message is a comment; the AI writes as a bot user with the agent role, tagged
  `AI_USER_TAG`; acknowledgements carry a fixed macro text (`ACKNOWLEDGEMENT_TEXT`);
- a handoff is the bot's public transfer message (`HANDOFF_TEXT`) at the handoff's moment;
- a context packet (handoff or escalation) is an internal note at its moment, one line per field
  the packet has (`PACKET_LINES`);
- status, group and assignee changes are ticket field history rows (a reopen is `open` after
  `solved`); an escalation is a move into the tier's group (`TIER_GROUPS`);
- issue type, product area and account segment are tags with a prefix (as a Zendesk drop-down
  field writes them); a technical ticket has type `incident`, any other `question`;
- a survey is the field `satisfaction_score` going `offered` (at the solve) then `good` (CSAT 4-5)
  or `bad` (CSAT 1-3) when the customer answered.

Zendesk cannot express the rest, which is left out: context requests, evidence, problem
confirmation, workflows, engineering resolutions, handle time, CES and NPS, ARR and renewal dates.
Ids become Zendesk-style numbers; each ticket, user and organisation keeps the generator's id as
its `external_id`, so tests can map them back. The whole operation is held in memory.
"""

from __future__ import annotations

import csv
import itertools
from collections import defaultdict
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

AI_USER_TAG = "ai_agent"
ACKNOWLEDGEMENT_TEXT = "Thanks for reaching out! We have received your request and will get back to you shortly."
HANDOFF_TEXT = "Let me connect you with a member of our support team."
PACKET_LINES = {
    "summary": "Summary: what the customer needs, in two lines.",
    "identifiers": "Account: the customer's account and the ids involved.",
    "repro": "Steps to reproduce: what to do to see the problem.",
    "evidence": "Logs: the log lines and traces found so far.",
}
ISSUE_TYPE_TAG_PREFIX = "issue_"
PRODUCT_AREA_TAG_PREFIX = "area_"
SEGMENT_TAG_PREFIX = "segment_"
# The group a ticket moves into when escalated to a tier (the generator's queues of those tiers).
TIER_GROUPS = {"l2": "l2_support", "engineering": "engineering"}
# The contract's channels as Zendesk via channels.
VIA_CHANNELS = {"email": "email", "web": "web", "chat": "chat", "phone": "voice", "social": "facebook"}
# The contract's statuses as Zendesk's (a reopened ticket is open again).
STATUSES = {"open": "open", "pending": "pending", "solved": "solved", "closed": "closed", "reopened": "open"}
# A CSAT answer from this score up is a `good` rating, below it `bad`.
GOOD_CSAT_FROM = 4

ZENDESK_TABLES: dict[str, tuple[str, ...]] = {
    "ticket": (
        "id",
        "_fivetran_synced",
        "assignee_id",
        "created_at",
        "external_id",
        "group_id",
        "organization_id",
        "priority",
        "requester_id",
        "status",
        "subject",
        "submitter_id",
        "type",
        "updated_at",
        "via_channel",
    ),
    "ticket_comment": ("id", "_fivetran_synced", "body", "created", "public", "ticket_id", "user_id", "via_channel"),
    "user": (
        "id",
        "_fivetran_synced",
        "active",
        "created_at",
        "default_group_id",
        "external_id",
        "name",
        "organization_id",
        "role",
        "updated_at",
    ),
    "user_tag": ("tag", "user_id", "_fivetran_synced"),
    "ticket_field_history": ("field_name", "ticket_id", "updated", "_fivetran_synced", "user_id", "value"),
    "group": ("id", "_fivetran_deleted", "_fivetran_synced", "created_at", "name", "updated_at"),
    "organization": ("id", "_fivetran_synced", "created_at", "external_id", "name", "updated_at"),
    "organization_tag": ("organization_id", "tag", "_fivetran_synced"),
    "ticket_tag": ("tag", "ticket_id", "_fivetran_synced"),
}
CONTRACT_TABLES = ("tickets", "ticket_events", "survey_responses", "accounts", "agents")

# Zendesk-style numeric ids: one range per kind of object.
_TICKET_ID_START = 1
_STAFF_ID_START = 400_000_000_000
_CUSTOMER_ID_START = 500_000_000_000
_ORGANIZATION_ID_START = 370_000_000_000
_GROUP_ID_START = 360_000_000_000
_COMMENT_ID_START = 1_000_000_000_000

Row = dict[str, str]


def zendesk_vars() -> dict[str, Any]:
    """The `zendesk` dbt var that tells the adapter this writer's conventions."""
    return {
        "ai_user_tags": [AI_USER_TAG],
        "acknowledgement_patterns": ["%we have received your request%"],
        "handoff_patterns": ["%connect you with a member of our support team%"],
        "packet_patterns": {
            field_name: [f"%{line.split(':', 1)[0].lower()}:%"] for field_name, line in PACKET_LINES.items()
        },
        "issue_type_tag_prefix": ISSUE_TYPE_TAG_PREFIX,
        "product_area_tag_prefix": PRODUCT_AREA_TAG_PREFIX,
        "segment_tag_prefix": SEGMENT_TAG_PREFIX,
        "technical_ticket_types": ["incident"],
        "l2_group_names": [TIER_GROUPS["l2"]],
        "engineering_group_names": [TIER_GROUPS["engineering"]],
    }


class ShapeError(ValueError):
    """The contract folder cannot be read; the message names the file and what is wrong."""


def _read_contract(folder: Path, table: str) -> list[Row]:
    path = folder / f"{table}.csv"
    if not path.exists():
        raise ShapeError(f"{path} is missing: write the contract tables as CSV (supportgen --format csv)")
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@dataclass
class _Tables:
    """The open output files, with a row count per table."""

    out_dir: Path
    stack: ExitStack
    writers: dict[str, Any] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)

    def open(self) -> None:
        for table, columns in ZENDESK_TABLES.items():
            handle = self.stack.enter_context((self.out_dir / f"{table}.csv").open("w", newline="", encoding="utf-8"))
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(columns)
            self.writers[table] = writer
            self.counts[table] = 0

    def add(self, table: str, row: Row) -> None:
        self.writers[table].writerow([row.get(column, "") for column in ZENDESK_TABLES[table]])
        self.counts[table] += 1


@dataclass
class _Ids:
    """Zendesk ids for the generator's ids, handed out in order of first use."""

    start: int
    ids: dict[str, str] = field(default_factory=dict)

    def __call__(self, key: str) -> str:
        found = self.ids.get(key)
        if found is None:
            found = str(self.start + len(self.ids) + 1)
            self.ids[key] = found
        return found

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return iter(self.ids.items())


@dataclass
class _TicketState:
    group: str | None = None
    assignee: str | None = None
    status: str | None = None
    solved_at: list[str] = field(default_factory=list)


def _flag(text: str) -> bool:
    return text.strip().lower() == "true"


def _words(value: str) -> str:
    return value.replace("_", " ")


def _message_body(kind: str, issue_type: str) -> str:
    issue = _words(issue_type)
    return {
        "question": f"Hello, I need help with a {issue} problem.",
        "answer": f"Here is how to sort out the {issue} problem: follow the steps below.",
        "resolution": "This is fixed on our side now; write back if anything else comes up.",
        "acknowledgement": ACKNOWLEDGEMENT_TEXT,
        "note": "Internal note.",
    }.get(kind, "Comment.")


def _packet_note(event: Row, heading: str) -> str | None:
    lines = [line for name, line in PACKET_LINES.items() if _flag(event[f"packet_has_{name}"])]
    return "\n".join([heading, *lines]) if lines else None


def write_zendesk_tables(contract_dir: Path, out_dir: Path, *, synced_at: str | None = None) -> dict[str, int]:
    """Write the operation in `contract_dir` (the raw contract's CSV files) as Fivetran's Zendesk
    tables `<table>.csv` in `out_dir`; returns the row count per table."""
    contract_dir, out_dir = Path(contract_dir), Path(out_dir)
    contract = {table: _read_contract(contract_dir, table) for table in CONTRACT_TABLES}
    out_dir.mkdir(parents=True, exist_ok=True)
    tickets = contract["tickets"]
    synced = synced_at or max((ticket["updated_at"] for ticket in tickets), default="2026-01-01 00:00:00")
    first_day = min((ticket["created_at"] for ticket in tickets), default=synced)
    events_by_ticket: dict[str, list[Row]] = defaultdict(list)
    for event in contract["ticket_events"]:
        events_by_ticket[event["ticket_id"]].append(event)
    surveys_by_ticket: dict[str, list[Row]] = defaultdict(list)
    for survey in contract["survey_responses"]:
        surveys_by_ticket[survey["ticket_id"]].append(survey)

    ticket_ids = _Ids(_TICKET_ID_START - 1)
    staff_ids = _Ids(_STAFF_ID_START)
    customer_ids = _Ids(_CUSTOMER_ID_START)
    organization_ids = _Ids(_ORGANIZATION_ID_START)
    comment_ids = itertools.count(_COMMENT_ID_START + 1)
    agents = {agent["agent_id"]: agent for agent in contract["agents"]}
    ai_agents = [agent_id for agent_id, agent in agents.items() if _flag(agent["is_ai"])]
    queues = {event["queue"] for event in contract["ticket_events"] if event["queue"]}
    group_names = sorted(queues | {agent["team"] for agent in agents.values()} | set(TIER_GROUPS.values()))
    group_ids = {name: str(_GROUP_ID_START + number) for number, name in enumerate(group_names, start=1)}
    for agent_id in agents:
        staff_ids(agent_id)
    for account in contract["accounts"]:
        organization_ids(account["account_id"])
    customer_organization: dict[str, str] = {}

    with ExitStack() as stack:
        out = _Tables(out_dir, stack)
        out.open()

        def history(field_name: str, ticket_id: str, at: str, value: str, user_id: str = "") -> None:
            out.add(
                "ticket_field_history",
                {
                    "field_name": field_name,
                    "ticket_id": ticket_id,
                    "updated": at,
                    "_fivetran_synced": synced,
                    "user_id": user_id,
                    "value": value,
                },
            )

        def comment(ticket_id: str, at: str, user_id: str, body: str, public: bool, via: str) -> None:
            out.add(
                "ticket_comment",
                {
                    "id": str(next(comment_ids)),
                    "_fivetran_synced": synced,
                    "body": body,
                    "created": at,
                    "public": "true" if public else "false",
                    "ticket_id": ticket_id,
                    "user_id": user_id,
                    "via_channel": via,
                },
            )

        def staff(actor_id: str | None) -> str:
            if not actor_id:
                return staff_ids(ai_agents[0]) if ai_agents else ""
            return staff_ids(actor_id)

        for ticket in tickets:
            zendesk_id = ticket_ids(ticket["ticket_id"])
            requester = customer_ids(ticket["customer_id"])
            organization = organization_ids(ticket["account_id"]) if ticket["account_id"] else ""
            if organization:
                customer_organization.setdefault(ticket["customer_id"], organization)
            via = VIA_CHANNELS.get(ticket["channel"], ticket["channel"])
            state = _TicketState()
            events = sorted(
                events_by_ticket.get(ticket["ticket_id"], []), key=lambda e: (e["occurred_at"], e["event_id"])
            )
            for event in events:
                at, kind, actor = event["occurred_at"], event["event_type"], event["actor_type"]
                if kind == "message":
                    author = requester if actor == "customer" else staff(event["actor_id"])
                    comment_via = via if actor == "customer" else ("api" if actor == "ai" else "web")
                    body = _message_body(event["message_kind"], ticket["issue_type"])
                    comment(zendesk_id, at, author, body, _flag(event["is_public"]), comment_via)
                elif kind == "status_change" and event["status"] in STATUSES:
                    value = "new" if state.status is None and event["status"] == "open" else STATUSES[event["status"]]
                    user = staff(event["actor_id"]) if actor in ("ai", "agent", "engineer") else ""
                    history("status", zendesk_id, at, value, user)
                    state.status = value
                    if value == "solved":
                        state.solved_at.append(at)
                elif kind == "assignment":
                    if event["queue"] and event["queue"] != state.group:
                        history("group_id", zendesk_id, at, group_ids[event["queue"]])
                        state.group = event["queue"]
                    if event["actor_id"] and actor != "system" and staff(event["actor_id"]) != state.assignee:
                        state.assignee = staff(event["actor_id"])
                        history("assignee_id", zendesk_id, at, state.assignee)
                elif kind == "handoff":
                    bot = staff(event["actor_id"])
                    note = _packet_note(event, "Handoff note")
                    if note:
                        comment(zendesk_id, at, bot, note, False, "api")
                    comment(zendesk_id, at, bot, HANDOFF_TEXT, True, "api")
                elif kind == "escalation" and event["to_tier"] in TIER_GROUPS:
                    group = TIER_GROUPS[event["to_tier"]]
                    if group != state.group:
                        history("group_id", zendesk_id, at, group_ids[group], state.assignee or "")
                        state.group = group
                    note = _packet_note(event, f"Escalation to {event['to_tier']}")
                    if note:
                        comment(zendesk_id, at, state.assignee or "", note, False, "web")
                # context_request, evidence, problem_confirmed, workflow_applied and
                # engineering_resolution have no Zendesk counterpart: left out.
            for survey in surveys_by_ticket.get(ticket["ticket_id"], []):
                answered = survey["responded_at"]
                offered = max((at for at in state.solved_at if at <= answered), default=answered)
                history("satisfaction_score", zendesk_id, offered, "offered")
                if survey["csat_score"]:
                    rating = "good" if int(survey["csat_score"]) >= GOOD_CSAT_FROM else "bad"
                    history("satisfaction_score", zendesk_id, answered, rating)
            out.add(
                "ticket",
                {
                    "id": zendesk_id,
                    "_fivetran_synced": synced,
                    "assignee_id": state.assignee or "",
                    "created_at": ticket["created_at"],
                    "external_id": ticket["ticket_id"],
                    "group_id": group_ids[state.group] if state.group else "",
                    "organization_id": organization,
                    "priority": ticket["priority"],
                    "requester_id": requester,
                    "status": state.status or "new",
                    "subject": f"{_words(ticket['issue_type']).capitalize()} problem",
                    "submitter_id": requester,
                    "type": "incident" if _flag(ticket["is_technical"]) else "question",
                    "updated_at": ticket["updated_at"],
                    "via_channel": via,
                },
            )
            tags = [ISSUE_TYPE_TAG_PREFIX + ticket["issue_type"]]
            if ticket["product_area"]:
                tags.append(PRODUCT_AREA_TAG_PREFIX + ticket["product_area"])
            for tag in tags:
                out.add("ticket_tag", {"tag": tag, "ticket_id": zendesk_id, "_fivetran_synced": synced})

        dated = {"_fivetran_synced": synced, "created_at": first_day, "updated_at": first_day}
        for name, group_id in group_ids.items():
            out.add("group", {"id": group_id, "_fivetran_deleted": "false", "name": name, **dated})
        segments = {account["account_id"]: account["segment"] for account in contract["accounts"]}
        for account_id, organization_id in organization_ids:
            out.add("organization", {"id": organization_id, "external_id": account_id, "name": account_id, **dated})
            if segments.get(account_id):
                out.add(
                    "organization_tag",
                    {
                        "organization_id": organization_id,
                        "tag": SEGMENT_TAG_PREFIX + segments[account_id],
                        "_fivetran_synced": synced,
                    },
                )
        for agent_id, user_id in staff_ids:
            team = agents[agent_id]["team"] if agent_id in agents else ""
            out.add(
                "user",
                {
                    "id": user_id,
                    "active": "true",
                    "default_group_id": group_ids.get(team, ""),
                    "external_id": agent_id,
                    "name": agent_id,
                    "role": "agent",
                    **dated,
                },
            )
            if agent_id in ai_agents:
                out.add("user_tag", {"tag": AI_USER_TAG, "user_id": user_id, "_fivetran_synced": synced})
        for customer_id, user_id in customer_ids:
            out.add(
                "user",
                {
                    "id": user_id,
                    "active": "true",
                    "external_id": customer_id,
                    "name": customer_id,
                    "organization_id": customer_organization.get(customer_id, ""),
                    "role": "end-user",
                    **dated,
                },
            )
        return dict(out.counts)
