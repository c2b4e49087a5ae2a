{#- The helpdesk the canonical tables are built from (the `source_system` var). Only the raw data
    contract (`helpdesk`) exists so far; anything else stops the run with the list of choices. -#}
{% macro source_system() -%}
    {%- set chosen = var('source_system') -%}
    {%- set supported = ['helpdesk'] -%}
    {%- if chosen not in supported -%}
        {{ exceptions.raise_compiler_error(
            "source_system '" ~ chosen ~ "' is not supported; choose one of: "
            ~ supported | join(', ')) }}
    {%- endif -%}
    {{ return(chosen) }}
{%- endmacro %}
