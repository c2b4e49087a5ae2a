{#- Definition, unit, owner and action: the metric catalog, seeds/metric_catalog.csv. -#}
{% macro unnecessary_escalation_rate(part) -%}
    {%- if part == 'row' -%}
        (escalation_kind = 'engineering' and coalesce(resolution_code, '') in ('user_error', 'not_reproducible', 'no_action_needed'))
    {%- elif part == 'numerator' -%}
        {{ count_if("escalation_kind = 'engineering' and is_unnecessary") }}
    {%- elif part == 'denominator' -%}
        {{ count_if("escalation_kind = 'engineering'") }}
    {%- else -%}
        {{ metric_part_error('unnecessary_escalation_rate', part, ['row', 'numerator', 'denominator']) }}
    {%- endif -%}
{%- endmacro %}
