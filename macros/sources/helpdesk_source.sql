{#- The relation a staging model reads one raw table from. Always resolves `source()`, so lineage
    and docs show the raw table; where the `raw_dir` var names a folder, the table is read from the
    file `<raw_dir>/<table>.parquet` or `<raw_dir>/<table>.csv` instead (DuckDB only). -#}
{% macro helpdesk_source(table_name) -%}
    {%- set relation = source('helpdesk', table_name) -%}
    {%- set system = source_system() -%}
    {%- if system != 'helpdesk' -%}
        {#- Another helpdesk: its adapter's contract-shaped model (models/adapters/<system>/). -#}
        {{ return(ref(system ~ '__contract_' ~ table_name)) }}
    {%- endif -%}
    {%- set raw_dir = var('raw_dir', '') -%}
    {%- if raw_dir -%}
        {{ return(read_raw_file(table_name, raw_dir)) }}
    {%- endif -%}
    {{ return(relation) }}
{%- endmacro %}

{#- The relation a source system's staging model reads its raw table from: the table of the
    `<system>` source, or on DuckDB the file `<raw_dir>/<table>.csv` (or .parquet) when the
    `raw_dir` var names a folder, checked against the columns the sources YAML lists. -#}
{% macro system_source(system, table_name) -%}
    {%- set relation = source(system, table_name) -%}
    {%- set raw_dir = var('raw_dir', '') -%}
    {%- if raw_dir -%}
        {{ return(read_raw_file(table_name, raw_dir, system)) }}
    {%- endif -%}
    {{ return(relation) }}
{%- endmacro %}

{#- The contract's column names for a raw table, read from the sources YAML, so that the YAML stays
    the single definition of the contract. -#}
{% macro raw_contract_columns(table_name, source_name='helpdesk') -%}
    {#- The graph is only filled at execution; parsing needs no column list. -#}
    {%- if not execute -%}{{ return([]) }}{%- endif -%}
    {%- set node = graph.sources['source.support_metrics.' ~ source_name ~ '.' ~ table_name] -%}
    {{ return(node.columns.keys() | list) }}
{%- endmacro %}
