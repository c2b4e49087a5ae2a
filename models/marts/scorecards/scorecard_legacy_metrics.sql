-- The legacy metrics, kept but demoted: each beside the metric that keeps it honest, one row per
-- week x support path (and `all`) x legacy metric. A legacy number moving the right way while its
-- honest partner moves the wrong way is the pattern to look for.
{%- set pairs = [
    ['ai_containment_rate', 'ai_resolution_rate', 'Containment counts conversations the AI kept; AI resolution counts the ones it solved for good.'],
    ['ai_containment_rate', 'repeat_contact_rate', 'Contained conversations whose customers come back were not contained.'],
    ['deflection_rate', 'repeat_contact_rate', 'Deflected customers who come back were turned away, not helped.'],
    ['first_response_time_median', 'first_useful_reply_time_median', 'A fast acknowledgement is not an answer: compare with the first useful reply.'],
    ['cost_per_resolution', 'escalation_rework_rate', 'Cheap resolutions with reworked escalations are paid for twice.'],
    ['average_handle_time', 'reopen_rate', 'Shorter handling that brings reopens is unfinished work.'],
    ['tickets_per_agent', 'escalation_rework_rate', 'Throughput that comes with rework is bought with quality.'],
] %}

with

pairs as (
    {%- for pair in pairs %}
    select
        '{{ pair[0] }}' as legacy_metric,
        '{{ pair[1] }}' as honest_metric,
        '{{ pair[2] }}' as reading
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
),

weekly as (
    select
        period_start,
        support_path,
        metric_name,
        metric_value,
        is_final
    from {{ ref('metrics_by_path') }}
    where period_grain = 'week' and segment_type = 'all'
)

select
    legacy.period_start as week_start,
    legacy.support_path,
    pairs.legacy_metric,
    legacy.metric_value as legacy_value,
    pairs.honest_metric,
    honest.metric_value as honest_value,
    pairs.reading,
    coalesce(legacy.is_final and honest.is_final, false) as is_final
from pairs
inner join weekly as legacy
    on pairs.legacy_metric = legacy.metric_name
left join weekly as honest
    on
        pairs.honest_metric = honest.metric_name
        and legacy.period_start = honest.period_start
        and legacy.support_path = honest.support_path
