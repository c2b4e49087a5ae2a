-- Each ticket's queue over time: from each assignment until the next one. Before its first
-- assignment a ticket sits in no queue (`unassigned`: with the AI, or waiting for routing).
-- Assignments at one instant follow the one ordering rule (macro event_order).
{{ config(
    materialized=incremental_materialization(),
    incremental_strategy='replace_tickets',
    on_schema_change='fail',
) }}
-- Incremental: a run rebuilds the tickets of int_tickets_in_increment (strategy replace_tickets).
-- depends_on: {{ ref('int_tickets_in_increment') }}
with

assignments as (
    select
        ticket_id,
        occurred_at,
        queue,
        event_id,
        event_type,
        actor_type,
        status
    from {{ ref('int_ticket_events_conformed') }}
    where event_type = 'assignment' and {{ in_ticket_increment() }}
)

select
    event_id as assignment_id,
    ticket_id,
    occurred_at as valid_from,
    queue,
    lead(occurred_at) over (
        partition by ticket_id
        order by {{ event_order() }}
    ) as valid_to
from assignments
