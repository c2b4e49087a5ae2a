{#- run-operation (Spark): expose the files of a raw folder (`<table>.csv` with a header, or
    `<table>.parquet` with file_format parquet) as tables of schema `schema_name`, for
    `--vars '{raw_schema: ...}'`. CSV columns are read as text, as the raw contract wants. The
    tables point at the files (nothing is copied); the folder must stay while dbt reads it.

        dbt run-operation create_raw_tables_from_files --args '{raw_dir: /data/raw, schema_name: raw}'
-#}
{% macro create_raw_tables_from_files(raw_dir, schema_name, file_format='csv') %}
    {%- if target.type != 'spark' -%}
        {{ exceptions.raise_compiler_error(
            "create_raw_tables_from_files is for Spark; on DuckDB use --vars '{raw_dir: ...}', "
            ~ "elsewhere load the files into a schema with the engine's own loader.") }}
    {%- endif -%}
    {%- do run_query('create schema if not exists ' ~ schema_name) -%}
    {%- for table in ['tickets', 'ticket_events', 'survey_responses', 'accounts', 'agents'] -%}
        {%- set folder = raw_dir.rstrip('/') -%}
        {%- set path = raw_dir.rstrip('/') ~ '/' ~ table ~ '.' ~ file_format -%}
        {%- do run_query('drop table if exists ' ~ schema_name ~ '.' ~ table) -%}
        {%- if file_format == 'parquet' -%}
            {%- set statement = "create table " ~ schema_name ~ "." ~ table ~ " using parquet options (path "
                ~ sql_string_literal(path) ~ ")" -%}
        {%- elif file_format == 'csv' -%}
            {%- set statement = "create table " ~ schema_name ~ "." ~ table ~ " using csv options (path "
                ~ sql_string_literal(path) ~ ", header 'true', inferSchema 'false', multiLine 'true', escape '\"')" -%}
        {%- else -%}
            {{ exceptions.raise_compiler_error("create_raw_tables_from_files: file_format is csv or parquet, not '"
                ~ file_format ~ "'") }}
        {%- endif -%}
        {%- do run_query(statement) -%}
        {%- do log("created " ~ schema_name ~ "." ~ table, info=true) -%}
    {%- endfor -%}
{% endmacro %}
