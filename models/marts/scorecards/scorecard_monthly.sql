-- The monthly customer review, one row per month and support path (and `all`): repeat contact,
-- solve without engineering, CSAT and CES.
select
    period_start as month_start,
    support_path,
    max(case when metric_name = 'deflection_rate' then denominator end) as tickets,
    {{ pivot_metrics([
        'repeat_contact_rate',
        'solve_without_engineering_rate',
        'csat',
        'ces',
    ]) }},
    {{ pivot_maturity(['repeat_contact_rate', 'solve_without_engineering_rate', 'csat', 'ces']) }}
from {{ ref('metrics_by_path') }}
where period_grain = 'month' and segment_type = 'all'
group by period_start, support_path
