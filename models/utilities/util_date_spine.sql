-- One row per calendar day (UTC) from the day of the first ticket to the day of the last thing the
-- data knows of (the latest ticket or event): backlog and business-hours calendars hang off it.
-- The spine holds at most 10,000 days (27 years).
with

bounds as (
    select
        min(created_at) as first_at,
        max(created_at) as last_at
    from {{ ref('int_tickets_conformed') }}
    union all
    select
        min(occurred_at) as first_at,
        max(occurred_at) as last_at
    from {{ ref('int_ticket_events_conformed') }}
),

span as (
    select
        cast(min(first_at) as date) as first_date,
        cast(max(last_at) as date) as last_date
    from bounds
),

days as (
    select
        cast({{ dbt.dateadd('day', 'integers.n', 'span.first_date') }} as date) as date_day,
        span.last_date
    from ({{ integer_series(4) }}) as integers
    cross join span
)

select date_day
from days
where date_day <= last_date
