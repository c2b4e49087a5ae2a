"""The failed handoffs and escalations to review (failed_handoffs_review) of the selected period."""

from __future__ import annotations

import pandas as pd  # type: ignore[import-untyped]
import streamlit as st

from dashboard import data
from dashboard.context import ViewContext
from dashboard.formatting import format_value, humanize, path_label

COLUMNS: dict[str, str] = {
    "escalated_at": "Escalated at",
    "escalation_kind": "Kind",
    "support_path": "Path",
    "ticket_id": "Ticket",
    "review_reasons": "Why to review",
    "packet_completeness": "Packet completeness",
    "missing_packet_fields": "Missing from packet",
    "had_context_request": "Human asked for context",
    "first_human_useful_reply": "First human useful reply",
    "channel": "Channel",
    "issue_type": "Issue type",
    "priority": "Priority",
    "csat_score": "CSAT",
    "escalation_id": "Escalation",
}
FILTERABLE = ("channel", "issue_type", "priority")
KINDS = {"ai_handoff": "AI handoff", "tier_escalation": "Tier escalation", "engineering": "Engineering"}


def kind_label(kind: str) -> str:
    return KINDS.get(kind, humanize(kind))


def filter_by_segment(frame: pd.DataFrame, segment: tuple[str, str]) -> tuple[pd.DataFrame, bool]:
    """The rows of the segment, and whether the segment could be applied (the review has no account segment)."""
    kind, value = segment
    if kind == "all":
        return frame, True
    if kind in FILTERABLE:
        return frame[frame[kind] == value], True
    if kind == "is_technical":
        return frame[frame["is_technical"] == (value == "technical")], True
    return frame, False


def review_table(frame: pd.DataFrame) -> pd.DataFrame:
    """The review rows with readable values and column names."""
    table = frame.copy()
    table["support_path"] = [path_label(path) for path in table["support_path"]]
    table["escalation_kind"] = [kind_label(kind) for kind in table["escalation_kind"]]
    table["first_human_useful_reply"] = [
        format_value(value, "minutes") for value in table["first_human_useful_reply_minutes"]
    ]
    return table[list(COLUMNS)].rename(columns=COLUMNS)


def render_failed_handoffs(ctx: ViewContext) -> None:
    rows = data.failed_handoffs(ctx.db, ctx.period, ctx.period_end)
    rows, applied = filter_by_segment(rows, ctx.segment)
    with st.container(border=True):
        st.subheader("Failed handoffs to review", anchor=False)
        st.caption(
            "Every handoff or escalation made in the period that was rework, or whose ticket reopened or came back "
            "(failed_handoffs_review), newest first. Owner: QA with the Automation owner."
        )
        if not applied:
            st.caption("The review has no account segment: all rows of the period are listed.")
        if rows.empty:
            st.success("No failed handoff or escalation in this period.")
            return
        counts = rows["escalation_kind"].value_counts()
        st.markdown(" · ".join(f"{kind_label(str(kind))}: **{count}**" for kind, count in counts.items()))
        st.dataframe(
            review_table(rows),
            hide_index=True,
            width="stretch",
            height=min(420, 38 + 35 * len(rows)),
            column_config={
                "Escalated at": st.column_config.DatetimeColumn(format="D MMM YYYY, HH:mm"),
                "Packet completeness": st.column_config.ProgressColumn(min_value=0.0, max_value=1.0, format="percent"),
                "Human asked for context": st.column_config.CheckboxColumn(),
            },
        )
