{#- SQL that reads one raw table from a file in `raw_dir`, every column as text (staging owns the
    casts). Fails the run with a message naming the file and the fix when the file is missing or
    lacks contract columns, rather than letting a bad export turn into wrong numbers. -#}
{% macro read_raw_file(table_name, raw_dir, source_name='helpdesk') -%}
    {{ return(adapter.dispatch('read_raw_file', 'support_metrics')(table_name, raw_dir, source_name)) }}
{%- endmacro %}

{% macro default__read_raw_file(table_name, raw_dir, source_name='helpdesk') -%}
    {{ exceptions.raise_compiler_error(
        "The raw_dir var reads files and is supported on DuckDB only (target type '"
        ~ target.type ~ "'). Load the raw tables into a schema and pass "
        ~ "--vars '{raw_schema: <schema>}' instead.") }}
{%- endmacro %}

{% macro duckdb__read_raw_file(table_name, raw_dir, source_name='helpdesk') -%}
    {%- set folder = raw_dir.rstrip('/') -%}
    {%- set parquet_path = folder ~ '/' ~ table_name ~ '.parquet' -%}
    {%- set csv_path = folder ~ '/' ~ table_name ~ '.csv' -%}
    {%- set reader = "read_parquet('" ~ parquet_path ~ "')" -%}
    {%- if execute -%}
        {%- set found = run_query(
            "select file from glob('" ~ parquet_path ~ "') union all select file from glob('"
            ~ csv_path ~ "')") -%}
        {%- set files = found.columns[0].values() | list -%}
        {%- if files | length == 0 -%}
            {{ exceptions.raise_compiler_error(
                "raw_dir: no file for raw table '" ~ table_name ~ "': expected " ~ parquet_path
                ~ " or " ~ csv_path ~ ". Export the table there (see docs/raw_contract.md).") }}
        {%- elif files | length > 1 -%}
            {{ exceptions.raise_compiler_error(
                "raw_dir: both " ~ parquet_path ~ " and " ~ csv_path ~ " exist; keep one so the "
                ~ "table is read from one place.") }}
        {%- endif -%}
        {%- set path = files[0] -%}
        {%- if path.endswith('.csv') -%}
            {#- A line may be long (a 100 MB field is read, then quarantined as value_too_long). -#}
            {%- set reader = "read_csv('" ~ path ~ "', header = true, all_varchar = true, "
                ~ "auto_detect = true, delim = ',', quote = '\"', escape = '\"', "
                ~ "max_line_size = 268435456)" -%}
        {%- else -%}
            {%- set reader = "read_parquet('" ~ path ~ "')" -%}
        {%- endif -%}
        {%- set described = run_query("describe select * from " ~ reader) -%}
        {%- set present = described.columns[0].values() | map('lower') | list -%}
        {%- set missing = [] -%}
        {%- for column in raw_contract_columns(table_name, source_name) if column not in present -%}
            {%- do missing.append(column) -%}
        {%- endfor -%}
        {%- if present == ['column0'] -%}
            {{ exceptions.raise_compiler_error(
                "raw_dir: " ~ path ~ " has no header row (is it empty?). Write the contract's header "
                ~ "line, even for a table without rows (see docs/raw_contract.md).") }}
        {%- endif -%}
        {%- if missing -%}
            {{ exceptions.raise_compiler_error(
                "raw_dir: " ~ path ~ " lacks the contract column(s) " ~ missing | join(', ')
                ~ " (it has " ~ present | join(', ') ~ "). Fix the file's header to match "
                ~ "docs/raw_contract.md.") }}
        {%- endif -%}
    {%- endif -%}
    {{ return(reader) }}
{%- endmacro %}
