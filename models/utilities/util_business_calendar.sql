-- One row per local calendar day of the support schedule (var `business_hours`: time zone,
-- working days, opening and closing hour), with the business seconds that elapsed on all earlier
-- days. The business clock of any timestamp is then one equi-join away:
-- business_seconds_before + the part of that day's opening hours already past.
{%- set schedule = business_hours_schedule() %}

with

local_days as (
    -- A day either side of the UTC spine, so every UTC timestamp's local date is covered.
    select cast({{ dbt.dateadd('day', -1, 'min(date_day)') }} as date) as date_day
    from {{ ref('util_date_spine') }}
    union all
    select date_day from {{ ref('util_date_spine') }}
    union all
    select cast({{ dbt.dateadd('day', 1, 'max(date_day)') }} as date) as date_day
    from {{ ref('util_date_spine') }}
),

flagged as (
    select
        date_day as local_date,
        {{ iso_day_of_week('date_day') }} in ({{ schedule.working_days | join(', ') }}) as is_working_day
    from local_days
)

select
    local_date,
    is_working_day,
    case when is_working_day then {{ schedule.seconds_per_day }} else 0 end as business_seconds,
    coalesce(
        sum(case when is_working_day then {{ schedule.seconds_per_day }} else 0 end) over (
            order by local_date
            rows between unbounded preceding and 1 preceding
        ),
        0
    ) as business_seconds_before
from flagged
