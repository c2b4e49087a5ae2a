{#- Definition, unit, owner and action: the metric catalog, seeds/metric_catalog.csv. -#}
{% macro renewal_arr_at_risk(part) -%}
    {%- if part == 'row' -%}
        (
            renewal_date is not null
            and renewal_date >= period_start
            and renewal_date < {{ dbt.dateadd('day', 90, 'period_end') }}
        )
    {%- elif part == 'numerator' -%}
        sum(case when renews_soon and has_at_risk_experience then coalesce(arr_usd, 0) else 0 end)
    {%- elif part == 'denominator' -%}
        sum(case when renews_soon then coalesce(arr_usd, 0) else 0 end)
    {%- else -%}
        {{ metric_part_error('renewal_arr_at_risk', part, ['row', 'numerator', 'denominator']) }}
    {%- endif -%}
{%- endmacro %}
