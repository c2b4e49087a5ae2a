-- One pass over the event log: per ticket, the first and last moments and the counts every metric
-- needs. Metrics read this model instead of scanning the events again. Events are numbered by the
-- one ordering rule first (macro event_sequence). The final resolution needs the status changes in
-- order, so those (a small share of the events) get a second, narrow pass.
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

-- Every event's place in its ticket by the one ordering rule (macro event_order): ties at one
-- instant are decided the same way here, in the backlog's intervals and in the escalation windows.
sequenced as (
    select
        *,
        {{ event_sequence() }} as event_sequence
    from events_in_increment
),

-- The last handoff or escalation of the ticket: an answer before it was handed off or escalated
-- past, so it is not a useful reply (macro is_useful_reply).
events as (
    select
        *,
        max(case when {{ is_transfer() }} then event_sequence end)
            over (partition by ticket_id) as last_transfer_sequence
    from sequenced
),

status_changes as (
    select
        ticket_id,
        occurred_at,
        status,
        event_sequence,
        lag(status) over (partition by ticket_id order by event_sequence) as previous_status,
        max(event_sequence) over (partition by ticket_id) as last_status_sequence
    from events
    where event_type = 'status_change'
),

-- Resolutions start where a solved/closed status follows a status that was not one (a `closed`
-- after `solved` is bookkeeping). The ticket is resolved when its last status is solved or
-- closed, at the start of that last resolution. A reopen is an explicit `reopened` or a return
-- from solved/closed to open or pending.
resolutions as (
    select
        ticket_id,
        max(case
            when event_sequence = last_status_sequence and status in ('solved', 'closed') then 1 else 0
        end) as is_resolved_now,
        max(case when {{ is_resolution_start() }} then occurred_at end) as last_resolved_at,
        min(case when {{ is_resolution_start() }} then occurred_at end) as first_resolved_at,
        {{ count_if(is_reopen()) }} as reopen_count
    from status_changes
    group by ticket_id
),

-- Routing before the first escalation: a move to another queue after an escalation is the
-- escalation itself, not a misroute.
routing as (
    select
        ticket_id,
        event_sequence,
        event_type,
        actor_type,
        actor_id,
        queue,
        occurred_at,
        min(case when event_type = 'escalation' then event_sequence end)
            over (partition by ticket_id) as first_escalation_sequence,
        min(case when event_type = 'escalation' then occurred_at end)
            over (partition by ticket_id) as first_escalated_at
    from events
    where event_type in ('assignment', 'escalation')
),

routing_before_escalation as (
    select
        ticket_id,
        count(distinct queue) as distinct_queue_count
    from routing
    where
        event_type = 'assignment'
        and (first_escalation_sequence is null or event_sequence < first_escalation_sequence)
    group by ticket_id
),

-- Routing that could be wrong (macro misroute_rate): assignments before the first escalation to a
-- human queue or owner. The AI's own front-line assignments (assignee type ai) are where a ticket
-- starts, not a routing decision; a queue without an assignee has no owner (actor_id null).
human_routing as (
    select
        ticket_id,
        count(*) as human_routing_count,
        count(distinct queue) as routed_queue_count,
        count(distinct actor_id) as routed_owner_count
    from routing
    where
        event_type = 'assignment'
        and actor_type <> 'ai'
        -- by time: an assignment at the instant of the escalation is the escalation's routing
        -- (a helpdesk that logs the move into the tier's group with the new assignee, as Zendesk)
        and (first_escalated_at is null or occurred_at < first_escalated_at)
    group by ticket_id
),

aggregated as (
    select
        ticket_id,
        count(*) as event_count,

        -- Replies
        min(case when {{ is_public_reply() }} then occurred_at end) as first_response_at,
        min(case when {{ is_useful_reply() }} then occurred_at end) as first_useful_reply_at,
        min(case when {{ is_useful_reply() }} then event_sequence end) as first_useful_reply_sequence,
        min(case when {{ is_useful_reply(human_actor_types()) }} then occurred_at end)
            as first_human_useful_reply_at,
        min(case when {{ is_answer_reply() }} then event_sequence end) as first_answer_sequence,
        {{ count_if(is_ai_reply()) }} as ai_reply_count,
        min(case when {{ is_public_reply(['ai']) }} then occurred_at end) as first_ai_public_message_at,
        min(case when {{ is_public_reply(human_actor_types()) }} then occurred_at end)
            as first_human_public_message_at,
        max(case when event_type = 'message' and actor_type = 'customer' then occurred_at end)
            as last_customer_message_at,
        max(case when event_type = 'message' and actor_type = 'customer' then event_sequence end)
            as last_customer_message_sequence,

        -- Handoffs, escalations, routing
        min(case when event_type = 'handoff' then occurred_at end) as first_handoff_at,
        {{ count_if("event_type = 'handoff'") }} as handoff_count,
        {{ count_if("event_type = 'escalation' and to_tier = 'engineering'") }}
            as engineering_escalation_count,
        {{ count_if("event_type = 'escalation'") }} as escalation_count,
        min(case when event_type = 'assignment' and {{ is_human_actor() }} then occurred_at end)
            as first_human_assignment_at,
        {{ count_if("event_type = 'assignment'") }} as assignment_count,
        max(case when event_type = 'assignment' then occurred_at end) as last_assignment_at,

        -- Investigation
        min(case when event_type = 'evidence' then occurred_at end) as first_evidence_at,
        min(case when event_type = 'problem_confirmed' then occurred_at end) as first_problem_confirmed_at,
        {{ count_if("event_type = 'workflow_applied'") }} as workflow_applied_count,

        -- Engineering work, with or without an escalation event (macro solve_without_engineering_rate)
        {{ count_if(solve_without_engineering_rate("engineering_work")) }}
            as engineering_work_event_count,

        -- Work
        cast(sum(case when {{ is_human_actor() }} then handle_seconds end) as {{ dbt.type_bigint() }})
            as human_handle_seconds,
        {{ count_if(is_human_actor()) }} as human_event_count,
        {{ count_if(is_human_work()) }} as human_work_event_count

    from events
    group by ticket_id
)

select
    aggregated.*,
    resolutions.first_resolved_at,
    resolutions.last_resolved_at,
    case when resolutions.is_resolved_now = 1 then resolutions.last_resolved_at end as resolved_at,
    coalesce(resolutions.reopen_count, 0) as reopen_count,
    coalesce(routing_before_escalation.distinct_queue_count, 0) as distinct_queue_count,
    coalesce(human_routing.human_routing_count, 0) as human_routing_count,
    coalesce(human_routing.routed_queue_count, 0) as routed_queue_count,
    coalesce(human_routing.routed_owner_count, 0) as routed_owner_count
from aggregated
left join resolutions
    on aggregated.ticket_id = resolutions.ticket_id
left join routing_before_escalation
    on aggregated.ticket_id = routing_before_escalation.ticket_id
left join human_routing
    on aggregated.ticket_id = human_routing.ticket_id
