{#- Definition, unit, owner and action: the metric catalog, seeds/metric_catalog.csv. -#}
{% macro ai_containment_rate(part) -%}
    {%- if part == 'numerator' -%}
        {{ count_if("support_path = 'ai_only'") }}
    {%- elif part == 'denominator' -%}
        {{ count_if('is_ai_touched') }}
    {%- else -%}
        {{ metric_part_error('ai_containment_rate', part, ['numerator', 'denominator']) }}
    {%- endif -%}
{%- endmacro %}
