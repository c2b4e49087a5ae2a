{#- Definition, unit, owner and action: the metric catalog, seeds/metric_catalog.csv. -#}
{% macro misroute_rate(part) -%}
    {%- if part == 'row' -%}
        (distinct_queue_count > 1)
    {%- elif part == 'numerator' -%}
        {{ count_if('is_misrouted') }}
    {%- elif part == 'denominator' -%}
        {{ count_if('was_assigned') }}
    {%- else -%}
        {{ metric_part_error('misroute_rate', part, ['row', 'numerator', 'denominator']) }}
    {%- endif -%}
{%- endmacro %}
