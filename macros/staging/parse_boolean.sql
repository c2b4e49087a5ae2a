{#- Raw text to boolean: true/t/yes/y/1 and false/f/no/n/0, any case; anything else is null
    (check `is_valid_boolean` to tell a missing value from a bad one). -#}
{% macro parse_boolean(column) -%}
    case
        when {{ clean_enum(column) }} in ('true', 't', 'yes', 'y', '1') then true
        when {{ clean_enum(column) }} in ('false', 'f', 'no', 'n', '0') then false
    end
{%- endmacro %}
