{#- Definition, unit, owner and action: the metric catalog, seeds/metric_catalog.csv. -#}
{% macro reopen_rate(part) -%}
    {%- if part == 'row' -%}
        (reopen_count > 0)
    {%- elif part == 'numerator' -%}
        {{ count_if('was_ever_resolved and is_reopened') }}
    {%- elif part == 'denominator' -%}
        {{ count_if('was_ever_resolved') }}
    {%- else -%}
        {{ metric_part_error('reopen_rate', part, ['row', 'numerator', 'denominator']) }}
    {%- endif -%}
{%- endmacro %}
