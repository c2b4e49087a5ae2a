"""Small hand-made raw tables: a valid operation, and one bad row for every contract rule.

Each bad row is tagged with the key that finds it in its quarantine model and the reason the
contract checks must give. The valid rows are complete without the bad ones, so the marts built
with and without them must be identical.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Row = dict[str, Any]


def _event(event_id: str, ticket_id: str, at: str, event_type: str, actor_type: str, **attributes: Any) -> Row:
    return {
        "event_id": event_id,
        "ticket_id": ticket_id,
        "occurred_at": at,
        "event_type": event_type,
        "actor_type": actor_type,
        **attributes,
    }


def _ticket(ticket_id: str, customer: str, created_at: str, **overrides: Any) -> Row:
    row: Row = {
        "ticket_id": ticket_id,
        "customer_id": customer,
        "account_id": "A1",
        "created_at": created_at,
        "channel": "chat",
        "issue_type": "billing",
        "product_area": "invoices",
        "priority": "normal",
        "is_technical": "false",
        "updated_at": created_at,
    }
    row.update(overrides)
    return row


PACKET_OK = {
    "packet_has_summary": "true",
    "packet_has_identifiers": "true",
    "packet_has_repro": "false",
    "packet_has_evidence": "false",
}


def valid_tables() -> dict[str, list[Row]]:
    """Three tickets, one per support path, with surveys, accounts and agents."""
    tickets = [
        _ticket("T1", "C1", "2026-03-02 09:00:00"),
        # An offset in the raw timestamp: 11:00 at +02:00 is 09:00 UTC.
        _ticket(
            "T2",
            "C2",
            "2026-03-02T11:00:00+02:00",
            channel="Email ",
            issue_type="Bug_Report",
            is_technical="TRUE",
            account_id=None,
            updated_at="2026-03-03 10:00:00",
        ),
        _ticket("T3", "C3", "2026-03-03 10:00:00", channel="phone", priority="high"),
    ]
    events = [
        # T1: ai_only, solved by the AI.
        _event("T1-1", "T1", "2026-03-02 09:00:00", "message", "customer", is_public="true", message_kind="question"),
        _event("T1-2", "T1", "2026-03-02 09:00:00", "status_change", "system", status="open"),
        _event(
            "T1-3",
            "T1",
            "2026-03-02 09:00:30",
            "message",
            "ai",
            actor_id="ai_assistant",
            is_public="true",
            message_kind="answer",
        ),
        _event("T1-4", "T1", "2026-03-02 09:05:00", "status_change", "ai", actor_id="ai_assistant", status="solved"),
        # T2: ai_to_human with a complete handoff.
        _event("T2-1", "T2", "2026-03-02 09:00:00", "message", "customer", is_public="true", message_kind="question"),
        _event(
            "T2-2",
            "T2",
            "2026-03-02 09:01:00",
            "message",
            "ai",
            actor_id="ai_assistant",
            is_public="true",
            message_kind="acknowledgement",
        ),
        _event("T2-3", "T2", "2026-03-02 09:02:00", "handoff", "ai", actor_id="ai_assistant", **PACKET_OK),
        _event("T2-4", "T2", "2026-03-02 09:10:00", "assignment", "agent", actor_id="ag1", queue="technical_support"),
        _event(
            "T2-5",
            "T2",
            "2026-03-02 09:40:00",
            "message",
            "agent",
            actor_id="ag1",
            is_public="true",
            message_kind="resolution",
            handle_seconds="900",
        ),
        _event("T2-6", "T2", "2026-03-02 09:41:00", "status_change", "agent", actor_id="ag1", status="solved"),
        # T3: human_only.
        _event("T3-1", "T3", "2026-03-03 10:00:00", "message", "customer", is_public="true", message_kind="question"),
        _event("T3-2", "T3", "2026-03-03 10:00:00", "assignment", "agent", actor_id="ag1", queue="billing"),
        _event(
            "T3-3",
            "T3",
            "2026-03-03 10:30:00",
            "message",
            "agent",
            actor_id="ag1",
            is_public="true",
            message_kind="answer",
            handle_seconds="600",
        ),
    ]
    surveys = [
        {
            "response_id": "S1",
            "ticket_id": "T1",
            "responded_at": "2026-03-03 09:00:00",
            "csat_score": "5",
            "ces_score": "2",
            "nps_score": "9",
        }
    ]
    accounts = [{"account_id": "A1", "segment": "SMB", "arr_usd": "12000.50", "renewal_date": "2026-06-01"}]
    agents = [
        {"agent_id": "ai_assistant", "team": "automation", "tier": "l1", "is_ai": "true"},
        {"agent_id": "ag1", "team": "billing", "tier": "l1", "is_ai": "false"},
    ]
    return {
        "tickets": tickets,
        "ticket_events": events,
        "survey_responses": surveys,
        "accounts": accounts,
        "agents": agents,
    }


@dataclass(frozen=True)
class BadRow:
    """A raw row that breaks one contract rule, how to find it in quarantine, and the reason."""

    table: str
    row: Row
    key_column: str
    key_value: str
    reason: str
    note: str = field(default="")


def _bad_ticket(key: str, reason: str, **overrides: Any) -> BadRow:
    row = _ticket(key, "C9", "2026-03-04 09:00:00")
    row.update(overrides)
    return BadRow("tickets", row, "ticket_id", key, reason)


def _bad_event(key: str, reason: str, ticket_id: str = "T3", **attributes: Any) -> BadRow:
    row = {
        "event_id": key,
        "ticket_id": ticket_id,
        "occurred_at": "2026-03-03 11:00:00",
        "event_type": "evidence",
        "actor_type": "agent",
        "actor_id": "ag1",
        **attributes,
    }
    return BadRow("ticket_events", row, "event_id", key, reason)


def _bad_survey(key: str, reason: str, **overrides: Any) -> BadRow:
    row = {
        "response_id": key,
        "ticket_id": "T2",
        "responded_at": "2026-03-04 09:00:00",
        "csat_score": "4",
        "ces_score": "",
        "nps_score": "",
        **overrides,
    }
    return BadRow("survey_responses", row, "response_id", key, reason)


def bad_rows() -> list[BadRow]:
    """One row per contract rule, each keyed so its quarantine row can be found."""
    rows = [
        # tickets (a null key is found by its customer instead)
        BadRow(
            "tickets",
            _ticket(None, "C_NULL_KEY", "2026-03-04 09:00:00"),
            "raw_values",
            "customer_id=C_NULL_KEY",
            "missing_ticket_id",
        ),
        BadRow(
            "tickets",
            # Without an account, as the valid version: an older version still says what the
            # ticket arrived with (missing identifier, casebook s08), so it must agree here.
            _ticket("T2", "C2", "2026-03-02 09:00:00", updated_at="2026-03-02 12:00:00", account_id=None),
            "raw_values",
            "updated_at=2026-03-02 12:00:00",
            "duplicate_ticket_id",
            "an older version of a valid ticket",
        ),
        _bad_ticket("BT_CUSTOMER", "missing_customer_id", customer_id=" "),
        _bad_ticket("BT_LONG", "value_too_long", issue_type="x" * 5000),
        _bad_ticket("BT_CREATED_NULL", "missing_created_at", created_at=None),
        _bad_ticket("BT_CREATED_BAD", "unparseable_created_at", created_at="2026-13-45 25:00:00"),
        _bad_ticket(
            "BT_FUTURE", "created_at_in_future", created_at="2027-01-01 00:00:00", updated_at="2027-01-01 00:00:00"
        ),
        _bad_ticket("BT_CHANNEL", "unknown_channel", channel="fax"),
        _bad_ticket("BT_ISSUE", "missing_issue_type", issue_type=""),
        _bad_ticket("BT_PRIORITY", "unknown_priority", priority="critical"),
        _bad_ticket("BT_TECHNICAL", "invalid_is_technical", is_technical="maybe"),
        _bad_ticket("BT_UPDATED_NULL", "missing_updated_at", updated_at=None),
        _bad_ticket("BT_UPDATED_BAD", "unparseable_updated_at", updated_at="yesterday"),
        _bad_ticket("BT_UPDATED_EARLY", "updated_before_created", updated_at="2026-03-01 00:00:00"),
        # Timestamps: ISO 8601 only; what an engine's cast would bend is unparseable (issue 14).
        _bad_ticket("BT_CREATED_PM", "unparseable_created_at", created_at="2026-03-04 10:00:00 PM"),
        _bad_ticket("BT_CREATED_ZONE_ABBR", "unparseable_created_at", created_at="2026-03-04 11:00 CET"),
        _bad_ticket("BT_CREATED_ZONE_NAME", "unparseable_created_at", created_at="2026-03-04 11:00 Europe/Paris"),
        _bad_ticket("BT_CREATED_DATE_ONLY", "unparseable_created_at", created_at="2026-03-04"),
        _bad_ticket(
            "BT_CREATED_EPOCH",
            "created_at_before_earliest",
            created_at="1970-01-01 00:00:00",
            updated_at="1970-01-01 00:00:00",
        ),
        _bad_ticket("BT_NUL", "control_character", issue_type="billing\x00"),
        _bad_ticket("BT_ESCAPE", "control_character", product_area="invoices\x1b[31m"),
        # ticket_events
        BadRow(
            "ticket_events",
            {
                "event_id": None,
                "ticket_id": "T3",
                "occurred_at": "2026-03-03 11:00:00",
                "event_type": "evidence",
                "actor_type": "agent",
                "actor_id": "ag_null_key",
            },
            "raw_values",
            "actor_id=ag_null_key",
            "missing_event_id",
        ),
        BadRow(
            "ticket_events",
            {
                "event_id": "T3-3",
                "ticket_id": "T3",
                "occurred_at": "2026-03-03 12:00:00",
                "event_type": "message",
                "actor_type": "agent",
                "actor_id": "ag1",
                "is_public": "true",
                "message_kind": "answer",
            },
            "raw_values",
            "occurred_at=2026-03-03 12:00:00",
            "duplicate_event_id",
            "a later copy of T3-3",
        ),
        _bad_event("BE_TICKET_NULL", "missing_ticket_id", ticket_id=None),
        _bad_event("BE_OCCURRED_NULL", "missing_occurred_at", occurred_at=None),
        _bad_event("BE_OCCURRED_BAD", "unparseable_occurred_at", occurred_at="03/03/2026 noon"),
        _bad_event("BE_FUTURE", "occurred_at_in_future", occurred_at="2030-01-01 00:00:00"),
        _bad_event("BE_TYPE", "unknown_event_type", event_type="telepathy"),
        _bad_event("BE_ACTOR", "unknown_actor_type", actor_type="robot"),
        _bad_event(
            "BE_PUBLIC", "invalid_is_public", event_type="message", is_public="sometimes", message_kind="answer"
        ),
        _bad_event("BE_KIND", "unknown_message_kind", event_type="message", is_public="true", message_kind="poem"),
        _bad_event("BE_TIER", "unknown_to_tier", event_type="escalation", to_tier="l9", **PACKET_OK),
        _bad_event(
            "BE_PACKET",
            "invalid_packet_flags",
            event_type="handoff",
            actor_type="ai",
            packet_has_summary="true",
            packet_has_identifiers=None,
            packet_has_repro="false",
            packet_has_evidence="false",
        ),
        _bad_event("BE_QUEUE", "missing_queue", event_type="assignment"),
        _bad_event("BE_STATUS", "unknown_status", event_type="status_change", status="archived"),
        _bad_event("BE_WORKFLOW", "missing_workflow_id", event_type="workflow_applied"),
        _bad_event("BE_CODE", "unknown_resolution_code", event_type="engineering_resolution", resolution_code="magic"),
        _bad_event("BE_HANDLE", "invalid_handle_seconds", handle_seconds="12.5"),
        _bad_event("BE_HANDLE_NEG", "invalid_handle_seconds", handle_seconds="-5"),
        # Bounds: a 20-digit value must not overflow the cast, a 1e12 one must not reach AHT.
        _bad_event("BE_HANDLE_20_DIGITS", "invalid_handle_seconds", handle_seconds="99999999999999999999"),
        _bad_event("BE_HANDLE_HUGE", "invalid_handle_seconds", handle_seconds="1000000000000"),
        _bad_event("BE_OCCURRED_PM", "unparseable_occurred_at", occurred_at="2026-03-03 10:00:00 PM"),
        _bad_event("BE_OCCURRED_ZONE", "unparseable_occurred_at", occurred_at="2026-03-03 11:00 CET"),
        _bad_event("BE_OCCURRED_DATE", "unparseable_occurred_at", occurred_at="2026-03-03"),
        _bad_event("BE_OCCURRED_EPOCH", "occurred_at_before_earliest", occurred_at="1970-01-01 00:00:00"),
        _bad_event("BE_TAB", "control_character", actor_id="ag\t1"),
        _bad_event("BE_NO_TICKET", "unknown_ticket_id", ticket_id="T404"),
        _bad_event("BE_BAD_TICKET", "ticket_quarantined", ticket_id="BT_CHANNEL"),
        _bad_event("BE_EARLY", "occurred_before_ticket_created", occurred_at="2026-03-03 09:59:59"),
        # survey_responses
        BadRow(
            "survey_responses",
            {"response_id": None, "ticket_id": "T2", "responded_at": "2026-03-04 08:00:01", "csat_score": "4"},
            "raw_values",
            "responded_at=2026-03-04 08:00:01",
            "missing_response_id",
        ),
        _bad_survey("S1", "duplicate_response_id", responded_at="2026-03-05 09:00:00"),
        _bad_survey("BS_TICKET_NULL", "missing_ticket_id", ticket_id=None),
        _bad_survey("BS_AT_NULL", "missing_responded_at", responded_at=None),
        _bad_survey("BS_AT_BAD", "unparseable_responded_at", responded_at="soon"),
        _bad_survey("BS_FUTURE", "responded_at_in_future", responded_at="2029-01-01 00:00:00"),
        _bad_survey("BS_CSAT", "csat_score_out_of_range", csat_score="6"),
        _bad_survey("BS_CSAT_FRACTION", "csat_score_out_of_range", csat_score="4.5"),
        _bad_survey("BS_CES", "ces_score_out_of_range", csat_score="", ces_score="0"),
        _bad_survey("BS_NPS", "nps_score_out_of_range", csat_score="", nps_score="11"),
        _bad_survey("BS_EMPTY", "no_score", csat_score=""),
        _bad_survey("BS_CSAT_20_DIGITS", "csat_score_out_of_range", csat_score="99999999999999999999"),
        _bad_survey("BS_AT_PM", "unparseable_responded_at", responded_at="2026-03-04 09:00:00 PM"),
        _bad_survey("BS_AT_EPOCH", "responded_at_before_earliest", responded_at="1999-12-31 23:59:59"),
        _bad_survey("BS_NO_TICKET", "unknown_ticket_id", ticket_id="T404"),
        _bad_survey("BS_BAD_TICKET", "ticket_quarantined", ticket_id="BT_PRIORITY"),
        _bad_survey("BS_EARLY", "responded_before_ticket_created", ticket_id="T3", responded_at="2026-03-01 00:00:00"),
        # accounts
        BadRow(
            "accounts",
            {"account_id": None, "segment": "smb", "arr_usd": "1", "renewal_date": None},
            "raw_values",
            "arr_usd=1;",
            "missing_account_id",
        ),
        BadRow(
            "accounts",
            {"account_id": "A1", "segment": "smb", "arr_usd": "5", "renewal_date": "2026-01-01"},
            "raw_values",
            "arr_usd=5;",
            "duplicate_account_id",
            "a second copy of A1",
        ),
        BadRow(
            "accounts",
            {"account_id": "BA_SEGMENT", "segment": "galactic"},
            "raw_values",  # the account id is pseudonymised: find the row by its raw values
            "account_id=BA_SEGMENT;",
            "unknown_segment",
        ),
        BadRow(
            "accounts",
            {"account_id": "BA_ARR", "segment": "smb", "arr_usd": "-10"},
            "raw_values",  # the account id is pseudonymised: find the row by its raw values
            "account_id=BA_ARR;",
            "invalid_arr_usd",
        ),
        BadRow(
            "accounts",
            {"account_id": "BA_RENEWAL", "segment": "smb", "renewal_date": "next spring"},
            "raw_values",  # the account id is pseudonymised: find the row by its raw values
            "account_id=BA_RENEWAL;",
            "unparseable_renewal_date",
        ),
        # agents
        BadRow(
            "agents",
            {"agent_id": None, "team": "ghosts", "tier": "l1", "is_ai": "false"},
            "raw_values",
            "team=ghosts",
            "missing_agent_id",
        ),
        BadRow(
            "agents",
            {"agent_id": "ag1", "team": "zzz_copy", "tier": "l1", "is_ai": "false"},
            "raw_values",
            "team=zzz_copy",
            "duplicate_agent_id",
            "a second copy of ag1",
        ),
        BadRow(
            "agents",
            {"agent_id": "BG_TEAM", "team": "", "tier": "l1", "is_ai": "false"},
            "agent_id",
            "BG_TEAM",
            "missing_team",
        ),
        BadRow(
            "agents",
            {"agent_id": "BG_TIER", "team": "billing", "tier": "l7", "is_ai": "false"},
            "agent_id",
            "BG_TIER",
            "unknown_tier",
        ),
        BadRow(
            "agents",
            {"agent_id": "BG_NUL", "team": "bill\x00ing", "tier": "l1", "is_ai": "false"},
            "agent_id",
            "BG_NUL",
            "control_character",
        ),
        BadRow(
            "agents",
            {"agent_id": "BG_AI", "team": "billing", "tier": "l1", "is_ai": "unsure"},
            "agent_id",
            "BG_AI",
            "invalid_is_ai",
        ),
    ]
    return rows


def with_bad_rows(tables: dict[str, list[Row]], rows: list[BadRow]) -> dict[str, list[Row]]:
    """The valid tables plus the bad rows, each appended to its table."""
    mixed = {table: list(table_rows) for table, table_rows in tables.items()}
    for bad in rows:
        mixed[bad.table].append(bad.row)
    return mixed
