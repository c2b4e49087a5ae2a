"""The sidebar: which view, which cadence, which period (default: the latest complete one) and segment."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import streamlit as st

from dashboard import data
from dashboard.catalog import catalog_from_records
from dashboard.context import ALL_SEGMENT, ViewContext
from dashboard.formatting import humanize
from dashboard.periods import GRAIN_LABELS, GRAINS, Grain, is_complete, latest_complete_period, period_label
from dashboard.periods import previous_period as previous_of
from dashboard.views import VIEWS


@dataclass(frozen=True)
class Selection:
    view: str
    context: ViewContext


def segment_label(segment: tuple[str, str]) -> str:
    kind, value = segment
    if segment == ALL_SEGMENT:
        return "All tickets"
    return f"{humanize(kind)}: {humanize(value)}"


def _period(grain: Grain, starts: list[date], data_end: date | None) -> date:
    newest_first = sorted(starts, reverse=True)
    default = latest_complete_period(starts, grain, data_end)
    chosen = st.sidebar.selectbox(
        "Period",
        newest_first,
        index=newest_first.index(default) if default in newest_first else 0,
        format_func=lambda start: (
            period_label(start, grain) + ("" if is_complete(start, grain, data_end) else " (incomplete)")
        ),
        key=f"period_{grain}",
        help="Defaults to the latest period the data covers to its last day.",
    )
    return chosen if chosen is not None else newest_first[0]


def sidebar(db: Path) -> Selection | None:
    """The selectors; None when the marts hold no period at all."""
    view = st.sidebar.radio("View", list(VIEWS), key="view")
    grain: Grain = st.sidebar.radio(
        "Cadence",
        GRAINS,
        format_func=lambda grain: GRAIN_LABELS[grain],
        index=GRAINS.index("month"),
        key="cadence",
        help="The grain of every metric: monthly by default, where samples are large enough to read.",
    )
    starts = data.period_starts(db, grain)
    if not starts:
        st.warning(f"`{db}` has no {grain} in main_marts.metrics_by_path: run `make build` to fill the marts.")
        return None
    end = data.data_end(db)
    period = _period(grain, starts, end)
    options = data.segments(db)
    segment = st.sidebar.selectbox(
        "Segment",
        options,
        format_func=segment_label,
        key="segment",
        help="Every metric of metrics_by_path is cut by one segment at a time.",
    )
    st.sidebar.divider()
    st.sidebar.caption(f"Data through {end:%d %b %Y}" if end else "Data end unknown")
    st.sidebar.caption(f"Source: `{db.name}`, read-only, one connection per query", help=str(db))
    context = ViewContext(
        db=db,
        grain=grain,
        period=period,
        previous=previous_of(starts, period),
        period_starts=tuple(starts),
        week_starts=tuple(data.period_starts(db, "week")),
        data_end=end,
        segment=segment or ALL_SEGMENT,
        catalog=catalog_from_records(data.metric_catalog(db)),
    )
    return Selection(view=view or next(iter(VIEWS)), context=context)
