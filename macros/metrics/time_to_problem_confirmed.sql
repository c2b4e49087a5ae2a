{#- Definition, unit, owner and action: the metric catalog, seeds/metric_catalog.csv. -#}
{% macro time_to_problem_confirmed(part) -%}
    {%- if part == 'row' -%}
        {{ elapsed_minutes('created_at', 'first_problem_confirmed_at') }}
    {%- else -%}
        {{ duration_aggregate('time_to_problem_confirmed', 'time_to_problem_confirmed_minutes', part) }}
    {%- endif -%}
{%- endmacro %}
