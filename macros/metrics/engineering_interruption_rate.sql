{#- Engineering escalations per technical ticket: the number of escalations to engineering (of any ticket) over the number of technical tickets. Can exceed 1. -#}
{% macro engineering_interruption_rate(part) -%}
    {%- if part == 'numerator' -%}
        sum(engineering_escalation_count)
    {%- elif part == 'denominator' -%}
        {{ count_if('is_technical') }}
    {%- else -%}
        {{ metric_part_error('engineering_interruption_rate', part, ['numerator', 'denominator']) }}
    {%- endif -%}
{%- endmacro %}
