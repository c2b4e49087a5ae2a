{#- True when any text column of the raw table holds text longer than var `raw_max_text_length`
    (default 1000 characters): no id, code or label is that long, so the row is quarantined as
    `value_too_long` instead of carrying a runaway field into the marts. Columns that arrive typed
    (see raw_fast_type) cannot run away and are not measured. -#}
{% macro has_overlong_value(table_name, raw_types={}) -%}
    {%- set limit = number_var('raw_max_text_length') -%}
    {%- set text_columns = [] -%}
    {%- for column in raw_contract_columns(table_name) if not raw_fast_type(raw_types, column) -%}
        {%- do text_columns.append(column) -%}
    {%- endfor -%}
    (
        {%- for column in text_columns %}
        {{ "or " if not loop.first }}length({{ column }}_raw) > {{ limit }}
        {%- endfor %}
        {%- if not text_columns %}false{% endif %}
    )
{%- endmacro %}

{#- True when any text column of the raw table holds a control character (has_control_character):
    the row is quarantined as `control_character` rather than carrying a NUL or an escape sequence
    into a label. Columns that arrive typed are not text and are not checked. -#}
{% macro has_control_value(table_name, raw_types={}) -%}
    {%- set text_columns = [] -%}
    {%- for column in raw_contract_columns(table_name) if not raw_fast_type(raw_types, column) -%}
        {%- do text_columns.append(column) -%}
    {%- endfor -%}
    (
        {%- for column in text_columns %}
        {{ "or " if not loop.first }}coalesce({{ has_control_character(column ~ '_raw') }}, false)
        {%- endfor %}
        {%- if not text_columns %}false{% endif %}
    )
{%- endmacro %}
