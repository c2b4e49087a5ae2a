-- The executive scorecard, one row per month and support path (and `all`, the blend, beside the
-- split): resolution quality (CSAT, repeat contact, first useful reply), engineering
-- interruption, time to a customer-safe answer, workflow reuse and revenue protection.
select
    period_start as month_start,
    support_path,
    max(case when metric_name = 'deflection_rate' then denominator end) as tickets,
    {{ pivot_metrics([
        'csat',
        'repeat_contact_rate',
        'first_useful_reply_time_median',
        'engineering_interruption_rate',
        'time_to_customer_safe_answer_median',
        'workflow_reuse_rate',
    ], with_parts=false) }},
    max(case when metric_name = 'revenue_at_risk_rate' then denominator end) as escalated_arr_usd,
    max(case when metric_name = 'revenue_at_risk_rate' then numerator end) as at_risk_arr_usd,
    max(case when metric_name = 'revenue_at_risk_rate' then denominator - numerator end) as healthy_arr_usd,
    max(case when metric_name = 'renewal_arr_at_risk' then numerator end) as renewal_at_risk_arr_usd,
    {{ pivot_maturity([
        'csat',
        'repeat_contact_rate',
        'first_useful_reply_time_median',
        'engineering_interruption_rate',
        'time_to_customer_safe_answer_median',
        'workflow_reuse_rate',
        'revenue_at_risk_rate',
        'renewal_arr_at_risk',
    ]) }}
from {{ ref('metrics_by_path') }}
where period_grain = 'month' and segment_type = 'all'
group by period_start, support_path
