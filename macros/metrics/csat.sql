{#- Definition, unit, owner and action: the metric catalog, seeds/metric_catalog.csv. -#}
{% macro csat(part) -%}
    {%- if part == 'numerator' -%}
        {{ count_if('csat_score >= 4') }}
    {%- elif part == 'denominator' -%}
        count(csat_score)
    {%- else -%}
        {{ metric_part_error('csat', part, ['numerator', 'denominator']) }}
    {%- endif -%}
{%- endmacro %}
