{#- Definition, unit, owner and action: the metric catalog, macros/metrics/_metrics__macros.yml. -#}
{% macro engineering_interruption_rate(part) -%}
    {%- if part == 'numerator' -%}
        sum(engineering_escalation_count)
    {%- elif part == 'denominator' -%}
        {{ count_if('is_technical') }}
    {%- else -%}
        {{ metric_part_error('engineering_interruption_rate', part, ['numerator', 'denominator']) }}
    {%- endif -%}
{%- endmacro %}
