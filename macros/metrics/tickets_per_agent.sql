{#- Definition, unit, owner and action: the metric catalog, seeds/metric_catalog.csv. -#}
{% macro tickets_per_agent(part) -%}
    {%- if part == 'numerator' -%}
        count(distinct ticket_id)
    {%- elif part == 'denominator' -%}
        count(distinct agent_id)
    {%- else -%}
        {{ metric_part_error('tickets_per_agent', part, ['numerator', 'denominator']) }}
    {%- endif -%}
{%- endmacro %}
