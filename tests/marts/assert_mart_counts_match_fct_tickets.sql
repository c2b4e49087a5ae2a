-- Counts agree across marts: tickets per week, per path (and in total) and per channel are the
-- same in fct_tickets, metrics_by_path (the count behind deflection_rate, and the ever-resolved
-- tickets behind repeat_contact_rate: two metrics every source system measures) and
-- scorecard_weekly. Returns the weeks and paths that disagree.
with

fct as (
    select
        cast({{ dbt.date_trunc('week', 'created_at') }} as date) as week_start,
        support_path,
        count(*) as tickets,
        {{ count_if('was_ever_resolved') }} as resolved_tickets
    from {{ ref('fct_tickets') }}
    group by {{ dbt.date_trunc('week', 'created_at') }}, support_path
),

fct_with_blend as (
    select * from fct
    union all
    select
        week_start,
        'all' as support_path,
        sum(tickets) as tickets,
        sum(resolved_tickets) as resolved_tickets
    from fct
    group by week_start
),

metric_counts as (
    select
        period_start as week_start,
        support_path,
        max(case when metric_name = 'deflection_rate' then denominator end) as deflection_tickets,
        max(case when metric_name = 'repeat_contact_rate' then denominator end) as repeat_contact_tickets
    from {{ ref('metrics_by_path') }}
    where period_grain = 'week' and segment_type = 'all'
    group by period_start, support_path
),

channel_counts as (
    select
        period_start as week_start,
        support_path,
        sum(denominator) as channel_tickets
    from {{ ref('metrics_by_path') }}
    where period_grain = 'week' and segment_type = 'channel' and metric_name = 'deflection_rate'
    group by period_start, support_path
),

scorecard as (
    select
        week_start,
        support_path,
        tickets
    from {{ ref('scorecard_weekly') }}
)

select
    fct_with_blend.week_start,
    fct_with_blend.support_path,
    fct_with_blend.tickets,
    metric_counts.deflection_tickets,
    metric_counts.repeat_contact_tickets,
    fct_with_blend.resolved_tickets,
    channel_counts.channel_tickets,
    scorecard.tickets as scorecard_tickets
from fct_with_blend
left join metric_counts
    on
        fct_with_blend.week_start = metric_counts.week_start
        and fct_with_blend.support_path = metric_counts.support_path
left join channel_counts
    on
        fct_with_blend.week_start = channel_counts.week_start
        and fct_with_blend.support_path = channel_counts.support_path
left join scorecard
    on
        fct_with_blend.week_start = scorecard.week_start
        and fct_with_blend.support_path = scorecard.support_path
where
    metric_counts.deflection_tickets is distinct from fct_with_blend.tickets
    or metric_counts.repeat_contact_tickets is distinct from fct_with_blend.resolved_tickets
    or channel_counts.channel_tickets is distinct from fct_with_blend.tickets
    or scorecard.tickets is distinct from fct_with_blend.tickets
