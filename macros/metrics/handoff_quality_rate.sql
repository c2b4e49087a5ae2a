{#- Share of AI-to-human handoffs that were not rework (complete packet, no context request before the first human useful reply). fct_escalations grain, ai_handoff rows. -#}
{% macro handoff_quality_rate(part) -%}
    {%- if part == 'numerator' -%}
        {{ count_if("escalation_kind = 'ai_handoff' and not is_rework") }}
    {%- elif part == 'denominator' -%}
        {{ count_if("escalation_kind = 'ai_handoff'") }}
    {%- else -%}
        {{ metric_part_error('handoff_quality_rate', part, ['numerator', 'denominator']) }}
    {%- endif -%}
{%- endmacro %}
