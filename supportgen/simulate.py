"""The simulation of one ticket: its row, its event log and its survey answer.

Times are integer seconds since 1970 (UTC) until the writers format them. Every ticket draws from
its own random stream, seeded from (seed, ticket index), so a ticket's content never depends on
how the run is chunked. A repeat contact re-simulates its (earlier) parent ticket to learn when
it was resolved; a small cache keeps that cheap.
"""

from __future__ import annotations

import math
import random
from collections import OrderedDict
from dataclasses import dataclass, field

from supportgen.config import GeneratorConfig
from supportgen.population import (
    AI_AGENT_ID,
    ISSUE_TYPES,
    ISSUE_WEIGHTS,
    PRODUCT_AREAS,
    QUEUES,
    Population,
    account_id,
    customer_id,
)

# (at, event_type, actor_type, actor_id, is_public, message_kind, to_tier, packet_has_summary,
#  packet_has_identifiers, packet_has_repro, packet_has_evidence, queue, status, workflow_id,
#  resolution_code, handle_seconds)
Event = tuple[
    int,
    str,
    str,
    str | None,
    bool | None,
    str | None,
    str | None,
    bool | None,
    bool | None,
    bool | None,
    bool | None,
    str | None,
    str | None,
    str | None,
    str | None,
    int | None,
]
TicketRow = tuple[str, str, str | None, int, str, str, str | None, str, bool, int]
SurveyRow = tuple[str, str, int, int | None, int | None, int | None]

ISSUE_NAMES = tuple(ISSUE_TYPES)
CHANNELS = ("chat", "email", "web", "phone", "social")
CHANNEL_WEIGHTS_ALL = (0.35, 0.35, 0.15, 0.10, 0.05)
CHANNEL_WEIGHTS_AI = (0.42, 0.33, 0.19, 0.0, 0.06)
# Median minutes for a human's first reply, by channel.
HUMAN_REPLY_MINUTES = {"chat": 3.0, "email": 240.0, "web": 180.0, "phone": 1.5, "social": 60.0}
PRIORITIES = ("low", "normal", "high", "urgent")
PRIORITY_WEIGHTS = (0.2, 0.55, 0.2, 0.05)
RESOLUTION_CODES = ("bug_fixed", "config_change", "docs_gap", "user_error", "not_reproducible", "no_action_needed")
RESOLUTION_WEIGHTS = (0.35, 0.25, 0.1, 0.12, 0.1, 0.08)
# Hour-of-day weights (UTC) for ticket arrival: a business-day curve with a quiet night.
HOUR_WEIGHTS = (1, 1, 1, 1, 1, 2, 3, 5, 8, 10, 10, 10, 9, 9, 10, 10, 9, 7, 5, 4, 3, 2, 2, 1)
DAY_WEIGHTS = (1.0, 1.0, 1.0, 1.0, 0.9, 0.3, 0.25)  # Monday .. Sunday
# Owner changes happen on this share of messy_rate: each is a misroute, and the demo keeps its
# misroute rate within the catalog's thresholds.
OWNER_CHANGE_SHARE = 0.4
# A pending ticket whose customer goes quiet is solved by the helpdesk after four days.
AUTO_SOLVE_SECONDS = 4 * 86_400


@dataclass
class TicketSim:
    """What one simulated ticket produced, plus what a repeat contact needs to know of it."""

    row: TicketRow
    events: list[Event]
    surveys: list[SurveyRow]
    path: str
    customer: int
    issue_type: str
    created_at: int
    resolved_at: int | None


@dataclass
class _Log:
    horizon: int
    events: list[Event] = field(default_factory=list)

    def add(
        self,
        at: int,
        event_type: str,
        actor_type: str,
        actor_id: str | None = None,
        *,
        is_public: bool | None = None,
        message_kind: str | None = None,
        to_tier: str | None = None,
        packet: tuple[bool, bool, bool, bool] | None = None,
        queue: str | None = None,
        status: str | None = None,
        workflow_id: str | None = None,
        resolution_code: str | None = None,
        handle_seconds: int | None = None,
    ) -> None:
        if at > self.horizon:
            return
        summary, identifiers, repro, evidence = packet if packet else (None, None, None, None)
        self.events.append(
            (
                at,
                event_type,
                actor_type,
                actor_id,
                is_public,
                message_kind,
                to_tier,
                summary,
                identifiers,
                repro,
                evidence,
                queue,
                status,
                workflow_id,
                resolution_code,
                handle_seconds,
            )
        )

    def message(
        self,
        at: int,
        actor_type: str,
        actor_id: str | None,
        kind: str,
        public: bool = True,
        handle_seconds: int | None = None,
    ) -> None:
        self.add(
            at, "message", actor_type, actor_id, is_public=public, message_kind=kind, handle_seconds=handle_seconds
        )


def _minutes(rng: random.Random, median: float, sigma: float = 0.8) -> int:
    """A log-normal duration in whole seconds (at least 1) with the given median in minutes."""
    return max(1, int(60.0 * median * math.exp(rng.gauss(0.0, sigma))))


def _pick(rng: random.Random, names: tuple[str, ...], weights: tuple[float, ...]) -> str:
    return rng.choices(names, weights)[0]


def _business(at: int, channel: str) -> int:
    """Humans answer email, web and social in staffed hours (07-19 UTC, Monday to Friday)."""
    if channel in ("chat", "phone"):
        return at
    day, second = divmod(at, 86_400)
    weekday = (day + 3) % 7  # 1970-01-01 was a Thursday; 0 = Monday
    if weekday < 5 and 7 * 3600 <= second < 19 * 3600:
        return at
    if weekday < 5 and second < 7 * 3600:
        return day * 86_400 + 7 * 3600 + (at % 1800)
    next_day = day + 1
    while (next_day + 3) % 7 >= 5:
        next_day += 1
    return next_day * 86_400 + 7 * 3600 + (at % 1800)


class Simulator:
    """Simulates tickets by index for one config; repeat contacts look back at their parents."""

    def __init__(self, config: GeneratorConfig, population: Population) -> None:
        self.config = config
        self.population = population
        self._cache: OrderedDict[int, TicketSim] = OrderedDict()
        self._ai_deployed = config.ai_only_share + config.ai_to_human_share > 0.0

    def _messy(self, rng: random.Random) -> bool:
        """Whether a messy story (config.MESSY_KINDS) happens here; always one draw."""
        return rng.random() < self.config.messy_rate

    def ticket(self, index: int) -> TicketSim:
        cached = self._cache.get(index)
        if cached is not None:
            self._cache.move_to_end(index)
            return cached
        sim = self._simulate(index)
        self._cache[index] = sim
        if len(self._cache) > 4096:
            self._cache.popitem(last=False)
        return sim

    # -- arrival ---------------------------------------------------------------------------
    def _arrival(self, rng: random.Random) -> int:
        config = self.config
        while True:
            day = rng.randrange(config.days)
            weekday = (config.start_date.weekday() + day) % 7
            if rng.random() < DAY_WEIGHTS[weekday]:
                break
        hour = rng.choices(range(24), HOUR_WEIGHTS)[0]
        return config.start_epoch + day * 86_400 + hour * 3600 + rng.randrange(3600)

    def _effect_strength(
        self, kind: str, created_at: int, issue_type: str = "", queue: str = "", path: str = ""
    ) -> float | None:
        day = (created_at - self.config.start_epoch) // 86_400
        for effect in self.config.effects:
            if effect.kind != kind or not effect.active(day):
                continue
            if effect.issue_type and effect.issue_type != issue_type:
                continue
            if effect.queue and effect.queue != queue:
                continue
            if effect.path and effect.path != path:
                continue
            return effect.strength
        return None

    # -- one ticket ------------------------------------------------------------------------
    def _simulate(self, index: int) -> TicketSim:
        config = self.config
        rng = random.Random(config.seed * 1_000_003 + index)
        created_at = self._arrival(rng)
        customer = rng.randrange(self.population.customers)
        issue_type = _pick(rng, ISSUE_NAMES, ISSUE_WEIGHTS)
        # A repeat contact: the customer of an earlier ticket comes back on the same issue.
        if index > 0 and rng.random() < min(1.0, config.repeat_contact_rate / 0.75):
            parent = self.ticket(index - 1 - rng.randrange(min(index, 200)))
            if parent.path == "ai_only" or rng.random() < 0.6:
                anchor = parent.resolved_at if parent.resolved_at is not None else parent.created_at
                follow_up = anchor + _minutes(rng, 2 * 24 * 60, 1.0)
                if follow_up < config.horizon_epoch:
                    created_at, customer, issue_type = follow_up, parent.customer, parent.issue_type
        queue, technical_share = ISSUE_TYPES[issue_type]
        is_technical = rng.random() < technical_share
        draw = rng.random()
        if draw < config.ai_only_share:
            path = "ai_only"
        elif draw < config.ai_only_share + config.ai_to_human_share:
            path = "ai_to_human"
        else:
            path = "human_only"
        channel = _pick(rng, CHANNELS, CHANNEL_WEIGHTS_AI if path != "human_only" else CHANNEL_WEIGHTS_ALL)
        priority = _pick(rng, PRIORITIES, PRIORITY_WEIGHTS)
        product_area = rng.choice(PRODUCT_AREAS) if rng.random() > 0.1 else None
        account = (
            None if rng.random() < config.missing_account_rate else account_id(self.population.account_of(customer))
        )

        log = _Log(config.horizon_epoch)
        log.message(created_at, "customer", None, "question")
        log.add(created_at, "status_change", "system", status="open")
        experience = {"bad": 0.0}
        if path == "human_only":
            if self._messy(rng) and self._ai_deployed:  # ai_ack_on_human: the AI only acknowledges
                log.message(created_at + 1 + rng.randrange(5), "ai", AI_AGENT_ID, "acknowledgement")
            solved_at = self._human_phase(
                rng,
                log,
                created_at,
                channel,
                queue,
                issue_type,
                is_technical,
                priority,
                incomplete_context=False,
                experience=experience,
            )
        else:
            silent = path == "ai_to_human" and self._messy(rng)
            t = self._silent_triage(rng, log, created_at) if silent else self._ai_phase(rng, log, created_at)
            if path == "ai_only":
                solved_at = self._ai_resolution(rng, log, t)
            else:
                t += _minutes(rng, 2.0)
                packet = self._packet(rng, "ai_handoff", created_at)
                log.add(t, "handoff", "ai", AI_AGENT_ID, packet=packet)
                incomplete = not (packet[0] and packet[1])
                solved_at = self._human_phase(
                    rng,
                    log,
                    t,
                    channel,
                    queue,
                    issue_type,
                    is_technical,
                    priority,
                    incomplete_context=incomplete,
                    experience=experience,
                )
        resolved_at = solved_at
        if solved_at is not None:
            resolved_at = self._maybe_reopen(
                rng, log, solved_at, path, issue_type, created_at, channel, queue, experience
            )
            if resolved_at is not None and rng.random() < 0.7:
                log.add(resolved_at + 3 * 86_400 + rng.randrange(3600), "status_change", "system", status="closed")
        surveys = self._surveys(rng, index, resolved_at, experience) if resolved_at is not None else []
        surveys = [survey for survey in surveys if survey[2] <= config.horizon_epoch]
        events = sorted(log.events, key=lambda event: event[0])
        updated_at = max(created_at, events[-1][0]) if events else created_at
        ticket_id = f"T{index:08d}"
        row: TicketRow = (
            ticket_id,
            customer_id(customer),
            account,
            created_at,
            channel,
            issue_type,
            product_area,
            priority,
            is_technical,
            updated_at,
        )
        final_resolution = resolved_at if resolved_at is not None and resolved_at <= config.horizon_epoch else None
        return TicketSim(row, events, surveys, path, customer, issue_type, created_at, final_resolution)

    # -- phases ----------------------------------------------------------------------------
    def _ai_phase(self, rng: random.Random, log: _Log, t: int) -> int:
        """The AI acknowledges and/or answers within seconds; it always writes to the customer."""
        if rng.random() < 0.3:
            t += 2 + rng.randrange(10)
            log.message(t, "ai", AI_AGENT_ID, "acknowledgement")
        if rng.random() < 0.5:
            t += 5 + rng.randrange(20)
            log.add(t, "problem_confirmed", "ai", AI_AGENT_ID)
        t += max(3, int(40 * math.exp(rng.gauss(0.0, 0.6))))
        log.message(t, "ai", AI_AGENT_ID, "answer")
        return t

    def _silent_triage(self, rng: random.Random, log: _Log, t: int) -> int:
        """silent_ai_triage: the AI reads and classifies but writes only an internal note."""
        t += 2 + rng.randrange(20)
        log.message(t, "ai", AI_AGENT_ID, "note", public=False)
        if rng.random() < 0.5:
            t += 5 + rng.randrange(20)
            log.add(t, "problem_confirmed", "ai", AI_AGENT_ID)
        return t

    def _ai_resolution(self, rng: random.Random, log: _Log, t: int) -> int | None:
        if rng.random() < 0.1:
            log.add(t + 5 + rng.randrange(30), "workflow_applied", "ai", AI_AGENT_ID, workflow_id="wf_ai_faq")
        if rng.random() < 0.2:
            t += _minutes(rng, 5.0)
            log.message(t, "customer", None, "question")
            t += max(3, int(30 * math.exp(rng.gauss(0.0, 0.6))))
            log.message(t, "ai", AI_AGENT_ID, "answer")
        if rng.random() < 0.1:  # the customer goes quiet: pending, then solved automatically
            t += _minutes(rng, 60.0)
            log.add(t, "status_change", "system", status="pending")
            t += AUTO_SOLVE_SECONDS + rng.randrange(86_400)
            log.add(t, "status_change", "system", status="solved")
            return t
        t += _minutes(rng, 2.0)
        log.message(t, "ai", AI_AGENT_ID, "resolution")
        log.add(t, "status_change", "ai", AI_AGENT_ID, status="solved")
        return t

    def _packet(self, rng: random.Random, kind: str, created_at: int) -> tuple[bool, bool, bool, bool]:
        """The context packet of a handoff or escalation: incomplete at the configured rate."""
        rate = self.config.incomplete_packet_rate
        loss = self._effect_strength("handoff_packet_loss", created_at) if kind == "ai_handoff" else None
        summary, identifiers = True, True
        if rng.random() < rate:
            which = rng.random()  # the summary, the identifiers, or both go missing
            summary = 0.5 <= which < 0.85
            identifiers = which < 0.5
        if loss is not None and rng.random() < loss:
            summary = False
        if kind == "engineering":
            repro, evidence = rng.random() > rate / 2, rng.random() > rate / 2
        else:
            repro, evidence = rng.random() < 0.3, rng.random() < 0.3
        return summary, identifiers, repro, evidence

    def _human_phase(
        self,
        rng: random.Random,
        log: _Log,
        t: int,
        channel: str,
        queue: str,
        issue_type: str,
        is_technical: bool,
        priority: str,
        *,
        incomplete_context: bool,
        experience: dict[str, float],
    ) -> int | None:
        population = self.population
        speed = 0.5 if priority == "urgent" else 1.0
        agent = rng.choice(population.l1_agents[queue])
        # same_instant: routed at the very second of the handoff (or of the creation)
        t_assign = t if self._messy(rng) else t + _minutes(rng, 1.0 if channel in ("chat", "phone") else 10.0)
        misroute = self._effect_strength("misroute_queue", t, queue=queue)
        if rng.random() < (misroute if misroute is not None else self.config.misroute_rate):
            wrong = rng.choice([other for other in QUEUES if other != queue])
            log.add(t_assign, "assignment", "agent", rng.choice(population.l1_agents[wrong]), queue=wrong)
            t_assign += _minutes(rng, 40.0)
            experience["bad"] += 0.3
        # owner_change (on fewer tickets than the other stories: each one is a misroute)
        if rng.random() < self.config.messy_rate * OWNER_CHANGE_SHARE:
            colleague = rng.choice([other for other in population.l1_agents[queue] if other != agent])
            log.add(t_assign, "assignment", "agent", colleague, queue=queue)
            t_assign += _minutes(rng, 20.0)
            experience["bad"] += 0.2
        log.add(t_assign, "assignment", "agent", agent, queue=queue)
        t = t_assign
        if is_technical and self._messy(rng):  # engineer_without_escalation: asked in passing
            engineer = rng.choice(population.engineers)
            t += _minutes(rng, 20.0)
            log.message(t, "engineer", engineer, "note", public=False, handle_seconds=_minutes(rng, 10.0, 0.5))
            t += _minutes(rng, 20.0)
            log.add(t, "evidence", "engineer", engineer, handle_seconds=_minutes(rng, 15.0))
        if (incomplete_context and rng.random() < 0.75) or rng.random() < 0.05:
            t += _minutes(rng, 4.0)
            log.add(t, "context_request", "agent", agent, handle_seconds=_minutes(rng, 2.0, 0.5))
            t += _minutes(rng, HUMAN_REPLY_MINUTES[channel] / 2)
            log.message(t, "customer", None, "question")
            experience["bad"] += 0.6
        reply_median = HUMAN_REPLY_MINUTES[channel] * speed
        if channel in ("email", "web") and rng.random() < 0.25:
            log.message(
                _business(t + _minutes(rng, 5.0), channel),
                "agent",
                agent,
                "acknowledgement",
                handle_seconds=_minutes(rng, 1.0, 0.4),
            )
        t = _business(t + _minutes(rng, reply_median), channel)
        if rng.random() < 0.7:
            log.add(t, "problem_confirmed", "agent", agent)
        if rng.random() < (0.65 if is_technical else 0.15):
            log.add(
                t_assign + _minutes(rng, 45.0, 1.0), "evidence", "agent", agent, handle_seconds=_minutes(rng, 15.0, 0.6)
            )
        if rng.random() < 0.3:
            log.add(t, "workflow_applied", "agent", agent, workflow_id=f"wf_{issue_type}")
        log.message(t, "agent", agent, "answer", handle_seconds=_minutes(rng, 8.0, 0.6))
        if is_technical and rng.random() < 0.15:
            t = self._escalate(rng, log, t, "l2", channel, agent, experience)
        if is_technical and rng.random() < self.config.engineering_escalation_rate:
            t = self._escalate(rng, log, t, "engineering", channel, agent, experience)
        if rng.random() < 0.15:
            t += _minutes(rng, HUMAN_REPLY_MINUTES[channel])
            log.message(t, "customer", None, "question")
            t = _business(t + _minutes(rng, reply_median), channel)
            log.message(t, "agent", agent, "answer", handle_seconds=_minutes(rng, 6.0, 0.6))
        if rng.random() < 0.04:  # waiting on the customer, who goes quiet: solved automatically
            t += _minutes(rng, 30.0)
            log.add(t, "status_change", "agent", agent, status="pending")
            t += AUTO_SOLVE_SECONDS + rng.randrange(86_400)
            log.add(t, "status_change", "system", status="solved")
            return t
        t += _minutes(rng, 20.0)
        log.message(t, "agent", agent, "resolution", handle_seconds=_minutes(rng, 4.0, 0.5))
        log.add(t, "status_change", "agent", agent, status="solved")
        return t

    def _escalate(
        self,
        rng: random.Random,
        log: _Log,
        t: int,
        tier: str,
        channel: str,
        sender: str,
        experience: dict[str, float],
    ) -> int:
        population = self.population
        kind = "engineering" if tier == "engineering" else "tier_escalation"
        packet = self._packet(rng, kind, t)
        t += _minutes(rng, 15.0)
        log.add(t, "escalation", "agent", None, to_tier=tier, packet=packet, handle_seconds=_minutes(rng, 6.0, 0.5))
        incomplete = not all(packet) if tier == "engineering" else not (packet[0] and packet[1])
        if tier == "engineering":
            receiver, receiver_type, queue = rng.choice(population.engineers), "engineer", "engineering"
        else:
            receiver, receiver_type, queue = rng.choice(population.l2_agents), "agent", "l2_support"
        t += _minutes(rng, 60.0 if tier == "engineering" else 20.0)
        log.add(t, "assignment", receiver_type, receiver, queue=queue)
        if self._messy(rng):  # late_context_request: the sender updates the customer, then the ask
            t += _minutes(rng, 5.0)
            log.message(t, "agent", sender, "answer", handle_seconds=_minutes(rng, 2.0, 0.4))
            t += _minutes(rng, 30.0)
            log.add(t, "context_request", receiver_type, receiver, handle_seconds=_minutes(rng, 3.0, 0.5))
            experience["bad"] += 0.5
        elif (incomplete and rng.random() < 0.7) or rng.random() < 0.05:
            t += _minutes(rng, 30.0)
            log.add(t, "context_request", receiver_type, receiver, handle_seconds=_minutes(rng, 3.0, 0.5))
            experience["bad"] += 0.5
        if tier == "engineering":
            t += _minutes(rng, 6 * 60.0, 1.0)
            log.add(t, "evidence", "engineer", receiver, handle_seconds=_minutes(rng, 40.0, 0.7))
            t += _minutes(rng, 24 * 60.0, 1.0)
            code = _pick(rng, RESOLUTION_CODES, RESOLUTION_WEIGHTS)
            log.add(
                t,
                "engineering_resolution",
                "engineer",
                receiver,
                resolution_code=code,
                handle_seconds=_minutes(rng, 30.0, 0.7),
            )
            if code in ("user_error", "not_reproducible", "no_action_needed"):
                experience["bad"] += 0.3
        else:
            t = _business(t + _minutes(rng, 90.0), channel)
            log.message(t, "agent", receiver, "answer", handle_seconds=_minutes(rng, 12.0, 0.6))
        return t

    def _maybe_reopen(
        self,
        rng: random.Random,
        log: _Log,
        solved_at: int,
        path: str,
        issue_type: str,
        created_at: int,
        channel: str,
        queue: str,
        experience: dict[str, float],
    ) -> int | None:
        rate = self.config.reopen_rate * {"ai_only": 1.6, "ai_to_human": 1.0, "human_only": 0.7}[path]
        multiplier = self._effect_strength("reopen_multiplier", created_at, issue_type=issue_type, path=path)
        if multiplier is not None:
            rate *= multiplier
        if rng.random() >= min(1.0, rate):
            return solved_at
        experience["bad"] += 0.8
        t = solved_at + _minutes(rng, 24 * 60.0, 1.0)
        log.message(t, "customer", None, "question")
        # solved_open_reopen: some helpdesks log a reopen as a plain return to open
        log.add(t, "status_change", "system", status="open" if self._messy(rng) else "reopened")
        if path == "ai_only":
            t += max(3, int(40 * math.exp(rng.gauss(0.0, 0.6))))
            log.message(t, "ai", AI_AGENT_ID, "resolution")
            log.add(t, "status_change", "ai", AI_AGENT_ID, status="solved")
            return t
        agent = rng.choice(self.population.l1_agents[queue])
        t = _business(t + _minutes(rng, HUMAN_REPLY_MINUTES[channel]), channel)
        log.message(t, "agent", agent, "resolution", handle_seconds=_minutes(rng, 10.0, 0.6))
        log.add(t, "status_change", "agent", agent, status="solved")
        return t

    def _surveys(
        self, rng: random.Random, index: int, resolved_at: int, experience: dict[str, float]
    ) -> list[SurveyRow]:
        if rng.random() >= self.config.survey_rate:
            return []
        bad = experience["bad"]
        responded_at = resolved_at + _minutes(rng, 240.0, 1.0)
        quality = 4.4 - 1.4 * bad + rng.gauss(0.0, 0.8)
        csat = min(5, max(1, round(quality)))
        ces = min(7, max(1, round(2.2 + 1.8 * bad + rng.gauss(0.0, 1.0))))
        nps = min(10, max(0, round(8.3 - 2.5 * bad + rng.gauss(0.0, 1.5))))
        response_id, ticket_id = f"S{index:08d}", f"T{index:08d}"
        if self._messy(rng):  # multi_survey: CSAT and CES first, NPS alone a day later, maybe a new CSAT
            later = responded_at + _minutes(rng, 24 * 60.0, 0.5)
            rows: list[SurveyRow] = [
                (response_id, ticket_id, responded_at, csat, ces, None),
                (f"{response_id}b", ticket_id, later, None, None, nps),
            ]
            if rng.random() < 0.5:
                revised = min(5, max(1, csat + rng.choice((-1, 1))))
                rows.append((f"{response_id}c", ticket_id, later + _minutes(rng, 60.0), revised, None, None))
            return rows
        shape = rng.random()
        if shape < 0.4:
            return [(response_id, ticket_id, responded_at, csat, None, None)]
        if shape < 0.7:
            return [(response_id, ticket_id, responded_at, csat, ces, None)]
        return [(response_id, ticket_id, responded_at, csat, ces, nps)]
