"""The knobs of the simulated support operation, with their defaults and their checks."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


class ConfigError(ValueError):
    """A generator setting is out of range; the message says which and what is allowed."""


@dataclass(frozen=True)
class PlantedEffect:
    """A change to the operation from a given day on, so a test can check the marts show it.

    `kind` is one of:
    - `handoff_packet_loss`: AI handoffs lose their summary with probability `strength`;
    - `reopen_multiplier`: tickets of `issue_type` and support `path` (all when empty) reopen
      `strength` times as often;
    - `misroute_queue`: tickets bound for `queue` are first sent to another queue with probability
      `strength`.
    """

    kind: str
    start_day: int
    strength: float
    end_day: int | None = None
    issue_type: str = ""
    queue: str = ""
    path: str = ""

    def active(self, day: int) -> bool:
        return day >= self.start_day and (self.end_day is None or day < self.end_day)


EFFECT_KINDS = ("handoff_packet_loss", "reopen_multiplier", "misroute_queue")
# The messy stories: each happens, where it can, with probability `messy_rate` per ticket.
# - ai_ack_on_human: the AI acknowledges a human-only ticket (and does nothing else);
# - silent_ai_triage: on an AI-to-human ticket the AI only writes an internal note, then hands off;
# - engineer_without_escalation: an engineer investigates a technical ticket with no escalation;
# - multi_survey: several survey responses, each answering only some measures;
# - same_instant: the first assignment at the same second as the handoff (or the creation);
# - solved_open_reopen: a reopen logged as solved -> open, without a `reopened` status;
# - late_context_request: after an escalation the sender updates the customer publicly, then the
#   receiver asks for context;
# - owner_change: the ticket goes to one agent, then to another in the same queue (on 40% of
#   messy_rate: each one is a misroute).
MESSY_KINDS = (
    "ai_ack_on_human",
    "silent_ai_triage",
    "engineer_without_escalation",
    "multi_survey",
    "same_instant",
    "solved_open_reopen",
    "late_context_request",
    "owner_change",
)
# The settings that are shares between 0 and 1 (each also a CLI flag).
SHARE_FIELDS = (
    "ai_only_share",
    "ai_to_human_share",
    "reopen_rate",
    "repeat_contact_rate",
    "misroute_rate",
    "incomplete_packet_rate",
    "engineering_escalation_rate",
    "survey_rate",
    "missing_account_rate",
    "messy_rate",
)


@dataclass(frozen=True)
class GeneratorConfig:
    """Everything that shapes the generated data. Same config and seed, same files."""

    tickets: int = 1000
    seed: int = 7
    start_date: dt.date = dt.date(2026, 1, 5)
    days: int = 182
    chunk_size: int = 50_000
    ai_only_share: float = 0.35
    ai_to_human_share: float = 0.25
    reopen_rate: float = 0.07
    repeat_contact_rate: float = 0.08
    misroute_rate: float = 0.05
    incomplete_packet_rate: float = 0.25
    engineering_escalation_rate: float = 0.25
    survey_rate: float = 0.25
    missing_account_rate: float = 0.08
    # The default keeps some messy stories; the `messy` profile (messy_profile) has many.
    messy_rate: float = 0.1
    effects: tuple[PlantedEffect, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        if self.tickets < 1:
            raise ConfigError(f"tickets must be at least 1, got {self.tickets}")
        if self.days < 1:
            raise ConfigError(f"days must be at least 1, got {self.days}")
        if self.chunk_size < 1:
            raise ConfigError(f"chunk_size must be at least 1, got {self.chunk_size}")
        for name in SHARE_FIELDS:
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:
                raise ConfigError(f"{name} must be between 0 and 1, got {value}")
        if self.ai_only_share + self.ai_to_human_share > 1.0 + 1e-9:
            raise ConfigError(
                "ai_only_share + ai_to_human_share must be at most 1 (human_only gets the rest), "
                f"got {self.ai_only_share} + {self.ai_to_human_share}"
            )
        for effect in self.effects:
            if effect.kind not in EFFECT_KINDS:
                raise ConfigError(f"unknown planted effect {effect.kind!r}; choose one of {', '.join(EFFECT_KINDS)}")

    @property
    def human_only_share(self) -> float:
        return max(0.0, 1.0 - self.ai_only_share - self.ai_to_human_share)

    @property
    def start_epoch(self) -> int:
        """Seconds since 1970 (UTC) at the start of the first day."""
        return int(
            dt.datetime(self.start_date.year, self.start_date.month, self.start_date.day, tzinfo=dt.UTC).timestamp()
        )

    @property
    def horizon_epoch(self) -> int:
        """The export moment: events after it have not happened yet and are not written."""
        return self.start_epoch + self.days * 86_400


MESSY_PROFILE_RATE = 0.5


def messy_profile(**settings: object) -> GeneratorConfig:
    """The `messy` profile: every messy story (MESSY_KINDS) on half the tickets that can have it."""
    merged: dict[str, object] = {"messy_rate": MESSY_PROFILE_RATE, **settings}
    return GeneratorConfig(**merged)  # type: ignore[arg-type]
