"""Who is in the simulated operation: accounts, their customers, the AI and the support staff."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

from supportgen.config import GeneratorConfig

QUEUES = ("billing", "technical_support", "onboarding", "account_management")
SEGMENTS = (("smb", 0.6, 9_000.0), ("mid_market", 0.3, 60_000.0), ("enterprise", 0.1, 400_000.0))
AI_AGENT_ID = "ai_assistant"

# issue_type -> (queue it belongs to, probability it is technical)
ISSUE_TYPES: dict[str, tuple[str, float]] = {
    "billing": ("billing", 0.02),
    "login_access": ("technical_support", 0.4),
    "bug_report": ("technical_support", 0.97),
    "how_to": ("onboarding", 0.1),
    "integration": ("technical_support", 0.9),
    "data_export": ("technical_support", 0.75),
    "account_change": ("account_management", 0.03),
    "performance": ("technical_support", 0.95),
}
ISSUE_WEIGHTS = (0.17, 0.12, 0.14, 0.2, 0.1, 0.07, 0.12, 0.08)
PRODUCT_AREAS = ("api", "dashboard", "billing_portal", "integrations", "reporting", "mobile_app", "admin")


@dataclass(frozen=True)
class Population:
    accounts: int
    customers: int
    l1_agents: dict[str, tuple[str, ...]]
    l2_agents: tuple[str, ...]
    engineers: tuple[str, ...]

    def account_of(self, customer: int) -> int:
        """Customers belong to accounts; several customers share one."""
        return (customer * 7_919) % self.accounts

    def agent_rows(self) -> list[tuple[str, str, str, bool]]:
        rows = [(AI_AGENT_ID, "automation", "l1", True)]
        for queue, agents in self.l1_agents.items():
            rows.extend((agent, queue, "l1", False) for agent in agents)
        rows.extend((agent, "technical_support", "l2", False) for agent in self.l2_agents)
        rows.extend((agent, "engineering", "engineering", False) for agent in self.engineers)
        return rows


def build_population(config: GeneratorConfig) -> Population:
    per_queue = max(3, min(200, config.tickets // 15_000 + 3))
    return Population(
        accounts=max(10, config.tickets // 40),
        customers=max(30, config.tickets // 3),
        l1_agents={queue: tuple(f"ag_{queue[:4]}_{n:03d}" for n in range(per_queue)) for queue in QUEUES},
        l2_agents=tuple(f"ag_l2_{n:03d}" for n in range(max(2, per_queue // 2))),
        engineers=tuple(f"eng_{n:03d}" for n in range(max(2, per_queue // 2))),
    )


def account_rows(config: GeneratorConfig, population: Population) -> list[tuple[str, str, float, str]]:
    """One row per account: segment, a log-normal ARR by segment, a renewal within ~15 months."""
    rows = []
    for index in range(population.accounts):
        rng = random.Random(f"{config.seed}:account:{index}")
        draw = rng.random()
        cumulative = 0.0
        segment, median_arr = SEGMENTS[-1][0], SEGMENTS[-1][2]
        for name, share, median in SEGMENTS:
            cumulative += share
            if draw < cumulative:
                segment, median_arr = name, median
                break
        arr = round(median_arr * math.exp(rng.gauss(0.0, 0.6)), 2)
        renewal = config.start_date.toordinal() + rng.randrange(0, 450)
        rows.append((account_id(index), segment, arr, _ordinal_to_iso(renewal)))
    return rows


def account_id(index: int) -> str:
    return f"A{index:06d}"


def customer_id(index: int) -> str:
    return f"C{index:07d}"


def _ordinal_to_iso(ordinal: int) -> str:
    import datetime as dt

    return dt.date.fromordinal(ordinal).isoformat()
