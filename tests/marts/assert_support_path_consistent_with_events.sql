-- Each ticket's support path agrees with its events, checked straight from the canonical event
-- log (not from the aggregation the path was computed from). The path follows the work: the AI
-- worked when it wrote to the customer anything but an acknowledgement, or handed off; humans
-- worked when an agent or engineer did anything but be assigned, or the ticket was escalated or
-- engineering resolved its part. A handoff makes ai_to_human; without one, no AI work makes
-- human_only, AI work with human work ai_to_human, AI work alone ai_only. Returns the tickets
-- that disagree.
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

compared as (
    select
        tickets.ticket_id,
        tickets.support_path,
        coalesce(evidence.has_ai_reply, 0) as has_ai_reply,
        coalesce(evidence.has_human_work, 0) as has_human_work,
        coalesce(evidence.has_handoff, 0) as has_handoff
    from tickets
    left join evidence
        on tickets.ticket_id = evidence.ticket_id
)

select *
from compared
where
    (support_path = 'ai_to_human' and has_handoff = 0 and (has_ai_reply = 0 or has_human_work = 0))
    or (support_path = 'ai_only' and (has_handoff = 1 or has_ai_reply = 0 or has_human_work = 1))
    or (support_path = 'human_only' and (has_handoff = 1 or has_ai_reply = 1))
