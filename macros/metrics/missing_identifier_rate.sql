{#- Definition, unit, owner and action: the metric catalog, seeds/metric_catalog.csv. -#}
{% macro missing_identifier_rate(part) -%}
    {%- if part == 'row' -%}
        (arrival_account_id is null)
    {%- elif part == 'numerator' -%}
        {{ count_if('has_missing_identifier') }}
    {%- elif part == 'denominator' -%}
        count(*)
    {%- else -%}
        {{ metric_part_error('missing_identifier_rate', part, ['row', 'numerator', 'denominator']) }}
    {%- endif -%}
{%- endmacro %}
