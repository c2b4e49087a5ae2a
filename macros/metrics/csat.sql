{#- Customer satisfaction: share of tickets with a CSAT answer scoring 4 or 5 (of 5). One voice per ticket: its latest survey response. -#}
{% macro csat(part) -%}
    {%- if part == 'numerator' -%}
        {{ count_if('csat_score >= 4') }}
    {%- elif part == 'denominator' -%}
        count(csat_score)
    {%- else -%}
        {{ metric_part_error('csat', part, ['numerator', 'denominator']) }}
    {%- endif -%}
{%- endmacro %}
