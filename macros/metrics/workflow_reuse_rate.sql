{#- Definition, unit, owner and action: the metric catalog, seeds/metric_catalog.csv. -#}
{% macro workflow_reuse_rate(part) -%}
    {%- if part == 'row' -%}
        (workflow_applied_count > 0)
    {%- elif part == 'numerator' -%}
        {{ count_if('is_resolved and workflow_applied') }}
    {%- elif part == 'denominator' -%}
        {{ count_if('is_resolved') }}
    {%- else -%}
        {{ metric_part_error('workflow_reuse_rate', part, ['row', 'numerator', 'denominator']) }}
    {%- endif -%}
{%- endmacro %}
