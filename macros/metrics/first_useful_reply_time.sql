{#- Definition, unit, owner and action: the metric catalog, seeds/metric_catalog.csv. -#}
{% macro first_useful_reply_time(part) -%}
    {%- if part == 'row' -%}
        {{ elapsed_minutes('created_at', 'first_useful_reply_at') }}
    {%- elif part == 'business_row' -%}
        cast(first_useful_reply_at_business_clock - created_at_business_clock as {{ type_double() }}) / 60.0
    {%- else -%}
        {{ duration_aggregate('first_useful_reply_time', 'first_useful_reply_minutes', part) }}
    {%- endif -%}
{%- endmacro %}
