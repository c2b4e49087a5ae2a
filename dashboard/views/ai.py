"""AI view: containment beside the honest resolution rate, handoffs, and the failed handoffs to review."""

from __future__ import annotations

import streamlit as st

from dashboard.cards import card_grid
from dashboard.context import ViewContext
from dashboard.data import split_beside_blend
from dashboard.formatting import is_missing, path_label
from dashboard.handoffs import render_failed_handoffs

HEADER = "AI: containment beside honest resolution, and handoffs"
SUMMARY = (
    "Containment counts conversations the AI kept; resolution counts the ones it solved for good. "
    "Read them together, with how often and how well the AI hands off."
)


def render_gap(ctx: ViewContext) -> None:
    """Containment minus resolution, per path and blend: contained tickets that did not hold."""
    cells = ctx.cells()
    contained = split_beside_blend(cells, "ai_containment_rate", ctx.period, ctx.previous)
    resolved = {cell.path: cell.value for cell in split_beside_blend(cells, "ai_resolution_rate", ctx.period, None)}
    if not contained or not resolved:
        return
    parts = []
    for cell in contained:
        other = resolved.get(cell.path)
        if cell.value is None or other is None or is_missing(cell.value) or is_missing(other):
            parts.append(f"{path_label(cell.path)} —")
        else:
            parts.append(f"{path_label(cell.path)} **{(cell.value - other) * 100:.1f} pp**")
    st.markdown("Containment overstates resolution by: " + " · ".join(parts))


def render(ctx: ViewContext) -> None:
    card_grid(ctx, ("ai_containment_rate", "ai_resolution_rate"))
    render_gap(ctx)
    card_grid(ctx, ("handoff_rate", "handoff_quality_rate"))
    render_failed_handoffs(ctx)
