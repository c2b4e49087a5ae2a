{#- A value from a var, a path or the environment as a SQL string literal, quotes doubled, so that
    nothing a user types can end the literal and run as SQL (a raw_dir holding a quote used to be
    a parser error, and a crafted one ran a statement during compile). The one home for pasting a
    value into SQL: no model or macro concatenates a var between quotes itself. A NUL byte cannot
    be in a literal and stops the run. Spark also reads a backslash as an escape, so it is doubled
    there. -#}
{% macro sql_string_literal(value) -%}
    {%- set text = value | string -%}
    {%- if '\x00' in text -%}
        {{ exceptions.raise_compiler_error(
            "A value given to the project (a var, a path or an environment variable) contains a NUL "
            ~ "byte, which SQL text cannot hold. Remove it and run again.") }}
    {%- endif -%}
    {{ return(adapter.dispatch('sql_string_literal', 'support_metrics')(text)) }}
{%- endmacro %}

{% macro default__sql_string_literal(text) -%}
    {{ return("'" ~ text | replace("'", "''") ~ "'") }}
{%- endmacro %}

{% macro spark__sql_string_literal(text) -%}
    {{ return("'" ~ text | replace("\\", "\\\\") | replace("'", "\\'") ~ "'") }}
{%- endmacro %}
