{#- Definition, unit, owner and action: the metric catalog, seeds/metric_catalog.csv. -#}
{% macro first_response_time(part) -%}
    {%- if part == 'row' -%}
        {{ elapsed_minutes('created_at', 'first_response_at') }}
    {%- elif part == 'business_row' -%}
        cast(first_response_at_business_clock - created_at_business_clock as {{ type_double() }}) / 60.0
    {%- else -%}
        {{ duration_aggregate('first_response_time', 'first_response_minutes', part) }}
    {%- endif -%}
{%- endmacro %}
