-- The quarterly business review, one row per quarter and support path (and `all`): the
-- engineering interruption trend, workflow reuse and support-assisted revenue protection.
with

quarters as (
    select
        period_start as quarter_start,
        support_path,
        max(case when metric_name = 'deflection_rate' then denominator end) as tickets,
        {{ pivot_metrics([
            'engineering_interruption_rate',
            'workflow_reuse_rate',
            'revenue_at_risk_rate',
            'renewal_arr_at_risk',
        ]) }},
        {{ pivot_maturity([
            'engineering_interruption_rate',
            'workflow_reuse_rate',
            'revenue_at_risk_rate',
            'renewal_arr_at_risk',
        ]) }}
    from {{ ref('metrics_by_path') }}
    where period_grain = 'quarter' and segment_type = 'all'
    group by period_start, support_path
)

select
    quarter_start,
    support_path,
    tickets,
    engineering_interruption_rate_numerator,
    engineering_interruption_rate_denominator,
    engineering_interruption_rate,
    workflow_reuse_rate_numerator,
    workflow_reuse_rate_denominator,
    workflow_reuse_rate,
    revenue_at_risk_rate_denominator as escalated_arr_usd,
    revenue_at_risk_rate_numerator as at_risk_arr_usd,
    revenue_at_risk_rate,
    renewal_arr_at_risk_numerator as renewal_at_risk_arr_usd,
    renewal_arr_at_risk_denominator as renewal_escalated_arr_usd,
    renewal_arr_at_risk,
    is_final,
    final_at,
    lag(engineering_interruption_rate) over (
        partition by support_path order by quarter_start
    ) as engineering_interruption_rate_previous,
    engineering_interruption_rate - lag(engineering_interruption_rate) over (
        partition by support_path order by quarter_start
    ) as engineering_interruption_rate_change,
    revenue_at_risk_rate_denominator - revenue_at_risk_rate_numerator as healthy_arr_usd
from quarters
