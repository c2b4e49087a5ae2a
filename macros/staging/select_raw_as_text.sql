{#- Every contract column of a raw table as trimmed text named `<column>_raw` (empty string is
    null), whatever type the raw relation gives it (text from CSV and seeds, typed from Parquet). -#}
{% macro select_raw_as_text(table_name) -%}
    {%- for column in raw_contract_columns(table_name) %}
    {{ clean_text(column) }} as {{ column }}_raw{{ "," if not loop.last }}
    {%- endfor %}
{%- endmacro %}
