{#- Definition, unit, owner and action: the metric catalog, seeds/metric_catalog.csv. -#}
{% macro solve_without_engineering_rate(part) -%}
    {%- if part == 'row' -%}
        (is_technical and is_resolved and engineering_escalation_count = 0)
    {%- elif part == 'numerator' -%}
        {{ count_if('is_solved_without_engineering') }}
    {%- elif part == 'denominator' -%}
        {{ count_if('is_technical and is_resolved') }}
    {%- else -%}
        {{ metric_part_error('solve_without_engineering_rate', part, ['row', 'numerator', 'denominator']) }}
    {%- endif -%}
{%- endmacro %}
