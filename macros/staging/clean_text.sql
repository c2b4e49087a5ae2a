{#- Raw text, trimmed; an empty string is null (CSV exports write null as an empty field). -#}
{% macro clean_text(column) -%}
    nullif(trim(cast({{ column }} as {{ dbt.type_string() }})), '')
{%- endmacro %}
