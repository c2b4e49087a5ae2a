{#- The earliest moment a raw timestamp may hold (var `raw_earliest_timestamp`, default
    2000-01-01): an older value is a broken export (a zero date, an epoch) and is quarantined,
    rather than stretching the date spine back over decades. -#}
{% macro earliest_raw_timestamp() -%}
    cast({{ sql_string_literal(var('raw_earliest_timestamp', '2000-01-01 00:00:00')) }} as {{ dbt.type_timestamp() }})
{%- endmacro %}
