-- The moment the metric cells are final or provisional against (macro cell_final_at): the build's
-- as-of moment (var `as_of`, else the run's start), but never later than the latest moment the
-- data shows (a ticket created or an event). A window that closed after the last recorded moment
-- may still hold a return, a reopen or a survey that has not been loaded; and a demo or a replay
-- built long after its data ends would otherwise call every period final. One row.
with

tickets as (
    select * from {{ ref('int_tickets_conformed') }}
),

events as (
    select * from {{ ref('int_ticket_events_conformed') }}
),

latest as (
    select max(created_at) as latest_at from tickets
    union all
    select max(occurred_at) as latest_at from events
),

bounds as (
    select
        {{ as_of_timestamp() }} as as_of_at,
        max(latest_at) as latest_data_at
    from latest
)

select
    as_of_at,
    latest_data_at,
    coalesce(least(as_of_at, latest_data_at), as_of_at) as horizon_at
from bounds
