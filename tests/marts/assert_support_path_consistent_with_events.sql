-- Each ticket's support path agrees with its events, checked straight from the canonical event
-- log (not from the aggregation the path was computed from), by the rule "the path follows the
-- work": a handoff makes it ai_to_human; without AI work (the AI wrote to the customer anything
-- but an acknowledgement) it is human_only (an acknowledgement or internal note alone is not AI
-- work); with it, human work (anything an agent or engineer did but be assigned, an escalation,
-- an engineering resolution) makes it ai_to_human, none ai_only. Returns the tickets that disagree.
with

evidence as (
    select
        ticket_id,
        max(case
            when
                event_type = 'message' and is_public and actor_type = 'ai'
                and coalesce(message_kind, '') <> 'acknowledgement'
                then 1
            else 0
        end) as has_ai_reply,
        max(case
            when
                (actor_type in ('agent', 'engineer') and event_type <> 'assignment')
                or event_type in ('escalation', 'engineering_resolution')
                then 1
            else 0
        end) as has_human_work,
        max(case when event_type = 'handoff' then 1 else 0 end) as has_handoff
    from {{ ref('int_ticket_events_conformed') }}
    group by ticket_id
),

tickets as (
    select
        ticket_id,
        support_path
    from {{ ref('fct_tickets') }}
),

expected as (
    select
        tickets.ticket_id,
        tickets.support_path,
        coalesce(evidence.has_ai_reply, 0) as has_ai_reply,
        coalesce(evidence.has_human_work, 0) as has_human_work,
        coalesce(evidence.has_handoff, 0) as has_handoff,
        case
            when coalesce(evidence.has_handoff, 0) = 1 then 'ai_to_human'
            when coalesce(evidence.has_ai_reply, 0) = 0 then 'human_only'
            when coalesce(evidence.has_human_work, 0) = 1 then 'ai_to_human'
            else 'ai_only'
        end as expected_path
    from tickets
    left join evidence
        on tickets.ticket_id = evidence.ticket_id
)

select *
from expected
where support_path <> expected_path
