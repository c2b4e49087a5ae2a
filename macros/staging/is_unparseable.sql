{#- True when a raw value is present but its parsed form is null: the value could not be read. -#}
{% macro is_unparseable(raw_column, parsed_expression) -%}
    ({{ clean_text(raw_column) }} is not null and ({{ parsed_expression }}) is null)
{%- endmacro %}
