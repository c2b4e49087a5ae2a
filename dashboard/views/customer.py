"""Customer view: satisfaction, effort, promoters and repeat contact, by path."""

from __future__ import annotations

from dashboard.cards import card_grid
from dashboard.context import ViewContext

HEADER = "Customer: satisfaction, effort and repeat contact"
SUMMARY = "What customers said (CSAT, CES, NPS) and whether they had to come back, on each support path."
METRICS = ("csat", "ces", "nps", "repeat_contact_rate")


def render(ctx: ViewContext) -> None:
    card_grid(ctx, METRICS)
