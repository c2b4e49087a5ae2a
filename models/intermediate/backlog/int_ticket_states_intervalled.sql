-- Each ticket's history as intervals: from each status change (and from creation) until the next
-- one, with the status and whether it counts as open (open, pending, reopened). The last interval
-- has no end. A ticket with no status events is open from its creation on.
{{ config(
    materialized=incremental_materialization(),
    incremental_strategy='replace_tickets',
    on_schema_change='fail',
) }}
-- Incremental: a run rebuilds the tickets of int_tickets_in_increment (strategy replace_tickets).
-- depends_on: {{ ref('int_tickets_in_increment') }}
with

tickets as (
    select
        ticket_id,
        created_at
    from {{ ref('int_tickets_conformed') }}
    where {{ in_ticket_increment() }}
),

status_changes as (
    select
        ticket_id,
        occurred_at,
        status,
        event_id,
        {{ event_tie_rank() }} as tie_rank
    from {{ ref('int_ticket_events_conformed') }}
    where event_type = 'status_change' and {{ in_ticket_increment() }}
),

changes as (
    -- Creation opens the ticket; it sorts before any status change at the same instant. Status
    -- changes at one instant follow the one ordering rule (macro event_order: open/pending, then
    -- solved, closed, reopened; then event_id), as in int_ticket_events_aggregated_to_tickets.
    select
        ticket_id,
        created_at as valid_from,
        'open' as status,
        0 as tie_rank,
        '' as event_id
    from tickets
    union all
    select
        ticket_id,
        occurred_at as valid_from,
        status,
        tie_rank,
        event_id
    from status_changes
),

intervals as (
    select
        ticket_id,
        valid_from,
        status,
        lead(valid_from) over (
            partition by ticket_id
            order by valid_from, tie_rank, event_id
        ) as valid_to,
        status in ('open', 'pending', 'reopened') as is_open
    from changes
)

-- A status followed by another at the same instant held for no time (logs with minute
-- resolution have many): its empty interval is dropped.
select *
from intervals
where valid_to is null or valid_to > valid_from
