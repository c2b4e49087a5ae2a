{#- A name from a var, a path or the environment used as a SQL identifier (a role, a schema, a
    table), quoted for the engine: only letters, digits and underscores (not first a digit) pass,
    anything else stops the run naming `what`. Identifiers cannot be escaped portably (dbt's
    quote does not double an embedded quote), so they are checked instead. -#}
{% macro sql_identifier(value, what) -%}
    {%- set text = value | string -%}
    {%- if not modules.re.fullmatch('[A-Za-z_][A-Za-z0-9_]*', text) -%}
        {{ exceptions.raise_compiler_error(
            what ~ " must be a name of letters, digits and underscores, got " ~ text | tojson) }}
    {%- endif -%}
    {{ return(adapter.quote(text)) }}
{%- endmacro %}
