-- Each canonical ticket with its aggregated events and its one support path. Tickets without any
-- event (possible in a partial export) are kept: no AI message, so `human_only`, nothing resolved.
with

tickets as (
    select * from {{ ref('int_tickets_conformed') }}
),

ticket_events as (
    select * from {{ ref('int_ticket_events_aggregated_to_tickets') }}
),

joined as (
    select
        tickets.ticket_id,
        tickets.customer_id,
        tickets.account_id,
        tickets.created_at,
        tickets.channel,
        tickets.issue_type,
        tickets.product_area,
        tickets.priority,
        tickets.is_technical,
        ticket_events.first_response_at,
        ticket_events.first_useful_reply_at,
        ticket_events.first_useful_reply_sequence,
        ticket_events.first_answer_sequence,
        ticket_events.first_human_useful_reply_at,
        ticket_events.first_ai_public_message_at,
        ticket_events.first_human_public_message_at,
        ticket_events.last_customer_message_at,
        ticket_events.last_customer_message_sequence,
        ticket_events.first_handoff_at,
        ticket_events.first_human_assignment_at,
        ticket_events.first_evidence_at,
        ticket_events.first_problem_confirmed_at,
        ticket_events.resolved_at,
        ticket_events.first_resolved_at,
        ticket_events.last_resolved_at,
        ticket_events.human_handle_seconds,
        coalesce(ticket_events.event_count, 0) as event_count,
        coalesce(ticket_events.handoff_count, 0) as handoff_count,
        coalesce(ticket_events.escalation_count, 0) as escalation_count,
        coalesce(ticket_events.engineering_escalation_count, 0) as engineering_escalation_count,
        coalesce(ticket_events.assignment_count, 0) as assignment_count,
        coalesce(ticket_events.distinct_queue_count, 0) as distinct_queue_count,
        coalesce(ticket_events.workflow_applied_count, 0) as workflow_applied_count,
        coalesce(ticket_events.reopen_count, 0) as reopen_count,
        coalesce(ticket_events.human_event_count, 0) as human_event_count,
        coalesce(ticket_events.human_work_event_count, 0) as human_work_event_count,
        coalesce(ticket_events.ai_reply_count, 0) as ai_reply_count,
        -- Inputs of misroute and solve without engineering (their metric macros)
        coalesce(ticket_events.human_routing_count, 0) as human_routing_count,
        coalesce(ticket_events.routed_queue_count, 0) as routed_queue_count,
        coalesce(ticket_events.routed_owner_count, 0) as routed_owner_count,
        coalesce(ticket_events.engineering_work_event_count, 0) as engineering_work_event_count
    from tickets
    left join ticket_events
        on tickets.ticket_id = ticket_events.ticket_id
),

classified as (
    select
        *,
        {{ support_path() }} as support_path
    from joined
)

select
    *,
    -- The AI took part in the work (it replied, not just acknowledged, or handed off): the path is
    -- not human_only.
    support_path <> 'human_only' as is_ai_touched,
    resolved_at is not null as is_resolved,
    first_resolved_at is not null as was_ever_resolved,
    {{ reopen_rate('row') }} as is_reopened,
    -- The repeat-contact window opens at the first resolution (a return between a solve and a
    -- later reopen is a return) and closes repeat_contact_window_days after the last one. A
    -- ticket never resolved opens no window: a contact while it is open is a parallel contact.
    first_resolved_at as repeat_window_start_at,
    {{ dbt.dateadd('day', number_var('repeat_contact_window_days'), 'last_resolved_at') }} as repeat_window_end_at
from classified
