{#- Definition, unit, owner and action: the metric catalog, seeds/metric_catalog.csv. -#}
{% macro revenue_at_risk_rate(part) -%}
    {%- if part == 'row' -%}
        (bad_experience_tickets >= {{ number_var('at_risk_bad_ticket_share') }} * tickets)
    {%- elif part == 'numerator' -%}
        sum(case when has_at_risk_experience then coalesce(arr_usd, 0) else 0 end)
    {%- elif part == 'denominator' -%}
        sum(coalesce(arr_usd, 0))
    {%- else -%}
        {{ metric_part_error('revenue_at_risk_rate', part, ['row', 'numerator', 'denominator']) }}
    {%- endif -%}
{%- endmacro %}
