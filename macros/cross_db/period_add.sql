{#- `expression` moved `count` periods of `grain` (day, week, month, quarter, year) on. dbt.dateadd
    with a quarter is not portable (PostgreSQL has no quarter interval), so a quarter is three
    months here. -#}
{% macro period_add(grain, count, expression) -%}
    {%- if grain == 'quarter' -%}
        {{ dbt.dateadd('month', 3 * count, expression) }}
    {%- else -%}
        {{ dbt.dateadd(grain, count, expression) }}
    {%- endif -%}
{%- endmacro %}
