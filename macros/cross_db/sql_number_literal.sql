{#- A number from a var (or the environment) as SQL: only an integer or a decimal number passes,
    anything else stops the run naming the var, so no text a user types can run as SQL (the
    numeric counterpart of sql_string_literal). `name` is the var's name, for the message. -#}
{% macro sql_number_literal(value, name) -%}
    {%- set text = value | string | trim -%}
    {%- if value is boolean or value is none
        or not modules.re.fullmatch('[-+]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][-+]?[0-9]+)?', text) -%}
        {{ exceptions.raise_compiler_error(
            name ~ " must be a number, got " ~ (value | string | tojson)) }}
    {%- endif -%}
    {{ return(text) }}
{%- endmacro %}

{#- The number in var `name`, checked (sql_number_literal), as SQL. -#}
{% macro number_var(name) -%}
    {{ return(sql_number_literal(var(name), 'var ' ~ name)) }}
{%- endmacro %}
