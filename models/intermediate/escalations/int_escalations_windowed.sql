-- One row per handoff (AI to human) or escalation (human to a higher tier), with its window: from
-- the event after it (by the one ordering rule) to the ticket's next handoff/escalation. What the receiving side did in
-- that window decides whether the escalation was rework.
{{ config(
    materialized=incremental_materialization(),
    incremental_strategy='replace_tickets',
    on_schema_change='fail',
) }}
-- Incremental: a run rebuilds the tickets of int_tickets_in_increment (strategy replace_tickets).
-- depends_on: {{ ref('int_tickets_in_increment') }}
with

events_in_increment as (
    select * from {{ ref('int_ticket_events_conformed') }}
    where {{ in_ticket_increment() }}
),

-- Events in the one order (macro event_order), so that ties at one instant are decided as in
-- fct_tickets and the backlog; an answer followed by a later handoff or escalation is not a
-- useful reply (macro is_useful_reply).
sequenced as (
    select
        *,
        {{ event_sequence() }} as event_sequence
    from events_in_increment
),

events as (
    select
        *,
        max(case when {{ is_transfer() }} then event_sequence end)
            over (partition by ticket_id) as last_transfer_sequence
    from sequenced
),

agents as (
    select * from {{ ref('int_agents_conformed') }}
),

escalations as (
    select
        event_id as escalation_id,
        ticket_id,
        occurred_at as escalated_at,
        event_sequence as escalation_sequence,
        packet_has_summary,
        packet_has_identifiers,
        packet_has_repro,
        packet_has_evidence,
        case
            when event_type = 'handoff' then 'ai_handoff'
            when to_tier = 'engineering' then 'engineering'
            else 'tier_escalation'
        end as escalation_kind,
        -- Who receives it, as a tier rank (1 l1, 2 l2, 3 engineering): a handoff goes to any
        -- human, an escalation to its tier or above.
        case
            when event_type = 'handoff' then 1
            when to_tier = 'engineering' then 3
            else 2
        end as receiver_tier_rank,
        lead(occurred_at) over (partition by ticket_id order by event_sequence) as next_escalated_at,
        lead(event_sequence) over (partition by ticket_id order by event_sequence)
            as next_escalation_sequence
    from events
    where {{ is_transfer() }}
),

-- The events of escalated tickets that matter after an escalation, with the tier of who acted:
-- an engineer (or an agent of an engineering tier) ranks 3, an l2 agent 2, anyone else 1.
later_events as (
    select
        events.ticket_id,
        events.occurred_at,
        events.event_sequence,
        events.event_type,
        events.resolution_code,
        {{ is_useful_reply(human_actor_types()) }} as is_human_useful_reply,
        {{ is_answer_reply(human_actor_types()) }} as is_human_answer,
        case
            when events.actor_type = 'engineer' or agents.tier = 'engineering' then 3
            when agents.tier = 'l2' then 2
            else 1
        end as actor_tier_rank
    from events
    left join agents
        on events.actor_id = agents.agent_id
    where
        events.ticket_id in (select escalated.ticket_id from escalations as escalated)
        and (
            {{ is_answer_reply(human_actor_types()) }}
            or events.event_type in ('context_request', 'engineering_resolution')
        )
),

first_after as (
    select
        escalations.escalation_id,
        min(case when later_events.is_human_useful_reply then later_events.occurred_at end)
            as first_human_useful_reply_at,
        -- The receiver's own first answer: the sender's public update to the customer after
        -- escalating does not show that the receiver had the context it needed. An answer the
        -- ticket was later escalated past still shows the receiver had it.
        min(case
            when
                later_events.is_human_answer
                and later_events.actor_tier_rank >= escalations.receiver_tier_rank
                then later_events.occurred_at
        end) as first_receiver_useful_reply_at,
        min(case
            when
                later_events.event_type = 'context_request'
                and (
                    escalations.next_escalation_sequence is null
                    or later_events.event_sequence < escalations.next_escalation_sequence
                )
                then later_events.occurred_at
        end) as first_context_request_at,
        min(case
            when
                later_events.event_type = 'engineering_resolution'
                and (
                    escalations.next_escalation_sequence is null
                    or later_events.event_sequence < escalations.next_escalation_sequence
                )
                then later_events.occurred_at
        end) as engineering_resolved_at
    from escalations
    inner join later_events
        on
            escalations.ticket_id = later_events.ticket_id
            and escalations.escalation_sequence < later_events.event_sequence
    group by escalations.escalation_id
),

resolution_codes as (
    -- The code of the first engineering resolution in the window (first by time, then by code,
    -- so that two resolutions at the same instant still give one deterministic answer).
    select
        first_after.escalation_id,
        min(later_events.resolution_code) as resolution_code
    from first_after
    inner join escalations
        on first_after.escalation_id = escalations.escalation_id
    inner join later_events
        on
            escalations.ticket_id = later_events.ticket_id
            and later_events.event_type = 'engineering_resolution'
            and first_after.engineering_resolved_at = later_events.occurred_at
    group by first_after.escalation_id
)

select
    escalations.escalation_id,
    escalations.ticket_id,
    escalations.escalation_kind,
    escalations.escalated_at,
    escalations.next_escalated_at,
    escalations.packet_has_summary,
    escalations.packet_has_identifiers,
    escalations.packet_has_repro,
    escalations.packet_has_evidence,
    first_after.first_human_useful_reply_at,
    first_after.first_receiver_useful_reply_at,
    first_after.first_context_request_at,
    first_after.engineering_resolved_at,
    resolution_codes.resolution_code
from escalations
left join first_after
    on escalations.escalation_id = first_after.escalation_id
left join resolution_codes
    on escalations.escalation_id = resolution_codes.escalation_id
