-- The support workflow, stage by stage: one row per period (week, month) x support path (and
-- `all`) x stage x metric, with the previous period's value and the change, so each stage's owner
-- sees where the flow got slower or sloppier.
{%- set stages = [
    ['intake', 1, ['missing_identifier_rate', 'time_to_problem_confirmed_median']],
    ['investigation', 2, ['time_to_first_evidence_median', 'evidence_completeness']],
    ['decisioning', 3, ['misroute_rate', 'unnecessary_escalation_rate']],
    ['response', 4, ['first_useful_reply_time_median', 'repeat_contact_rate']],
    ['learning', 5, ['workflow_reuse_rate', 'repeat_case_handle_time']],
] %}

with

stage_metrics as (
    {%- for stage in stages %}
    {%- set outer_loop = loop %}
    {%- for metric in stage[2] %}
    select
        '{{ stage[0] }}' as workflow_stage,
        {{ stage[1] }} as stage_order,
        '{{ metric }}' as metric_name
    {%- if not (loop.last and outer_loop.last) %}
    union all
    {%- endif %}
    {%- endfor %}
    {%- endfor %}
),

cells as (
    select
        metrics.period_grain,
        metrics.period_start,
        metrics.support_path,
        stage_metrics.workflow_stage,
        stage_metrics.stage_order,
        metrics.metric_name,
        metrics.numerator,
        metrics.denominator,
        metrics.metric_value,
        metrics.is_final,
        metrics.final_at
    from {{ ref('metrics_by_path') }} as metrics
    inner join stage_metrics
        on metrics.metric_name = stage_metrics.metric_name
    where
        metrics.segment_type = 'all'
        and metrics.period_grain in ('week', 'month')
)

select
    period_grain,
    period_start,
    support_path,
    workflow_stage,
    stage_order,
    metric_name,
    numerator,
    denominator,
    metric_value,
    is_final,
    final_at,
    lag(metric_value) over (
        partition by period_grain, support_path, metric_name order by period_start
    ) as previous_metric_value,
    metric_value - lag(metric_value) over (
        partition by period_grain, support_path, metric_name order by period_start
    ) as metric_value_change
from cells
