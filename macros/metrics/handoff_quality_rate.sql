{#- Definition, unit, owner and action: the metric catalog, seeds/metric_catalog.csv. -#}
{% macro handoff_quality_rate(part) -%}
    {%- if part == 'numerator' -%}
        {{ count_if("escalation_kind = 'ai_handoff' and not is_rework") }}
    {%- elif part == 'denominator' -%}
        {{ count_if("escalation_kind = 'ai_handoff'") }}
    {%- else -%}
        {{ metric_part_error('handoff_quality_rate', part, ['numerator', 'denominator']) }}
    {%- endif -%}
{%- endmacro %}
