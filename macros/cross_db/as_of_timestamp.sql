{#- The moment after which a raw timestamp is "in the future": the `as_of` var when set (tests pin
    it), else the start of this dbt run. One value for the whole run, so every model agrees. -#}
{% macro as_of_timestamp() -%}
    {%- set as_of = var('as_of', '') -%}
    {%- if as_of -%}
        cast({{ sql_string_literal(as_of) }} as {{ dbt.type_timestamp() }})
    {%- else -%}
        cast('{{ run_started_at.strftime("%Y-%m-%d %H:%M:%S") }}' as {{ dbt.type_timestamp() }})
    {%- endif -%}
{%- endmacro %}
