{#- Fails (or warns, by the test's severity) for each metric of the catalog whose value, on any
    support path (and the blend), crossed its `level` threshold (warn or error) in the latest
    final period of the metric's cadence (metrics_by_path's is_final: a provisional cell is not
    judged, it may still change), measured on at least var `threshold_min_volume` rows
    (the blend only, for metrics whose catalog scope is `blend`). Thresholds come from the catalog,
    overridden per metric by var `metric_thresholds` ({metric: {warn: x, error: y}}). Each breach
    is also printed, naming the metric, path, period, value and threshold. -#}
{% test metric_within_threshold(model, level) %}
    {%- if level not in ['warn', 'error'] -%}
        {{ exceptions.raise_compiler_error("metric_within_threshold: level must be warn or error, got " ~ level) }}
    {%- endif -%}
    {%- set overrides = var('metric_thresholds', {}) -%}
    {%- set breach_sql -%}
with

catalog as (
    select
        metric_name,
        threshold_on,
        threshold_scope,
        direction,
        case cadence when 'weekly' then 'week' when 'monthly' then 'month' else 'quarter' end as period_grain,
        {%- set overridden = [] %}
        {%- for metric, thresholds in overrides.items() if level in thresholds %}
            {%- do overridden.append("when metric_name = " ~ sql_string_literal(metric) ~ " then "
                ~ sql_number_literal(thresholds[level], "var metric_thresholds: " ~ metric ~ "." ~ level)) %}
        {%- endfor %}
        {%- if overridden %}
        case {{ overridden | join(' ') }} else {{ level }}_threshold end as threshold
        {%- else %}
        {{ level }}_threshold as threshold
        {%- endif %}
    from {{ ref('metric_catalog') }}
),

cells as (
    select
        catalog.metric_name,
        cells.support_path,
        cells.period_grain,
        cells.period_start,
        cells.metric_value,
        catalog.direction,
        catalog.threshold
    from {{ model }} as cells
    inner join catalog
        on
            cells.metric_name = catalog.threshold_on
            and cells.period_grain = catalog.period_grain
    where
        cells.segment_type = 'all'
        and cells.is_final
        and cells.metric_value is not null
        and catalog.threshold is not null
        and cells.denominator >= {{ number_var('threshold_min_volume') }}
        and (catalog.threshold_scope = 'paths' or cells.support_path = 'all')
),

latest as (
    select
        cells.*,
        max(period_start) over (partition by metric_name) as latest_period_start
    from cells
)

select
    metric_name,
    support_path,
    period_grain,
    period_start,
    metric_value,
    threshold,
    direction
from latest
where
    period_start = latest_period_start
    and (
        (direction = 'lower' and metric_value > threshold)
        or (direction = 'higher' and metric_value < threshold)
    )
    {%- endset -%}
    {%- if execute -%}
        {%- set breaches = run_query(breach_sql ~ "\norder by metric_name, support_path") -%}
        {%- for row in breaches.rows -%}
            {%- do log(level | upper ~ " threshold: " ~ row['metric_name'] ~ " on path " ~ row['support_path']
                ~ " for the " ~ row['period_grain'] ~ " of " ~ row['period_start'] ~ " is "
                ~ (row['metric_value'] | round(4)) ~ ", " ~ ("above" if row['direction'] == 'lower' else "below")
                ~ " the " ~ level ~ " threshold " ~ row['threshold'], info=true) -%}
        {%- endfor -%}
    {%- endif -%}
    {{ breach_sql }}
{% endtest %}
