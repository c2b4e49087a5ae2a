{#- Definition, unit, owner and action: the metric catalog, seeds/metric_catalog.csv. -#}
{% macro deflection_rate(part) -%}
    {%- if part == 'numerator' -%}
        {{ count_if("support_path = 'ai_only'") }}
    {%- elif part == 'denominator' -%}
        count(*)
    {%- else -%}
        {{ metric_part_error('deflection_rate', part, ['numerator', 'denominator']) }}
    {%- endif -%}
{%- endmacro %}
