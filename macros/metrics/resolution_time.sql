{#- Definition, unit, owner and action: the metric catalog, seeds/metric_catalog.csv. -#}
{% macro resolution_time(part) -%}
    {%- if part == 'row' -%}
        {{ elapsed_minutes('created_at', 'resolved_at') }}
    {%- elif part == 'business_row' -%}
        cast(resolved_at_business_clock - created_at_business_clock as {{ type_double() }}) / 60.0
    {%- else -%}
        {{ duration_aggregate('resolution_time', 'resolution_minutes', part) }}
    {%- endif -%}
{%- endmacro %}
