{#- Definition, unit, owner and action: the metric catalog, seeds/metric_catalog.csv. -#}
{% macro first_human_useful_reply_time(part) -%}
    {%- if part == 'row' -%}
        {{ elapsed_minutes('escalated_at', 'first_human_useful_reply_at') }}
    {%- else -%}
        {{ duration_aggregate('first_human_useful_reply_time', 'first_human_useful_reply_minutes', part) }}
    {%- endif -%}
{%- endmacro %}
