"""Reporting periods: their ends, whether the data covers them, and how to name them."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Literal

Grain = Literal["week", "month", "quarter"]
GRAINS: tuple[Grain, ...] = ("week", "month", "quarter")
GRAIN_LABELS: dict[Grain, str] = {"week": "Weekly", "month": "Monthly", "quarter": "Quarterly"}


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def period_end(start: date, grain: Grain) -> date:
    """The first day after the period (exclusive end)."""
    if grain == "week":
        return start + timedelta(days=7)
    return _add_months(start, 1 if grain == "month" else 3)


def is_complete(start: date, grain: Grain, data_end: date | None) -> bool:
    """Whether the data reaches the period's last day (unknown data end: assume complete)."""
    return data_end is None or period_end(start, grain) <= data_end + timedelta(days=1)


def latest_complete_period(starts: Iterable[date], grain: Grain, data_end: date | None) -> date | None:
    """The latest period the data covers to its last day; the latest period when none is complete."""
    ordered = sorted(set(starts))
    if not ordered:
        return None
    complete = [start for start in ordered if is_complete(start, grain, data_end)]
    return complete[-1] if complete else ordered[-1]


def previous_period(starts: Iterable[date], start: date) -> date | None:
    """The period before `start` among `starts`, if any."""
    earlier = [other for other in starts if other < start]
    return max(earlier) if earlier else None


def period_label(start: date, grain: Grain) -> str:
    if grain == "week":
        return f"Week of {start.day} {start:%b %Y}"
    if grain == "month":
        return f"{start:%B %Y}"
    return f"Q{(start.month - 1) // 3 + 1} {start.year}"


def weeks_starting_in(week_starts: Iterable[date], start: date, grain: Grain) -> list[date]:
    """The weeks (by their Monday) that start within the period, in order."""
    end = period_end(start, grain)
    return sorted(week for week in set(week_starts) if start <= week < end)
