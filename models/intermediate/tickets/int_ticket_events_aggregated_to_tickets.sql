-- One pass over the event log: per ticket, the first and last moments and the counts every metric
-- needs. Metrics read this model instead of scanning the events again. The final resolution needs
-- the status changes in order, so those (a small share of the events) get a second, narrow pass.
{{ config(
    materialized=incremental_materialization(),
    incremental_strategy='replace_tickets',
    on_schema_change='fail',
) }}
-- Incremental: a run rebuilds the tickets of int_tickets_in_increment (strategy replace_tickets).
-- depends_on: {{ ref('int_tickets_in_increment') }}
with

events as (
    select * from {{ ref('int_ticket_events_conformed') }}
    where {{ in_ticket_increment() }}
),

status_changes as (
    select
        ticket_id,
        occurred_at,
        status,
        max(case when status in ('open', 'pending', 'reopened') then occurred_at end)
            over (partition by ticket_id) as last_unresolved_status_at
    from events
    where event_type = 'status_change'
),

-- The final resolution: the first solved/closed status at or after the last open, pending or
-- reopened one (a later `closed` after `solved` is not a new resolution).
resolutions as (
    select
        ticket_id,
        min(case
            when
                status in ('solved', 'closed')
                and (last_unresolved_status_at is null or occurred_at >= last_unresolved_status_at)
                then occurred_at
        end) as resolved_at,
        min(case when status in ('solved', 'closed') then occurred_at end) as first_resolved_at,
        {{ count_if("status = 'reopened'") }} as reopen_count
    from status_changes
    group by ticket_id
),

-- Routing before the first escalation: a move to another queue after an escalation is the
-- escalation itself, not a misroute.
routing as (
    select
        ticket_id,
        occurred_at,
        event_type,
        queue,
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
        min(case when {{ is_useful_reply(human_actor_types()) }} then occurred_at end)
            as first_human_useful_reply_at,
        min(case when {{ is_public_reply(['ai']) }} then occurred_at end) as first_ai_public_message_at,
        min(case when {{ is_public_reply(human_actor_types()) }} then occurred_at end)
            as first_human_public_message_at,
        max(case when event_type = 'message' and actor_type = 'customer' then occurred_at end)
            as last_customer_message_at,

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

        -- Work
        cast(sum(case when {{ is_human_actor() }} then handle_seconds end) as {{ dbt.type_bigint() }})
            as human_handle_seconds,
        {{ count_if(is_human_actor()) }} as human_event_count

    from events
    group by ticket_id
)

select
    aggregated.*,
    resolutions.resolved_at,
    resolutions.first_resolved_at,
    coalesce(resolutions.reopen_count, 0) as reopen_count,
    coalesce(routing_before_escalation.distinct_queue_count, 0) as distinct_queue_count
from aggregated
left join resolutions
    on aggregated.ticket_id = resolutions.ticket_id
left join routing_before_escalation
    on aggregated.ticket_id = routing_before_escalation.ticket_id
