{#- Definition, unit, owner and action: the metric catalog, seeds/metric_catalog.csv. -#}
{% macro ces(part) -%}
    {%- if part == 'numerator' -%}
        coalesce(sum(ces_score), 0)
    {%- elif part == 'denominator' -%}
        count(ces_score)
    {%- else -%}
        {{ metric_part_error('ces', part, ['numerator', 'denominator']) }}
    {%- endif -%}
{%- endmacro %}
