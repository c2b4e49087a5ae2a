"""The four operating-review views, by the name the sidebar shows."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from dashboard.context import ViewContext
from dashboard.views import ai, customer, human, workflow

TITLE = "Support metrics by path"


@dataclass(frozen=True)
class View:
    name: str
    header: str
    summary: str
    render: Callable[[ViewContext], None]


VIEWS: dict[str, View] = {
    view.name: view
    for view in (
        View("Customer", customer.HEADER, customer.SUMMARY, customer.render),
        View("Workflow", workflow.HEADER, workflow.SUMMARY, workflow.render),
        View("AI", ai.HEADER, ai.SUMMARY, ai.render),
        View("Human", human.HEADER, human.SUMMARY, human.render),
    )
}
