{#- Definition, unit, owner and action: the metric catalog, macros/metrics/_metrics__macros.yml. -#}
{% macro missing_identifier_rate(part) -%}
    {%- if part == 'row' -%}
        (account_id is null)
    {%- elif part == 'numerator' -%}
        {{ count_if('has_missing_identifier') }}
    {%- elif part == 'denominator' -%}
        count(*)
    {%- else -%}
        {{ metric_part_error('missing_identifier_rate', part, ['row', 'numerator', 'denominator']) }}
    {%- endif -%}
{%- endmacro %}
