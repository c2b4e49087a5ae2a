-- Each ticket's support path agrees with its events, checked straight from the canonical event
-- log (not from the aggregation the path was computed from): ai_only and ai_to_human tickets have
-- a public AI message, human_only tickets none; ai_only tickets have no handoff and no public
-- human message; ai_to_human tickets have one of the two. Returns the tickets that disagree.
with

evidence as (
    select
        ticket_id,
        max(case when event_type = 'message' and is_public and actor_type = 'ai' then 1 else 0 end)
            as has_ai_public_message,
        max(case when event_type = 'message' and is_public and actor_type in ('agent', 'engineer') then 1 else 0 end)
            as has_human_public_message,
        max(case when event_type = 'handoff' then 1 else 0 end) as has_handoff
    from {{ ref('int_ticket_events_conformed') }}
    group by ticket_id
),

tickets as (
    select
        ticket_id,
        support_path
    from {{ ref('fct_tickets') }}
)

select
    tickets.ticket_id,
    tickets.support_path,
    coalesce(evidence.has_ai_public_message, 0) as has_ai_public_message,
    coalesce(evidence.has_human_public_message, 0) as has_human_public_message,
    coalesce(evidence.has_handoff, 0) as has_handoff
from tickets
left join evidence
    on tickets.ticket_id = evidence.ticket_id
where
    (tickets.support_path = 'human_only' and coalesce(evidence.has_ai_public_message, 0) = 1)
    or (tickets.support_path != 'human_only' and coalesce(evidence.has_ai_public_message, 0) = 0)
    or (tickets.support_path = 'ai_only' and (evidence.has_handoff = 1 or evidence.has_human_public_message = 1))
    or (tickets.support_path = 'ai_to_human' and evidence.has_handoff = 0 and evidence.has_human_public_message = 0)
