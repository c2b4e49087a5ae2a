-- One row per ticket and day on which the ticket was open at the end of the day (UTC midnight),
-- with its queue at that moment, its support path and its age.
with

days as (
    select
        date_day,
        cast({{ dbt.dateadd('day', 1, 'date_day') }} as {{ dbt.type_timestamp() }}) as snapshot_at
    from {{ ref('util_date_spine') }}
),

states as (
    select * from {{ ref('int_ticket_states_intervalled') }}
    where is_open
),

queues as (
    select * from {{ ref('int_ticket_queues_intervalled') }}
),

tickets as (
    select
        ticket_id,
        created_at,
        support_path
    from {{ ref('int_tickets_classified_by_path') }}
),

open_at_day_end as (
    select
        days.date_day,
        days.snapshot_at,
        states.ticket_id
    from states
    inner join days
        on
            states.valid_from < days.snapshot_at
            and (states.valid_to is null or states.valid_to >= days.snapshot_at)
),

with_queue as (
    select
        open_at_day_end.date_day,
        open_at_day_end.snapshot_at,
        open_at_day_end.ticket_id,
        coalesce(queues.queue, 'unassigned') as queue
    from open_at_day_end
    left join queues
        on
            open_at_day_end.ticket_id = queues.ticket_id
            and open_at_day_end.snapshot_at > queues.valid_from
            and (queues.valid_to is null or open_at_day_end.snapshot_at <= queues.valid_to)
),

aged as (
    select
        with_queue.date_day,
        with_queue.snapshot_at,
        with_queue.ticket_id,
        with_queue.queue,
        tickets.support_path,
        tickets.created_at
    from with_queue
    inner join tickets
        on with_queue.ticket_id = tickets.ticket_id
),

aged_seconds as (
    select
        *,
        {{ backlog_age('seconds') }} as age_seconds
    from aged
)

select
    date_day,
    ticket_id,
    queue,
    support_path,
    age_seconds,
    {{ backlog_age('row') }} as age_days
from aged_seconds
