{#- An enumerated raw value, trimmed and lower-cased so that `Email ` and `email` agree. Whether
    the value is allowed is checked separately, so an unknown value is quarantined, not lost. -#}
{% macro clean_enum(column) -%}
    lower({{ clean_text(column) }})
{%- endmacro %}
