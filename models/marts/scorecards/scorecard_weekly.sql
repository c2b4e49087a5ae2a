-- The weekly operating review, one row per week and support path (and `all`, the blend): time to
-- first evidence, misroutes, escalation rework, first human useful reply time.
select
    period_start as week_start,
    support_path,
    max(case when metric_name = 'deflection_rate' then denominator end) as tickets,
    {{ pivot_metrics([
        'time_to_first_evidence_median', 'time_to_first_evidence_p90',
        'misroute_rate',
        'escalation_rework_rate',
        'first_human_useful_reply_time_median', 'first_human_useful_reply_time_p90',
    ]) }},
    {{ pivot_maturity([
        'time_to_first_evidence_median', 'time_to_first_evidence_p90',
        'misroute_rate',
        'escalation_rework_rate',
        'first_human_useful_reply_time_median', 'first_human_useful_reply_time_p90',
    ]) }}
from {{ ref('metrics_by_path') }}
where period_grain = 'week' and segment_type = 'all'
group by period_start, support_path
