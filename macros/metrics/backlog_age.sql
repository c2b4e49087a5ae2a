{#- Definition, unit, owner and action: the metric catalog, seeds/metric_catalog.csv. -#}
{% macro backlog_age(part) -%}
    {%- if part == 'seconds' -%}
        cast({{ elapsed_seconds('created_at', 'snapshot_at') }} as {{ dbt.type_bigint() }})
    {%- elif part == 'row' -%}
        cast(age_seconds as {{ type_double() }}) / 86400.0
    {%- elif part == 'band' -%}
        case
            when age_days < 1 then 'lt_1d'
            when age_days < 3 then '1_3d'
            when age_days < 7 then '3_7d'
            when age_days < 14 then '7_14d'
            else '14d_plus'
        end
    {%- else -%}
        {{ duration_aggregate('backlog_age', 'age_days', part) }}
    {%- endif -%}
{%- endmacro %}
