"""The metric catalog (dim_metrics) as typed records, and how a value stands against its thresholds."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from dashboard.formatting import format_value, humanize, is_missing

Status = Literal["ok", "warn", "error", "none"]
DURATION_SUFFIXES: tuple[str, ...] = ("_median", "_p90")


@dataclass(frozen=True)
class MetricInfo:
    name: str
    label: str
    definition: str
    unit: str
    direction: str
    owner: str
    cadence: str
    kind: str
    action: str
    threshold_on: str
    threshold_scope: str
    warn_threshold: float | None
    error_threshold: float | None

    @property
    def higher_is_better(self) -> bool:
        return self.direction == "higher"

    @property
    def is_duration(self) -> bool:
        return self.kind == "duration"


def _text(value: Any) -> str:
    return "" if value is None or is_missing(value) else str(value)


def _number(value: Any) -> float | None:
    return None if value is None or is_missing(value) else float(value)


def catalog_from_records(records: list[dict[str, Any]]) -> dict[str, MetricInfo]:
    """One MetricInfo per dim_metrics row, by metric_name."""
    catalog: dict[str, MetricInfo] = {}
    for row in records:
        name = _text(row["metric_name"])
        catalog[name] = MetricInfo(
            name=name,
            label=_text(row["label"]) or humanize(name),
            definition=_text(row["definition"]),
            unit=_text(row["unit"]),
            direction=_text(row["direction"]),
            owner=_text(row["owner"]),
            cadence=_text(row["cadence"]),
            kind=_text(row["kind"]),
            action=_text(row["action"]),
            threshold_on=_text(row["threshold_on"]),
            threshold_scope=_text(row["threshold_scope"]),
            warn_threshold=_number(row["warn_threshold"]),
            error_threshold=_number(row["error_threshold"]),
        )
    return catalog


def base_metric(name: str) -> str:
    """The catalog name of a metrics_by_path metric_name: first_useful_reply_time_p90 -> first_useful_reply_time."""
    for suffix in (*DURATION_SUFFIXES, "_all_paths"):
        if name.endswith(suffix):
            return name.removesuffix(suffix)
    return name


def lookup(catalog: Mapping[str, MetricInfo], name: str) -> MetricInfo | None:
    return catalog.get(name) or catalog.get(base_metric(name))


def threshold_status(info: MetricInfo, measured: str, value: float | None) -> Status:
    """Where `value` of the measured metric (a catalog name or its _median/_p90) stands."""
    if measured != info.threshold_on or value is None or is_missing(value):
        return "none"
    if info.warn_threshold is None and info.error_threshold is None:
        return "none"

    def breaches(threshold: float | None) -> bool:
        if threshold is None:
            return False
        return value < threshold if info.higher_is_better else value > threshold

    if breaches(info.error_threshold):
        return "error"
    if breaches(info.warn_threshold):
        return "warn"
    return "ok"


def threshold_limits(info: MetricInfo) -> str:
    """The limits alone, e.g. "warning below 80.0%, error below 70.0%" (empty without thresholds)."""
    side = "below" if info.higher_is_better else "above"
    parts = []
    if info.warn_threshold is not None:
        parts.append(f"warning {side} {format_value(info.warn_threshold, info.unit)}")
    if info.error_threshold is not None:
        parts.append(f"error {side} {format_value(info.error_threshold, info.unit)}")
    return ", ".join(parts)


def threshold_text(info: MetricInfo) -> str:
    """The thresholds in words, e.g. "Warning below 80.0%, error below 70.0% (on each path)."."""
    limits = threshold_limits(info)
    if not limits:
        return "No threshold: read it beside the other metrics, never as a goal on its own."
    scope = "on each path" if info.threshold_scope == "paths" else "on the blend"
    measured = info.threshold_on.removeprefix(info.name).replace("_p90", "90th percentile").replace("_median", "median")
    on = f"{measured}, " if measured else ""
    return f"{limits[:1].upper()}{limits[1:]} ({on}{scope})."
