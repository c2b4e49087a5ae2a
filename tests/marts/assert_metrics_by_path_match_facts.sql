-- Parity: the weekly blended cells of metrics_by_path (built through the metric macros and
-- grouping sets) equal the same metrics computed here by hand, in plain SQL, straight from the
-- facts. A broken aggregate in a metric macro shows up here with the metric's name. Returns the
-- cells that disagree, with both values.
with

tickets as (
    select
        *,
        cast({{ dbt.date_trunc('week', 'created_at') }} as date) as week_start
    from {{ ref('fct_tickets') }}
),

escalations as (
    select
        *,
        cast({{ dbt.date_trunc('week', 'escalated_at') }} as date) as week_start
    from {{ ref('fct_escalations') }}
),

expected as (
    {%- set ticket_ratios = {
        'repeat_contact_rate': ['has_repeat_contact', 'was_ever_resolved'],
        'reopen_rate': ['was_ever_resolved and is_reopened', 'was_ever_resolved'],
        'first_contact_resolution_rate': ['is_first_contact_resolution', 'true'],
        'misroute_rate': ['is_misrouted', 'was_assigned'],
        'solve_without_engineering_rate': ['is_solved_without_engineering', 'is_technical and is_resolved'],
        'ai_containment_rate': ["support_path = 'ai_only'", "support_path != 'human_only'"],
        'ai_resolution_rate': ['is_ai_resolved', "support_path != 'human_only'"],
        'handoff_rate': ["support_path = 'ai_to_human'", "support_path != 'human_only'"],
        'deflection_rate': ["support_path = 'ai_only'", 'true'],
        'missing_identifier_rate': ['has_missing_identifier', 'true'],
        'workflow_reuse_rate': ['workflow_applied and is_resolved', 'is_resolved'],
        'csat': ['csat_score >= 4', 'csat_score is not null'],
    } %}
    {%- for metric, parts in ticket_ratios.items() %}
    select
        week_start,
        '{{ metric }}' as metric_name,
        sum(case when {{ parts[0] }} then 1 else 0 end) as numerator,
        sum(case when {{ parts[1] }} then 1 else 0 end) as denominator
    from tickets
    group by week_start
    union all
    {%- endfor %}
    select
        week_start,
        'ces' as metric_name,
        sum(ces_score) as numerator,
        count(ces_score) as denominator
    from tickets
    group by week_start
    union all
    select
        week_start,
        'average_handle_time' as metric_name,
        sum(case when is_human_handled then coalesce(handle_seconds, 0) else 0 end) as numerator,
        sum(case when is_human_handled then 1 else 0 end) as denominator
    from tickets
    group by week_start
    union all
    select
        week_start,
        'cost_per_resolution' as metric_name,
        sum(resolution_cost_usd) as numerator,
        sum(case when is_resolved then 1 else 0 end) as denominator
    from tickets
    group by week_start
    union all
    select
        week_start,
        'escalation_rework_rate' as metric_name,
        sum(case when is_rework then 1 else 0 end) as numerator,
        count(*) as denominator
    from escalations
    group by week_start
    union all
    select
        week_start,
        'handoff_quality_rate' as metric_name,
        sum(case when escalation_kind = 'ai_handoff' and not is_rework then 1 else 0 end) as numerator,
        sum(case when escalation_kind = 'ai_handoff' then 1 else 0 end) as denominator
    from escalations
    group by week_start
    union all
    select
        week_start,
        'unnecessary_escalation_rate' as metric_name,
        sum(case when escalation_kind = 'engineering' and is_unnecessary then 1 else 0 end) as numerator,
        sum(case when escalation_kind = 'engineering' then 1 else 0 end) as denominator
    from escalations
    group by week_start
),

actual as (
    select
        period_start as week_start,
        metric_name,
        numerator,
        denominator
    from {{ ref('metrics_by_path') }}
    where period_grain = 'week' and support_path = 'all' and segment_type = 'all'
),

-- A metric the source system cannot measure is empty in metrics_by_path by design (seed
-- source_system_unmeasured_metrics); there is nothing to compare.
unmeasured as (
    select metric_name
    from {{ ref('source_system_unmeasured_metrics') }}
    where source_system = {{ sql_string_literal(source_system()) }}
)

select
    expected.metric_name,
    expected.week_start,
    expected.numerator as expected_numerator,
    actual.numerator as actual_numerator,
    expected.denominator as expected_denominator,
    actual.denominator as actual_denominator
from expected
left join actual
    on
        expected.week_start = actual.week_start
        and expected.metric_name = actual.metric_name
where
    expected.metric_name not in (select unmeasured.metric_name from unmeasured)
    and (
        actual.metric_name is null
        or abs(coalesce(expected.numerator, 0) - coalesce(actual.numerator, 0)) > 1e-6
        or expected.denominator != actual.denominator
    )
