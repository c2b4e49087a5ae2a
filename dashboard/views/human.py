"""Human view: complex-case first contact resolution, escalations and engineering load."""

from __future__ import annotations

from dashboard.cards import CardSpec, card_grid
from dashboard.context import ViewContext

HEADER = "Human: complex cases and escalations"
SUMMARY = (
    "How people handle the hard conversations: technical tickets solved on first contact or without "
    "engineering, and what escalations cost."
)
TECHNICAL = ("is_technical", "technical")
CARDS = (
    CardSpec(
        "first_contact_resolution_rate",
        segment=TECHNICAL,
        note="Complex cases: technical tickets only (this card ignores the segment filter).",
    ),
    CardSpec("solve_without_engineering_rate"),
    CardSpec("escalation_rework_rate"),
    CardSpec("engineering_interruption_rate"),
    CardSpec("unnecessary_escalation_rate"),
    CardSpec("evidence_completeness"),
)


def render(ctx: ViewContext) -> None:
    card_grid(ctx, CARDS)
