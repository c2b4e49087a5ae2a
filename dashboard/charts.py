"""Altair charts: a metric's trend with one line per path and the blend dashed beside them, and the backlog."""

from __future__ import annotations

from datetime import date, timedelta

import altair as alt
import pandas as pd  # type: ignore[import-untyped]

from dashboard.catalog import MetricInfo
from dashboard.formatting import BLEND, PATH_COLORS, PATHS, SHARE_UNITS, format_count, format_value, path_label
from dashboard.periods import Grain, is_complete, period_label

ORDER = (*PATHS, BLEND)
PATH_SCALE = alt.Scale(domain=[path_label(path) for path in ORDER], range=[PATH_COLORS[path] for path in ORDER])
DASH_SCALE = alt.Scale(domain=["path", "blend"], range=[[1, 0], [6, 4]])
AGE_BANDS: dict[str, str] = {
    "lt_1d": "< 1 day",
    "1_3d": "1-3 days",
    "3_7d": "3-7 days",
    "7_14d": "7-14 days",
    "14d_plus": "14+ days",
}
AGE_COLORS = ["#c6dbef", "#9ecae1", "#fdae6b", "#f16913", "#a50f15"]
BACKLOG_TOTAL = "All paths (sum)"
LEGEND = alt.Legend(orient="top", title=None, columns=2, labelLimit=140, symbolStrokeWidth=3, columnPadding=16)
BACKLOG_SCALE = alt.Scale(
    domain=[path_label(path) for path in PATHS] + [BACKLOG_TOTAL],
    range=[PATH_COLORS[path] for path in ORDER],
)
AXIS_DATES: dict[Grain, str] = {"week": "%d %b", "month": "%b %Y", "quarter": "%b %Y"}


def _axis_format(unit: str) -> str:
    return ".0%" if unit in SHARE_UNITS else ",.4~g"


def trend_frame(
    cells: pd.DataFrame, measured: str, info: MetricInfo, grain: Grain, data_end: date | None = None
) -> pd.DataFrame:
    """The rows of one metric for the trend: every period, every path and the blend."""
    rows = cells[(cells["metric_name"] == measured) & cells["support_path"].isin(ORDER)].copy()
    rows = rows[rows["metric_value"].notna()]
    rows["Path"] = [path_label(path) for path in rows["support_path"]]
    rows["line"] = ["blend" if path == BLEND else "path" for path in rows["support_path"]]
    rows["Period"] = [
        period_label(start, grain) + ("" if is_complete(start, grain, data_end) else " (incomplete)")
        for start in rows["period_start"]
    ]
    rows["Value"] = [format_value(value, info.unit) for value in rows["metric_value"]]
    rows["Measured on"] = [format_count(value) for value in rows["denominator"]]
    rows["period_start"] = pd.to_datetime(rows["period_start"])
    return rows


def trend_chart(frame: pd.DataFrame, info: MetricInfo, selected: date, grain: Grain, title: str) -> alt.LayerChart:
    base = alt.Chart(frame).encode(
        x=alt.X("period_start:T", title=None, axis=alt.Axis(format=AXIS_DATES[grain], labelOverlap=True)),
        y=alt.Y("metric_value:Q", title=title, axis=alt.Axis(format=_axis_format(info.unit))),
        color=alt.Color("Path:N", scale=PATH_SCALE, legend=LEGEND),
        strokeDash=alt.StrokeDash("line:N", scale=DASH_SCALE, legend=None),
        tooltip=["Path:N", "Period:N", "Value:N", "Measured on:N"],
    )
    lines = base.mark_line(point=alt.OverlayMarkDef(size=25), strokeWidth=2)
    marker = (
        alt.Chart(pd.DataFrame({"period_start": [pd.Timestamp(selected)]}))
        .mark_rule(color="#888888", strokeDash=[3, 3])
        .encode(x="period_start:T")
    )
    return alt.LayerChart(layer=[lines, marker], height=250)


def backlog_snapshot(backlog: pd.DataFrame, day: date) -> pd.DataFrame:
    """Open tickets by path and age band at the end of `day`, with the sum over paths beside."""
    rows = backlog[backlog["date_day"] == day]
    rows = rows.groupby(["support_path", "age_band", "age_band_order"], as_index=False)["open_tickets"].sum()
    rows["Path"] = [path_label(path) for path in rows["support_path"]]
    total = rows.groupby(["age_band", "age_band_order"], as_index=False)["open_tickets"].sum()
    total["support_path"] = BLEND
    total["Path"] = BACKLOG_TOTAL
    rows = pd.concat([rows, total], ignore_index=True)
    rows["Age"] = [AGE_BANDS.get(band, band) for band in rows["age_band"]]
    return rows


def backlog_snapshot_chart(snapshot: pd.DataFrame) -> alt.Chart:
    order = [path_label(path) for path in PATHS] + [BACKLOG_TOTAL]
    chart: alt.Chart = (
        alt.Chart(snapshot)
        .mark_bar()
        .encode(
            y=alt.Y("Path:N", sort=order, title=None, axis=alt.Axis(labelOverlap=False, labelLimit=160)),
            x=alt.X("open_tickets:Q", title="Open tickets", stack="zero"),
            color=alt.Color(
                "Age:N",
                scale=alt.Scale(domain=list(AGE_BANDS.values()), range=AGE_COLORS),
                legend=alt.Legend(orient="bottom", title="Age", columns=3, labelLimit=100),
            ),
            order=alt.Order("age_band_order:Q"),
            tooltip=["Path:N", "Age:N", alt.Tooltip("open_tickets:Q", title="Open tickets")],
        )
        .properties(height=alt.Step(34))
    )
    return chart


def backlog_trend_chart(backlog: pd.DataFrame, start: date, end: date) -> alt.LayerChart:
    """Open tickets at the end of each day, one line per path and their sum dashed beside, the period shaded."""
    daily = backlog.groupby(["date_day", "support_path"], as_index=False)["open_tickets"].sum()
    daily["Path"] = [path_label(path) for path in daily["support_path"]]
    total = daily.groupby("date_day", as_index=False)["open_tickets"].sum()
    total["Path"] = BACKLOG_TOTAL
    daily = pd.concat([daily, total], ignore_index=True)
    daily["line"] = ["blend" if path == BACKLOG_TOTAL else "path" for path in daily["Path"]]
    daily["date_day"] = pd.to_datetime(daily["date_day"])
    lines = (
        alt.Chart(daily)
        .mark_line(strokeWidth=1.5)
        .encode(
            x=alt.X("date_day:T", title=None, axis=alt.Axis(format="%b %Y")),
            y=alt.Y("open_tickets:Q", title="Open tickets"),
            color=alt.Color("Path:N", scale=BACKLOG_SCALE, legend=LEGEND),
            strokeDash=alt.StrokeDash("line:N", scale=DASH_SCALE, legend=None),
            tooltip=[alt.Tooltip("date_day:T", title="Day"), "Path:N", alt.Tooltip("open_tickets:Q", title="Open")],
        )
    )
    window = pd.DataFrame({"start": [pd.Timestamp(start)], "end": [pd.Timestamp(end - timedelta(days=1))]})
    shade = alt.Chart(window).mark_rect(color="#bbbbbb", opacity=0.25).encode(x="start:T", x2="end:T")
    return alt.LayerChart(layer=[shade, lines], height=230)
