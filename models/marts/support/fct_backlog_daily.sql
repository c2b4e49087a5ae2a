-- One row per day, queue, support path and age band: the tickets open at the end of the day (UTC),
-- with their age. Every day of the spine has rows for every queue and path seen, zero-filled, so a
-- queue whose backlog empties shows 0 instead of vanishing.
with

open_tickets as (
    select
        *,
        {{ backlog_age('band') }} as age_band
    from {{ ref('int_tickets_open_daily') }}
),

days as (
    select date_day from {{ ref('util_date_spine') }}
),

bands as (
    select
        'lt_1d' as age_band,
        1 as age_band_order
    union all
    select
        '1_3d' as age_band,
        2 as age_band_order
    union all
    select
        '3_7d' as age_band,
        3 as age_band_order
    union all
    select
        '7_14d' as age_band,
        4 as age_band_order
    union all
    select
        '14d_plus' as age_band,
        5 as age_band_order
),

queue_paths as (
    select distinct
        queue,
        support_path
    from open_tickets
),

grid as (
    select
        days.date_day,
        queue_paths.queue,
        queue_paths.support_path,
        bands.age_band,
        bands.age_band_order
    from days
    cross join queue_paths
    cross join bands
),

counted as (
    select
        date_day,
        queue,
        support_path,
        age_band,
        count(*) as open_tickets,
        cast(sum(age_seconds) as {{ type_double() }}) / 86400.0 as total_age_days
    from open_tickets
    group by date_day, queue, support_path, age_band
)

select
    grid.date_day,
    grid.queue,
    grid.support_path,
    grid.age_band,
    grid.age_band_order,
    coalesce(counted.open_tickets, 0) as open_tickets,
    coalesce(counted.total_age_days, 0) as total_age_days
from grid
left join counted
    on
        grid.date_day = counted.date_day
        and grid.queue = counted.queue
        and grid.support_path = counted.support_path
        and grid.age_band = counted.age_band
