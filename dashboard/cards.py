"""A metric card: label, definition and owner from dim_metrics, one value per path with the blend
boxed beside them, the trend, and what to do when it moves."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd  # type: ignore[import-untyped]
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from dashboard.catalog import MetricInfo, Status, threshold_limits, threshold_status, threshold_text
from dashboard.charts import trend_chart, trend_frame
from dashboard.context import ViewContext
from dashboard.data import PathCell, split_beside_blend
from dashboard.formatting import format_change, format_count, format_value, is_no_change, path_label

STATUS_BADGES: dict[Status, str] = {"warn": ":orange-badge[Warning]", "error": ":red-badge[Error]"}
VARIANT_TITLES = {"_median": "Median", "_p90": "90th percentile"}


@dataclass(frozen=True)
class CardSpec:
    """A metric to show, optionally on a fixed segment (e.g. technical tickets for complex cases)."""

    metric: str
    segment: tuple[str, str] | None = None
    note: str | None = None


def _variants(info: MetricInfo) -> list[str]:
    return [info.name + suffix for suffix in VARIANT_TITLES] if info.is_duration else [info.name]


def _variant_title(measured: str) -> str | None:
    return next((title for suffix, title in VARIANT_TITLES.items() if measured.endswith(suffix)), None)


def _help(info: MetricInfo, cell: PathCell) -> str:
    if cell.is_blend:
        return f"All paths together: {_measure(info, cell)}. Read it beside the split, never alone."
    return _measure(info, cell)


def _measure(info: MetricInfo, cell: PathCell) -> str:
    if cell.denominator is None or cell.denominator == 0:
        return "Nothing measured on this path in this period (not applicable or no tickets)."
    if cell.numerator is not None and info.kind == "ratio":
        return f"{format_count(cell.numerator)} over {format_count(cell.denominator)}"
    return f"Measured on {format_count(cell.denominator)}"


def provisional_note(split: Sequence[PathCell]) -> str | None:
    """What the caption says when some of the cells are provisional (their windows still open)."""
    waiting = [cell for cell in split if cell.value is not None and not cell.is_final]
    if not waiting:
        return None
    paths = ", ".join(path_label(cell.path) for cell in waiting)
    dates = [cell.final_at for cell in waiting if cell.final_at is not None]
    if len(dates) < len(waiting):
        when = "when their open tickets are resolved and have stayed so for the repeat-contact window"
    else:
        when = f"on {max(dates):%Y-%m-%d %H:%M} UTC"
    return (
        f"Provisional ({paths}): windows still open, the value may change; final {when}. Not judged against thresholds."
    )


def _status(info: MetricInfo, measured: str, cell: PathCell) -> Status:
    """The threshold status of a cell, judged only where the catalog puts the threshold (paths or
    blend) and only once the cell is final (a provisional value may still change)."""
    if cell.is_blend != (info.threshold_scope == "blend") or not cell.is_final:
        return "none"
    return threshold_status(info, measured, cell.value)


def path_row(info: MetricInfo, measured: str, split: Sequence[PathCell]) -> None:
    """One st.metric per path, then the blend, boxed, beside them; sample sizes and thresholds underneath."""
    columns = st.columns([1, 1, 1, 1.25])
    for column, cell in zip(columns, split, strict=True):
        change = format_change(cell.value, cell.previous, info.unit)
        steady = is_no_change(change)
        column.metric(
            path_label(cell.path),
            format_value(cell.value, info.unit) + ("" if cell.is_final or cell.value is None else " *"),
            delta=change.lstrip("+-") if change and steady else change,
            delta_color="off" if steady else "normal" if info.higher_is_better else "inverse",
            delta_arrow="off" if steady else "auto",
            help=_help(info, cell),
            border=cell.is_blend,
        )
    sizes = " · ".join(f"{path_label(cell.path)} {format_count(cell.denominator)}" for cell in split)
    st.caption(f"Measured on: {sizes}. Arrows: change vs the previous period.")
    note = provisional_note(split)
    if note:
        st.caption(f":orange-badge[Provisional] {note}")
    breaches = []
    for status, badge in STATUS_BADGES.items():
        paths = [path_label(cell.path) for cell in split if _status(info, measured, cell) == status]
        if paths:
            breaches.append(f"{badge} {', '.join(paths)}")
    if breaches:
        st.markdown(" · ".join(breaches) + f" — {threshold_limits(info)}")


def _trend(ctx: ViewContext, info: MetricInfo, cells: pd.DataFrame) -> None:
    variants = _variants(info)
    tabs: Sequence[DeltaGenerator]
    if len(variants) > 1:
        tabs = st.tabs([f"{_variant_title(variant)} trend" for variant in variants])
    else:
        tabs = [st.container()]
    for tab, measured in zip(tabs, variants, strict=True):
        frame = trend_frame(cells, measured, info, ctx.grain, ctx.data_end)
        if frame.empty:
            tab.caption("No trend to draw.")
            continue
        title = info.unit if len(variants) == 1 else f"{_variant_title(measured)}, {info.unit}"
        tab.altair_chart(trend_chart(frame, info, ctx.period, ctx.grain, title), width="stretch")


def metric_card(ctx: ViewContext, spec: CardSpec) -> None:
    info = ctx.catalog.get(spec.metric)
    if info is None:
        st.warning(f"`{spec.metric}` is not in dim_metrics: rebuild the marts (`make build`).")
        return
    cells = ctx.cells(spec.segment)
    with st.container(border=True):
        left, right = st.columns([1.5, 1], gap="medium")
        with left:
            st.subheader(info.label, anchor=False)
            st.caption(info.definition)
            better = "Higher" if info.higher_is_better else "Lower"
            st.caption(f"**Owner:** {info.owner} · **Reviewed:** {info.cadence} · {better} is better")
            if spec.note:
                st.caption(spec.note)
            for measured in _variants(info):
                split = split_beside_blend(cells, measured, ctx.period, ctx.previous)
                title = _variant_title(measured)
                if title:
                    st.markdown(f"**{title}**")
                if split:
                    path_row(info, measured, split)
                else:
                    st.info("Nothing measured on any path in this period.")
            with st.expander("What to do when it moves"):
                st.markdown(info.action)
                st.caption(threshold_text(info))
        with right:
            _trend(ctx, info, cells)


def card_grid(ctx: ViewContext, specs: Sequence[CardSpec | str]) -> None:
    """One card per metric, stacked."""
    for spec in specs:
        metric_card(ctx, spec if isinstance(spec, CardSpec) else CardSpec(spec))
