{#- True when any contract column of the raw table holds text longer than var
    `raw_max_text_length` (default 1000 characters): no id, code or label is that long, so the row
    is quarantined as `value_too_long` instead of carrying a runaway field into the marts. -#}
{% macro has_overlong_value(table_name) -%}
    {%- set limit = var('raw_max_text_length') -%}
    (
        {%- for column in raw_contract_columns(table_name) %}
        {{ "or " if not loop.first }}length({{ column }}_raw) > {{ limit }}
        {%- endfor %}
        {%- if not raw_contract_columns(table_name) %}false{% endif %}
    )
{%- endmacro %}
