{#- Definition, unit, owner and action: the metric catalog, seeds/metric_catalog.csv. -#}
{% macro handoff_rate(part) -%}
    {%- if part == 'numerator' -%}
        {{ count_if("support_path = 'ai_to_human'") }}
    {%- elif part == 'denominator' -%}
        {{ count_if('is_ai_touched') }}
    {%- else -%}
        {{ metric_part_error('handoff_rate', part, ['numerator', 'denominator']) }}
    {%- endif -%}
{%- endmacro %}
