"""The casebook: short hand-computed stories (tests/casebook/*.yml) in the raw contract.

A story file holds a handful of tickets, their events, surveys and accounts in a compact form, then
`expect:` rows `[ticket, column, value, why]` on fct_tickets, `escalations:` rows
`[event, column, value, why]` on fct_escalations, `backlog:` rows `[ticket, day, open, why]` (is the
ticket in the backlog at the end of that day: int_tickets_open_daily) and `cells:` rows
`[grain, period_start, support_path, metric_name, field, value, why]` on metrics_by_path
(segment_type `all`). Every value was worked out by hand from the source documents and the decision
log; `why` says which rule gives it.

Short ids in a story (T1, C1, A1, e3) are namespaced with the story's name when the raw rows are
written, so that every story builds in one dbt build and no customer crosses stories.

Compact event fields: `t` ticket, `at` time, `type` event_type, `actor` actor_type, `who` actor_id,
`kind` message_kind (a message is public unless `public: false`), `packet` the present packet
fields (`summary,identifiers,repro,evidence`, `''` for none), `handle` handle_seconds; every other
key is the contract's own column name. `at` is a full timestamp, `HH:MM[:SS]` on the ticket's
creation day, or `dN HH:MM[:SS]`, the Nth day counted from the creation day (d1).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

CASEBOOK_DIR = Path(__file__).resolve().parents[1] / "casebook"
# A pinned build moment: every window of every story is decided against it.
CASEBOOK_AS_OF = "2026-11-01 00:00:00"
PACKET_FIELDS = ("summary", "identifiers", "repro", "evidence")
AGENTS = (
    ("ai_assistant", "ai", "l1", True),
    ("ag1", "billing", "l1", False),
    ("ag2", "billing", "l1", False),
    ("ag3", "technical_support", "l1", False),
    ("l2a", "technical_support", "l2", False),
    ("eng1", "engineering", "engineering", False),
    ("eng2", "engineering", "engineering", False),
)
TICKET_DEFAULTS: dict[str, Any] = {
    "account_id": "A1",
    "channel": "chat",
    "issue_type": "billing",
    "product_area": None,
    "priority": "normal",
    "is_technical": False,
}

Row = dict[str, Any]


@dataclass(frozen=True)
class Expectation:
    story: str
    table: str  # fct_tickets, fct_escalations, int_tickets_open_daily or metrics_by_path
    key: tuple[str, ...]  # ticket_id / escalation_id (namespaced), or the cell's coordinates
    column: str
    value: Any
    why: str

    def label(self) -> str:
        return f"{self.story} {self.table} {'/'.join(self.key)} {self.column}"


@dataclass(frozen=True)
class Story:
    name: str
    about: str
    tables: dict[str, list[Row]]
    expectations: list[Expectation]


def namespaced(story: str, short_id: str | None) -> str | None:
    return None if short_id is None else f"{story}__{short_id}"


def _moment(value: str, created_at: str) -> str:
    value = str(value).strip()
    if len(value) >= 19 and value[4] == "-":
        return value
    day = dt.date.fromisoformat(created_at[:10])
    if value.startswith("d"):
        offset, value = value[1:].split(" ", 1)
        day += dt.timedelta(days=int(offset) - 1)
    if value.count(":") == 1:
        value += ":00"
    return f"{day.isoformat()} {value}"


def _text(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def _ticket(story: str, raw: Row) -> Row:
    row = {**TICKET_DEFAULTS, **raw}
    row["created_at"] = str(row["created_at"])
    row.setdefault("updated_at", row["created_at"])
    row["updated_at"] = str(row["updated_at"])
    for key in ("ticket_id", "customer_id", "account_id"):
        row[key] = namespaced(story, row[key])
    return {key: _text(value) for key, value in row.items()}


def _event(story: str, number: int, raw: Row, created: dict[str, str]) -> Row:
    fields = dict(raw)
    ticket = str(fields.pop("t"))
    row: Row = {
        "event_id": namespaced(story, str(fields.pop("id", f"{ticket}-e{number}"))),
        "ticket_id": namespaced(story, ticket),
        "occurred_at": _moment(fields.pop("at"), created[ticket]),
        "event_type": fields.pop("type"),
        "actor_type": fields.pop("actor"),
        "actor_id": fields.pop("who", None),
        "message_kind": fields.pop("kind", None),
        "handle_seconds": fields.pop("handle", None),
    }
    if row["event_type"] == "message":
        row["is_public"] = fields.pop("public", True)
    if "packet" in fields:
        present = {part.strip() for part in str(fields.pop("packet") or "").split(",") if part.strip()}
        unknown = present - set(PACKET_FIELDS)
        if unknown:
            raise ValueError(f"{story}: unknown packet fields {sorted(unknown)}")
        for part in PACKET_FIELDS:
            row[f"packet_has_{part}"] = part in present
    row.update(fields)
    return {key: _text(value) for key, value in row.items()}


def _survey(story: str, number: int, raw: Row, created: dict[str, str]) -> Row:
    fields = dict(raw)
    ticket = str(fields.pop("t"))
    row: Row = {
        "response_id": namespaced(story, str(fields.pop("id", f"{ticket}-s{number}"))),
        "ticket_id": namespaced(story, ticket),
        "responded_at": _moment(fields.pop("at"), created[ticket]),
        "csat_score": fields.pop("csat", None),
        "ces_score": fields.pop("ces", None),
        "nps_score": fields.pop("nps", None),
    }
    if fields:
        raise ValueError(f"{story}: unknown survey fields {sorted(fields)}")
    return row


def _expectations(story: str, document: Row) -> Iterator[Expectation]:
    for ticket, column, value, why in document.get("expect", []):
        yield Expectation(story, "fct_tickets", (str(namespaced(story, str(ticket))),), column, value, why)
    for event, column, value, why in document.get("escalations", []):
        yield Expectation(story, "fct_escalations", (str(namespaced(story, str(event))),), column, value, why)
    for ticket, day, is_open, why in document.get("backlog", []):
        key: tuple[str, ...] = (str(namespaced(story, str(ticket))), str(day))
        yield Expectation(story, "int_tickets_open_daily", key, "is_open", is_open, why)
    for grain, period_start, path, metric, column, value, why in document.get("cells", []):
        key = (str(grain), str(period_start), str(path), str(metric))
        yield Expectation(story, "metrics_by_path", key, column, value, why)


def load_story(path: Path) -> Story:
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    name = path.stem
    tickets = [_ticket(name, raw) for raw in document["tickets"]]
    # The first version of a ticket (the earliest updated_at) gives its creation day for `at`.
    created: dict[str, str] = {}
    for raw in document["tickets"]:
        created.setdefault(str(raw["ticket_id"]), str(raw["created_at"]))
    events = [_event(name, n, raw, created) for n, raw in enumerate(document.get("events") or [], start=1)]
    surveys = [_survey(name, n, raw, created) for n, raw in enumerate(document.get("surveys") or [], start=1)]
    accounts = [
        {**raw, "account_id": namespaced(name, str(raw["account_id"]))}
        for raw in document.get("accounts") or [{"account_id": "A1", "segment": "smb", "arr_usd": 12000}]
    ]
    return Story(
        name=name,
        about=str(document.get("about", "")),
        tables={"tickets": tickets, "ticket_events": events, "survey_responses": surveys, "accounts": accounts},
        expectations=list(_expectations(name, document)),
    )


def load_casebook(folder: Path = CASEBOOK_DIR) -> list[Story]:
    return [load_story(path) for path in sorted(folder.glob("*.yml"))]


def raw_tables(stories: list[Story]) -> dict[str, list[Row]]:
    """Every story's rows in one set of raw tables, with the shared agents table."""
    tables: dict[str, list[Row]] = {
        "tickets": [],
        "ticket_events": [],
        "survey_responses": [],
        "accounts": [],
        "agents": [
            {"agent_id": agent, "team": team, "tier": tier, "is_ai": _text(is_ai)}
            for agent, team, tier, is_ai in AGENTS
        ],
    }
    for story in stories:
        for table, rows in story.tables.items():
            tables[table].extend(rows)
    return tables


def same(expected: Any, got: Any) -> bool:
    """Hand values against a mart value: numbers to 1e-6, booleans and text exactly, null as null."""
    if expected is None or got is None:
        return expected is None and got is None
    if isinstance(expected, bool) or isinstance(got, bool):
        return isinstance(expected, bool) and isinstance(got, bool) and expected == got
    if isinstance(expected, int | float):
        try:
            return abs(float(expected) - float(got)) <= 1e-6 * max(1.0, abs(float(expected)))
        except (TypeError, ValueError):
            return False
    return str(expected) == str(got)
