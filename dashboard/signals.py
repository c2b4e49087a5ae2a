"""The active support signals, shown at the top of every view."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import streamlit as st

from dashboard import data
from dashboard.catalog import MetricInfo, lookup
from dashboard.context import ViewContext
from dashboard.formatting import BLEND, format_value, humanize, path_label
from dashboard.periods import period_label

SUFFIX_WORDS = {"_median": " (median)", "_p90": " (90th percentile)", "_all_paths": " (all paths)"}


def movement_label(catalog: Mapping[str, MetricInfo], name: str) -> str:
    """A signal's metric in words: reopen_rate_all_paths -> "Reopen rate (all paths)"."""
    info = lookup(catalog, name)
    if info is None:
        return humanize(name)
    suffix = next((words for end, words in SUFFIX_WORDS.items() if name.endswith(end)), "")
    return info.label + suffix


def _movement(catalog: Mapping[str, MetricInfo], name: str, before: Any, after: Any) -> str:
    info = lookup(catalog, name)
    unit = info.unit if info else ""
    return f"{movement_label(catalog, name)} {format_value(before, unit)} → {format_value(after, unit)}"


def signal_text(catalog: Mapping[str, MetricInfo], signal: Mapping[str, Any]) -> str:
    """One signal as a sentence: what moved, on which path, what it means and who acts."""
    path = str(signal["support_path"])
    where = "All paths (blend)" if path == BLEND else path_label(path)
    if signal["queue"] and signal["queue"] != "all":
        where += f", queue {signal['queue']}"
    first = _movement(catalog, str(signal["first_metric"]), signal["first_previous_value"], signal["first_value"])
    second = _movement(catalog, str(signal["second_metric"]), signal["second_previous_value"], signal["second_value"])
    provisional = ""
    if signal.get("is_provisional"):
        provisional = " · :orange-badge[Provisional: the week's windows are still open]"
    return (
        f"**{humanize(str(signal['signal_name']))}** · {where}{provisional}  \n"
        f"{first}; {second} (week over week).  \n"
        f"{signal['meaning']} **Owner:** {signal['owner_team']}"
    )


def render_signals(ctx: ViewContext) -> None:
    week = ctx.signal_week
    if week is None:
        st.info("No week of data in this period, so no signals to show.")
        return
    rows = data.signals(ctx.db, ctx.period, ctx.period_end)
    current = rows[rows["week_start"] == week]
    st.subheader(f"Active signals · {period_label(week, 'week')}", anchor=False)
    if current.empty:
        st.success("No active signal this week: no pattern that a blended number would hide.", icon="✅")
    for signal in current.to_dict("records"):
        st.warning(signal_text(ctx.catalog, signal), icon="⚠️")
    earlier = rows[rows["week_start"] != week]
    if not earlier.empty:
        with st.expander(f"Earlier signals in {ctx.period_label} ({len(earlier)})"):
            for start, group in earlier.groupby("week_start", sort=False):
                st.markdown(f"**{period_label(start, 'week')}**")
                for signal in group.to_dict("records"):
                    st.markdown(signal_text(ctx.catalog, signal))
