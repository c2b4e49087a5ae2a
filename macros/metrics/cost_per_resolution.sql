{#- Definition, unit, owner and action: the metric catalog, seeds/metric_catalog.csv. -#}
{% macro cost_per_resolution(part) -%}
    {%- if part == 'row' -%}
        cast(
            (case when is_ai_touched then {{ number_var('ai_cost_per_conversation_usd') }} else 0 end)
            + coalesce(handle_seconds, 0) * {{ number_var('human_hourly_cost_usd') }} / 3600.0
            as {{ dbt.type_numeric() }}
        )
    {%- elif part == 'numerator' -%}
        sum(resolution_cost_usd)
    {%- elif part == 'denominator' -%}
        {{ count_if('is_resolved') }}
    {%- else -%}
        {{ metric_part_error('cost_per_resolution', part, ['row', 'numerator', 'denominator']) }}
    {%- endif -%}
{%- endmacro %}
