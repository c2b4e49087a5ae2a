{#- Definition, unit, owner and action: the metric catalog, seeds/metric_catalog.csv. -#}
{% macro nps(part) -%}
    {%- if part == 'numerator' -%}
        100 * ({{ count_if('nps_score >= 9') }} - {{ count_if('nps_score <= 6') }})
    {%- elif part == 'denominator' -%}
        count(nps_score)
    {%- else -%}
        {{ metric_part_error('nps', part, ['numerator', 'denominator']) }}
    {%- endif -%}
{%- endmacro %}
