"""Workflow view: reply speed, time to evidence, misroutes and the age of the open backlog."""

from __future__ import annotations

from datetime import timedelta

import streamlit as st

from dashboard import data
from dashboard.cards import card_grid
from dashboard.charts import backlog_snapshot, backlog_snapshot_chart, backlog_trend_chart
from dashboard.context import ViewContext

HEADER = "Workflow: reply speed, evidence, routing and backlog"
SUMMARY = "How fast customers get a useful answer, how fast agents get evidence, routing errors and backlog age."
METRICS = ("first_useful_reply_time", "time_to_first_evidence", "misroute_rate", "backlog_age")


def render_backlog(ctx: ViewContext) -> None:
    backlog = data.backlog_daily(ctx.db)
    if backlog.empty:
        st.info("The open backlog is empty: fct_backlog_daily has no rows.")
        return
    last_day = ctx.period_end - timedelta(days=1)
    if ctx.data_end is not None:
        last_day = min(last_day, ctx.data_end)
    days = [day for day in backlog["date_day"] if day <= last_day]
    with st.container(border=True):
        st.subheader("Open backlog by age", anchor=False)
        st.caption(
            "Tickets open at the end of the day (fct_backlog_daily), by support path and age band, "
            "with the sum over paths beside. Owner of backlog age: Workforce management."
        )
        left, right = st.columns(2)
        if days:
            day = max(days)
            left.markdown(f"**At the end of {day:%d %b %Y}**")
            left.altair_chart(backlog_snapshot_chart(backlog_snapshot(backlog, day)), width="stretch")
        right.markdown("**Open tickets per day** (selected period shaded)")
        right.altair_chart(backlog_trend_chart(backlog, ctx.period, ctx.period_end), width="stretch")


def render(ctx: ViewContext) -> None:
    card_grid(ctx, METRICS)
    render_backlog(ctx)
