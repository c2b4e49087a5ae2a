"""A generated contract folder (the five raw tables) written as Intercom lands in the warehouse
through Fivetran: conversation_history, conversation_part_history, conversation_contact_history,
conversation_tag_history, contact_history, contact_company_history, company_history, admin, team,
team_admin and tag, as `<table>.csv`.

It expresses the same operation as far as Intercom can, with fixed conventions that the Intercom
adapter reads through the settings `intercom_vars()` returns (the dbt var `intercom`):

- a ticket is a conversation (id from `conversation_id_for`); the customer's opening question is
  the conversation's source; the customer is a contact whose `external_id` is the contract's
  customer id; its account is the contact's company (`company_id` = the contract's account id,
  plan by segment, monthly spend = ARR / 12);
- channel: chat and web are Messenger conversations (Intercom has no web form: web becomes chat),
  email email, phone a phone call, social Facebook; priority: high and urgent are `priority`,
  low and normal `not_priority` (Intercom's flag is binary);
- issue type, product area and technical are tags (`issue: <type>`, `area: <area>`, `technical`);
- the AI is the Fin bot (author_type bot) or, for a share of conversations, Fin set up as an admin
  (`ai_admin_share`); the system is the Operator bot (rule-based automation);
- messages are comments (notes when not public), acknowledgements carry a fixed auto-reply text;
- a handoff is an assignment by the AI to the team of the next assignment (to nobody when there is
  none), its packet a note by the AI naming the fields it holds (`Summary:`, `Identifiers:`,
  `Repro:`, `Evidence:`); an assignment to an agent is the agent claiming the conversation; an
  escalation is an assignment by the current agent to the tier's team (`Tier 2`, `Engineering`),
  its packet a note by that agent;
- statuses are state parts: solved or closed a `close`, pending `snoozed`, reopened the customer's
  reply to the closed conversation (or an `open` part when the customer did not write);
- CSAT is the conversation's rating (the latest response's); CES and NPS are lost.

Intercom has no context requests, evidence, problem confirmations, workflows, engineering
resolutions, handle times or renewal dates: those events and values are not written. Every row
is the current version (`_fivetran_active` true); each conversation also has its first version
(open, unrated, not active), as Fivetran's history keeps it.
"""

from __future__ import annotations

import csv
import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FIN_BOT_ID = "7300001"
OPERATOR_BOT_ID = "7300002"
FIN_ADMIN_ID = "7300003"
FALLBACK_ADMIN_ID = "7300004"
L2_TEAM = "Tier 2"
ENGINEERING_TEAM = "Engineering"
TECHNICAL_TAG = "technical"
ISSUE_TAG_PREFIX = "issue:"
AREA_TAG_PREFIX = "area:"
ACKNOWLEDGEMENT_TEXT = "<p>Thanks for reaching out! We have received your message and a teammate will reply soon.</p>"
ACKNOWLEDGEMENT_PATTERN = "%we have received your message%"
ANSWER_TEXT = "<p>Here is what to do: ...</p>"
NOTE_TEXT = "<p>Internal note.</p>"
CUSTOMER_TEXT = "<p>Customer message.</p>"
PACKET_LINES = {
    "summary": "Summary: what the customer needs and what was tried.",
    "identifiers": "Identifiers: the customer's account and user ids.",
    "repro": "Repro: the steps that reproduce the problem.",
    "evidence": "Evidence: the log lines and screenshots found.",
}
PLAN_BY_SEGMENT = {"smb": "Starter", "mid_market": "Growth", "enterprise": "Enterprise"}
SOURCE_TYPE_BY_CHANNEL = {
    "chat": "conversation",
    "web": "conversation",
    "email": "email",
    "phone": "phone_call",
    "social": "facebook",
}
TIER_TEAMS = {"l2": L2_TEAM, "engineering": ENGINEERING_TEAM}


def intercom_vars() -> dict[str, Any]:
    """The settings of the dbt var `intercom` that these conventions need."""
    return {
        "ai_admin_ids": [FIN_ADMIN_ID],
        "automation_bot_ids": [OPERATOR_BOT_ID],
        "acknowledgement_patterns": [ACKNOWLEDGEMENT_PATTERN],
        "engineering_teams": [ENGINEERING_TEAM],
        "l2_teams": [L2_TEAM],
        "technical_tags": [TECHNICAL_TAG],
        "issue_type_tag_prefix": ISSUE_TAG_PREFIX,
        "product_area_tag_prefix": AREA_TAG_PREFIX,
        "plan_segments": {plan: segment for segment, plan in PLAN_BY_SEGMENT.items()},
    }


# Every var a build of the written tables needs besides raw_dir.
DBT_VARS: dict[str, Any] = {"source_system": "intercom", "intercom": intercom_vars()}

# The columns written per table: the Fivetran connector's (as in its dbt package's seeds), less
# personal data (names, emails) and columns the operation has no value for.
COLUMNS: dict[str, tuple[str, ...]] = {
    "conversation_history": (
        "id",
        "updated_at",
        "_fivetran_synced",
        "assignee_id",
        "assignee_type",
        "conversation_rating_created_at",
        "conversation_rating_remark",
        "conversation_rating_value",
        "created_at",
        "priority",
        "read",
        "source_author_id",
        "source_author_type",
        "source_delivered_as",
        "source_id",
        "source_type",
        "state",
        "_fivetran_start",
        "_fivetran_end",
        "_fivetran_active",
    ),
    "conversation_part_history": (
        "id",
        "updated_at",
        "_fivetran_synced",
        "assigned_to_id",
        "assigned_to_type",
        "author_id",
        "author_type",
        "conversation_id",
        "conversation_updated_at",
        "created_at",
        "notified_at",
        "part_type",
        "body",
        "_fivetran_start",
        "_fivetran_end",
        "_fivetran_active",
    ),
    "conversation_contact_history": (
        "contact_id",
        "conversation_id",
        "conversation_updated_at",
        "_fivetran_synced",
        "_fivetran_start",
        "_fivetran_end",
        "_fivetran_active",
    ),
    "conversation_tag_history": (
        "tag_id",
        "conversation_id",
        "conversation_updated_at",
        "_fivetran_synced",
        "_fivetran_start",
        "_fivetran_end",
        "_fivetran_active",
    ),
    "contact_history": (
        "id",
        "updated_at",
        "_fivetran_active",
        "_fivetran_synced",
        "created_at",
        "external_id",
        "role",
        "_fivetran_start",
        "_fivetran_end",
    ),
    "contact_company_history": (
        "company_id",
        "contact_id",
        "contact_updated_at",
        "_fivetran_synced",
        "_fivetran_active",
        "_fivetran_start",
        "_fivetran_end",
    ),
    "company_history": (
        "id",
        "updated_at",
        "_fivetran_synced",
        "company_id",
        "created_at",
        "monthly_spend",
        "plan_name",
        "size",
        "_fivetran_active",
        "_fivetran_start",
        "_fivetran_end",
    ),
    "admin": ("id", "_fivetran_deleted", "_fivetran_synced", "job_title"),
    "team": ("id", "name", "_fivetran_deleted", "_fivetran_synced"),
    "team_admin": ("admin_id", "team_id", "_fivetran_deleted", "_fivetran_synced"),
    "tag": ("id", "_fivetran_deleted", "_fivetran_synced", "name"),
}

Row = dict[str, str]


def _number(text: str, digits: int) -> int:
    digest = hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest()
    low = int(10 ** (digits - 1))
    return int.from_bytes(digest, "big") % (9 * low) + low


def conversation_id_for(ticket_id: str) -> str:
    """The Intercom conversation id (15 digits) of a contract ticket id: stable, so the two routes
    can be compared ticket by ticket."""
    return str(_number(f"conversation:{ticket_id}", 15))


def admin_id_for(agent_id: str) -> str:
    """The Intercom admin id (7 digits) of a contract agent id."""
    return str(_number(f"admin:{agent_id}", 7))


def _hex_id(kind: str, key: str) -> str:
    return hashlib.blake2b(f"{kind}:{key}".encode(), digest_size=12).hexdigest()


def _ticket_share(ticket_id: str) -> float:
    return _number(f"share:{ticket_id}", 9) / 1e9


def _read(path: Path) -> list[Row]:
    with path.open(newline="", encoding="utf-8") as handle:
        return [{key: value or "" for key, value in row.items()} for row in csv.DictReader(handle)]


@dataclass
class _Tables:
    synced: str
    rows: dict[str, list[Row]] = field(default_factory=lambda: {table: [] for table in COLUMNS})
    next_part: int = 9_000_000_000

    def add(self, table: str, **values: str) -> None:
        self.rows[table].append(values)

    def part(
        self, conversation: str, updated_at: str, at: str, part_type: str, author: tuple[str, str], **extra: str
    ) -> None:
        self.next_part += 1
        self.add(
            "conversation_part_history",
            id=str(self.next_part),
            updated_at=at,
            _fivetran_synced=self.synced,
            author_id=author[1],
            author_type=author[0],
            conversation_id=conversation,
            conversation_updated_at=updated_at,
            created_at=at,
            notified_at=at,
            part_type=part_type,
            _fivetran_start=at,
            _fivetran_active="true",
            **extra,
        )


@dataclass
class _Conversation:
    """What the writer knows of one conversation while it walks the ticket's events in order."""

    ticket: Row
    conversation_id: str
    contact: str
    ai_as_admin: bool
    state: str = "open"
    assignee: str | None = None
    last_human: str | None = None
    opening_written: bool = False


def _author(actor_type: str, actor_id: str, conversation: _Conversation) -> tuple[str, str]:
    if actor_type == "customer":
        return ("user", conversation.contact)
    if actor_type == "ai":
        return ("admin", FIN_ADMIN_ID) if conversation.ai_as_admin else ("bot", FIN_BOT_ID)
    if actor_type in ("agent", "engineer"):
        agent = actor_id or conversation.last_human
        return ("admin", admin_id_for(agent) if agent else FALLBACK_ADMIN_ID)
    return ("bot", OPERATOR_BOT_ID)


def _packet_note(event: Row) -> str:
    lines = [text for name, text in PACKET_LINES.items() if event.get(f"packet_has_{name}", "").lower() == "true"]
    return "".join(f"<p>{line}</p>" for line in lines)


def _next_queue(events: Sequence[Row], index: int) -> str | None:
    for later in events[index + 1 :]:
        if later["event_type"] == "assignment" and later["queue"]:
            return later["queue"]
    return None


def _write_events(tables: _Tables, conversation: _Conversation, events: Sequence[Row]) -> None:
    cid = conversation.conversation_id
    updated = conversation.ticket["updated_at"]
    for index, event in enumerate(events):
        at, kind, actor_type, actor_id = (
            event["occurred_at"],
            event["event_type"],
            event["actor_type"],
            event["actor_id"],
        )
        author = _author(actor_type, actor_id, conversation)
        if actor_type in ("agent", "engineer") and actor_id:
            conversation.last_human = actor_id
        if kind == "message":
            if actor_type == "customer":
                if not conversation.opening_written and at == conversation.ticket["created_at"]:
                    conversation.opening_written = True  # the conversation's source message
                    continue
                tables.part(cid, updated, at, "comment", author, body=CUSTOMER_TEXT)
                if conversation.state != "open":
                    conversation.state = "open"  # a customer's reply reopens and wakes a conversation
                continue
            public = event["is_public"].lower() == "true" and event["message_kind"] != "note"
            if not public:
                tables.part(cid, updated, at, "note", author, body=NOTE_TEXT)
            elif event["message_kind"] == "acknowledgement":
                tables.part(cid, updated, at, "comment", author, body=ACKNOWLEDGEMENT_TEXT)
            else:
                tables.part(cid, updated, at, "comment", author, body=ANSWER_TEXT)
        elif kind == "handoff":
            note = _packet_note(event)
            if note:
                tables.part(cid, updated, at, "note", author, body=note)
            queue = _next_queue(events, index)
            target = {"assigned_to_type": "team", "assigned_to_id": team_id_for(queue)} if queue else {}
            tables.part(cid, updated, at, "assignment", author, **(target or {"assigned_to_type": "nobody_admin"}))
        elif kind == "escalation":
            escalator = _author("agent", actor_id or conversation.assignee or "", conversation)
            note = _packet_note(event)
            if note:
                tables.part(cid, updated, at, "note", escalator, body=note)
            team = TIER_TEAMS.get(event["to_tier"], event["to_tier"])
            tables.part(
                cid, updated, at, "assignment", escalator, assigned_to_type="team", assigned_to_id=team_id_for(team)
            )
        elif kind == "assignment":
            if actor_id and actor_type in ("agent", "engineer"):
                admin = admin_id_for(actor_id)
                conversation.assignee = actor_id
                conversation.last_human = actor_id
                tables.part(
                    cid, updated, at, "assignment", ("admin", admin), assigned_to_type="admin", assigned_to_id=admin
                )
            else:  # routed to a queue with no assignee yet: the Operator assigns the team
                tables.part(
                    cid,
                    updated,
                    at,
                    "assignment",
                    ("bot", OPERATOR_BOT_ID),
                    assigned_to_type="team",
                    assigned_to_id=team_id_for(event["queue"]),
                )
        elif kind == "status_change":
            status = event["status"]
            if status in ("solved", "closed"):
                if conversation.state != "closed":
                    tables.part(cid, updated, at, "close", author)
                    conversation.state = "closed"
            elif status == "pending":
                if conversation.state != "snoozed":
                    tables.part(cid, updated, at, "snoozed", author)
                    conversation.state = "snoozed"
            elif status in ("open", "reopened") and conversation.state != "open":
                tables.part(cid, updated, at, "open", author)
                conversation.state = "open"
        # context_request, evidence, problem_confirmed, workflow_applied, engineering_resolution:
        # Intercom has no part for them, they are not written.


def team_id_for(team: str) -> str:
    """The Intercom team id (7 digits) of a team (queue) name."""
    return str(_number(f"team:{team}", 7))


def _agent_teams(agents: Iterable[Row], events: Iterable[Row]) -> dict[str, str]:
    """Each human agent's Intercom team: the tier's team for l2 and engineering, else the queue
    they were most often assigned in (their contract team when never assigned)."""
    assigned: dict[str, Counter[str]] = defaultdict(Counter)
    for event in events:
        if event["event_type"] == "assignment" and event["actor_id"] and event["queue"]:
            assigned[event["actor_id"]][event["queue"]] += 1
    teams = {}
    for agent in agents:
        if agent["is_ai"].lower() == "true":
            continue
        if agent["tier"] in TIER_TEAMS:
            teams[agent["agent_id"]] = TIER_TEAMS[agent["tier"]]
        elif assigned[agent["agent_id"]]:
            teams[agent["agent_id"]] = sorted(
                assigned[agent["agent_id"]].items(), key=lambda item: (-item[1], item[0])
            )[0][0]
        else:
            teams[agent["agent_id"]] = agent["team"]
    return teams


def write_intercom_tables(contract_dir: Path, out_dir: Path, ai_admin_share: float = 0.0) -> dict[str, int]:
    """Write the contract CSVs of `contract_dir` (tickets, ticket_events, survey_responses,
    accounts, agents) as Fivetran-Intercom-shaped `<table>.csv` files in `out_dir`. A share
    `ai_admin_share` of the conversations (chosen by ticket id) has the AI write as the Fin admin
    instead of the Fin bot. Returns the rows written per table. Reads the whole folder into
    memory."""
    if not 0.0 <= ai_admin_share <= 1.0:
        raise ValueError(f"ai_admin_share must be between 0 and 1, got {ai_admin_share}")
    tickets = _read(contract_dir / "tickets.csv")
    events = _read(contract_dir / "ticket_events.csv")
    surveys = _read(contract_dir / "survey_responses.csv")
    accounts = _read(contract_dir / "accounts.csv")
    agents = _read(contract_dir / "agents.csv")
    moments = [row["updated_at"] for row in tickets] + [row["occurred_at"] for row in events]
    tables = _Tables(synced=max(moments, default="2026-01-01 00:00:00"))
    synced = tables.synced

    events_by_ticket: dict[str, list[Row]] = defaultdict(list)
    for event in events:
        events_by_ticket[event["ticket_id"]].append(event)
    latest_survey: dict[str, Row] = {}
    for survey in surveys:
        kept = latest_survey.get(survey["ticket_id"])
        if survey["csat_score"] and (kept is None or survey["responded_at"] >= kept["responded_at"]):
            latest_survey[survey["ticket_id"]] = survey

    # Contacts and their companies.
    customer_account: dict[str, str] = {}
    customer_first_seen: dict[str, str] = {}
    for ticket in sorted(tickets, key=lambda row: row["created_at"]):
        customer_first_seen.setdefault(ticket["customer_id"], ticket["created_at"])
        if ticket["account_id"]:
            customer_account.setdefault(ticket["customer_id"], ticket["account_id"])
    for customer, first_seen in sorted(customer_first_seen.items()):
        contact = _hex_id("contact", customer)
        tables.add(
            "contact_history",
            id=contact,
            updated_at=first_seen,
            _fivetran_active="true",
            _fivetran_synced=synced,
            created_at=first_seen,
            external_id=customer,
            role="user",
            _fivetran_start=first_seen,
        )
        if customer in customer_account:
            tables.add(
                "contact_company_history",
                company_id=_hex_id("company", customer_account[customer]),
                contact_id=contact,
                contact_updated_at=first_seen,
                _fivetran_synced=synced,
                _fivetran_active="true",
                _fivetran_start=first_seen,
            )
    for account in accounts:
        arr = account["arr_usd"]
        tables.add(
            "company_history",
            id=_hex_id("company", account["account_id"]),
            updated_at=synced,
            _fivetran_synced=synced,
            company_id=account["account_id"],
            created_at=synced,
            monthly_spend=f"{float(arr) / 12:.6f}" if arr else "",
            plan_name=PLAN_BY_SEGMENT.get(account["segment"], account["segment"]),
            size="",
            _fivetran_active="true",
            _fivetran_start=synced,
        )

    # Admins, teams and memberships.
    agent_teams = _agent_teams(agents, events)
    team_names = sorted(
        {event["queue"] for event in events if event["queue"]} | set(agent_teams.values()) | set(TIER_TEAMS.values())
    )
    for team in team_names:
        tables.add("team", id=team_id_for(team), name=team, _fivetran_deleted="false", _fivetran_synced=synced)
    for agent, team in sorted(agent_teams.items()):
        admin = admin_id_for(agent)
        tables.add("admin", id=admin, _fivetran_deleted="false", _fivetran_synced=synced, job_title="")
        tables.add(
            "team_admin", admin_id=admin, team_id=team_id_for(team), _fivetran_deleted="false", _fivetran_synced=synced
        )
    for admin, title in ((FIN_ADMIN_ID, "AI agent"), (FALLBACK_ADMIN_ID, "")):
        tables.add("admin", id=admin, _fivetran_deleted="false", _fivetran_synced=synced, job_title=title)

    # Tags.
    tag_names = {TECHNICAL_TAG}
    for ticket in tickets:
        tag_names.add(f"{ISSUE_TAG_PREFIX} {ticket['issue_type']}")
        if ticket["product_area"]:
            tag_names.add(f"{AREA_TAG_PREFIX} {ticket['product_area']}")
    tag_ids = {name: str(4_000_000 + number) for number, name in enumerate(sorted(tag_names), start=1)}
    for name, tag_id in tag_ids.items():
        tables.add("tag", id=tag_id, _fivetran_deleted="false", _fivetran_synced=synced, name=name)

    # Conversations, their parts, contacts, tags and ratings.
    seen_ids: dict[str, str] = {}
    for ticket in tickets:
        ticket_id = ticket["ticket_id"]
        cid = conversation_id_for(ticket_id)
        if seen_ids.setdefault(cid, ticket_id) != ticket_id:
            raise ValueError(f"tickets {seen_ids[cid]} and {ticket_id} map to the same conversation id {cid}")
        contact = _hex_id("contact", ticket["customer_id"])
        conversation = _Conversation(ticket, cid, contact, ai_as_admin=_ticket_share(ticket_id) < ai_admin_share)
        ticket_events = sorted(events_by_ticket.get(ticket_id, []), key=lambda row: row["occurred_at"])
        _write_events(tables, conversation, ticket_events)
        created, updated = ticket["created_at"], ticket["updated_at"]
        rating = latest_survey.get(ticket_id)
        common = {
            "_fivetran_synced": synced,
            "created_at": created,
            "priority": "priority" if ticket["priority"] in ("high", "urgent") else "not_priority",
            "read": "true",
            "source_author_id": contact,
            "source_author_type": "user",
            "source_delivered_as": "customer_initiated",
            "source_id": str(_number(f"source:{ticket_id}", 9)),
            "source_type": SOURCE_TYPE_BY_CHANNEL.get(ticket["channel"], ticket["channel"]),
        }
        tables.add(
            "conversation_history",
            id=cid,
            updated_at=created,
            state="open",
            _fivetran_start=created,
            _fivetran_end=updated,
            _fivetran_active="false",
            **common,
        )
        assignee = admin_id_for(conversation.assignee) if conversation.assignee else ""
        tables.add(
            "conversation_history",
            id=cid,
            updated_at=updated,
            assignee_id=assignee,
            assignee_type="admin" if assignee else "",
            conversation_rating_created_at=rating["responded_at"] if rating else "",
            conversation_rating_value=rating["csat_score"] if rating else "",
            state="closed"
            if conversation.state == "closed"
            else "snoozed"
            if conversation.state == "snoozed"
            else "open",
            _fivetran_start=updated,
            _fivetran_active="true",
            **common,
        )
        tables.add(
            "conversation_contact_history",
            contact_id=contact,
            conversation_id=cid,
            conversation_updated_at=updated,
            _fivetran_synced=synced,
            _fivetran_start=updated,
            _fivetran_active="true",
        )
        names = [f"{ISSUE_TAG_PREFIX} {ticket['issue_type']}"]
        if ticket["product_area"]:
            names.append(f"{AREA_TAG_PREFIX} {ticket['product_area']}")
        if ticket["is_technical"].lower() == "true":
            names.append(TECHNICAL_TAG)
        for name in names:
            tables.add(
                "conversation_tag_history",
                tag_id=tag_ids[name],
                conversation_id=cid,
                conversation_updated_at=updated,
                _fivetran_synced=synced,
                _fivetran_start=updated,
                _fivetran_active="true",
            )

    out_dir.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    for table, columns in COLUMNS.items():
        with (out_dir / f"{table}.csv").open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n", restval="")
            writer.writeheader()
            writer.writerows(tables.rows[table])
        counts[table] = len(tables.rows[table])
    return counts
