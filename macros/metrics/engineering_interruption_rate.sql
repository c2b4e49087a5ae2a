{#- Definition, unit, owner and action: the metric catalog, seeds/metric_catalog.csv. -#}
{% macro engineering_interruption_rate(part) -%}
    {%- if part == 'numerator' -%}
        sum(engineering_escalation_count)
    {%- elif part == 'denominator' -%}
        {{ count_if('is_technical') }}
    {%- else -%}
        {{ metric_part_error('engineering_interruption_rate', part, ['numerator', 'denominator']) }}
    {%- endif -%}
{%- endmacro %}
