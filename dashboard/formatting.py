"""How values, changes and names read on screen."""

from __future__ import annotations

import math

PATHS: tuple[str, ...] = ("ai_only", "ai_to_human", "human_only")
BLEND = "all"
PATH_LABELS: dict[str, str] = {
    "ai_only": "AI only",
    "ai_to_human": "AI → human",
    "human_only": "Human only",
    BLEND: "Blend",
}
PATH_COLORS: dict[str, str] = {
    "ai_only": "#4C78A8",
    "ai_to_human": "#F58518",
    "human_only": "#54A24B",
    BLEND: "#7F7F7F",
}
SHARE_UNITS = frozenset({"share", "share of ARR"})
DURATION_UNITS = frozenset({"minutes", "seconds", "days"})


def is_missing(value: float | None) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def path_label(path: str) -> str:
    return PATH_LABELS.get(path, humanize(path))


def humanize(name: str) -> str:
    """snake_case to a sentence: "containment_up_rework_up" -> "Containment up rework up"."""
    words = name.replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def format_minutes(minutes: float) -> str:
    if minutes < 1:
        return f"{minutes * 60:.0f} s"
    if minutes < 10:
        return f"{minutes:.1f} min"
    if minutes < 120:
        return f"{minutes:.0f} min"
    if minutes < 48 * 60:
        return f"{minutes / 60:.1f} h"
    return f"{minutes / 1440:.1f} d"


def format_value(value: float | None, unit: str) -> str:
    """A metric value in its unit; an em dash when there is none."""
    if value is None or is_missing(value):
        return "—"
    if unit in SHARE_UNITS:
        return f"{value * 100:.1f}%"
    if unit == "minutes":
        return format_minutes(value)
    if unit == "seconds":
        return format_minutes(value / 60)
    if unit == "days":
        return f"{value:.1f} d"
    if unit.startswith("score -100"):
        return f"{value:+.0f}" if round(value) else "0"
    if unit == "USD":
        return f"${value:,.2f}"
    return f"{value:.2f}"


def format_change(current: float | None, previous: float | None, unit: str) -> str | None:
    """The change since the previous period: points for shares, percent for durations."""
    if current is None or previous is None or is_missing(current) or is_missing(previous):
        return None
    change = current - previous
    if unit in SHARE_UNITS:
        return f"{change * 100:+.1f} pp"
    if unit in DURATION_UNITS:
        return f"{change / previous * 100:+.0f}%" if previous else None
    if unit.startswith("score"):
        return f"{change:+.1f}"
    return f"{change:+.2f}"


def format_count(value: float | None) -> str:
    if value is None or is_missing(value):
        return "0"
    return f"{value:,.0f}"


def is_no_change(change: str | None) -> bool:
    """Whether a formatted change reads as zero ("+0.0 pp", "-0%"): shown without a good/bad colour."""
    if change is None:
        return False
    digits = [char for char in change if char.isdigit()]
    return bool(digits) and set(digits) == {"0"}
