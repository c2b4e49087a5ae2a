{#- The helpdesk the canonical tables are built from (the `source_system` var): `helpdesk` reads
    the raw data contract's tables as they are; every other system has an adapter
    (models/adapters/<system>/) that maps its own tables into the contract's five tables, which
    then go through the same contract checks, quarantine and reconciliation. Anything else stops
    the run with the list of choices. -#}
{% macro source_system() -%}
    {%- set chosen = var('source_system', 'helpdesk') -%}
    {%- set supported = ['helpdesk', 'servicenow', 'zendesk', 'intercom'] -%}
    {%- if chosen not in supported -%}
        {{ exceptions.raise_compiler_error(
            "source_system '" ~ chosen ~ "' is not supported; choose one of: "
            ~ supported | join(', ')) }}
    {%- endif -%}
    {{ return(chosen) }}
{%- endmacro %}

