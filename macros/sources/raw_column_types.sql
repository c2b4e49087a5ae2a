{#- The data type of each column of a raw table as the raw relation gives it (lower-cased names and
    types), so staging can take a value that already arrives typed (a Parquet timestamp, a boolean
    column of a loaded table) as it is instead of printing it to text and parsing it back. Empty at
    parse time and when the relation cannot be described: every column is then treated as text. -#}
{% macro raw_column_types(table_name) -%}
    {%- if not execute -%}{{ return({}) }}{%- endif -%}
    {%- set raw_dir = var('raw_dir', '') -%}
    {%- set types = {} -%}
    {%- if source_system() != 'helpdesk' -%}
        {#- The adapter's model: its columns arrive typed. -#}
        {%- set relation = load_relation(ref(source_system() ~ '__contract_' ~ table_name)) -%}
        {%- if relation is not none -%}
            {%- for column in adapter.get_columns_in_relation(relation) -%}
                {%- do types.update({column.name | lower: column.dtype | lower}) -%}
            {%- endfor -%}
        {%- endif -%}
    {%- elif raw_dir -%}
        {%- set described = run_query("describe select * from " ~ read_raw_file(table_name, raw_dir, check_records=false)) -%}
        {%- for row in described.rows -%}
            {%- do types.update({row[0] | lower: row[1] | lower}) -%}
        {%- endfor -%}
    {%- else -%}
        {%- set relation = adapter.get_relation(
            database=source('helpdesk', table_name).database,
            schema=source('helpdesk', table_name).schema,
            identifier=source('helpdesk', table_name).identifier) -%}
        {%- if relation is not none -%}
            {%- for column in adapter.get_columns_in_relation(relation) -%}
                {%- do types.update({column.name | lower: column.dtype | lower}) -%}
            {%- endfor -%}
        {%- endif -%}
    {%- endif -%}
    {{ return(types) }}
{%- endmacro %}

{#- Which typed fast path a raw column can take: 'timestamp', 'boolean' or 'integer' when the raw
    relation already gives it that type, else none (the value is read as text and parsed). A
    timestamp with a time zone is parsed from text, so its offset is applied the contract's way. -#}
{% macro raw_fast_type(raw_types, column) -%}
    {%- set dtype = raw_types.get(column, '') -%}
    {%- if dtype in ['timestamp', 'timestamp without time zone', 'datetime', 'timestamp_ns', 'timestamp_ms', 'timestamp_s'] -%}
        {{ return('timestamp') }}
    {%- elif dtype in ['boolean', 'bool'] -%}
        {{ return('boolean') }}
    {%- elif dtype in ['tinyint', 'smallint', 'integer', 'bigint', 'int', 'int2', 'int4', 'int8', 'utinyint', 'usmallint', 'uinteger'] -%}
        {{ return('integer') }}
    {%- endif -%}
    {{ return(none) }}
{%- endmacro %}
