{#- A cast that yields null instead of failing on a value that does not convert. dbt.safe_cast is
    a plain cast on DuckDB and PostgreSQL, so bad raw text would abort the build; staging needs the
    null so that it can quarantine the row with a reason. -#}
{% macro safe_cast(expression, data_type) -%}
    {{ return(adapter.dispatch('safe_cast', 'support_metrics')(expression, data_type)) }}
{%- endmacro %}

{% macro default__safe_cast(expression, data_type) -%}
    try_cast({{ expression }} as {{ data_type }})
{%- endmacro %}
