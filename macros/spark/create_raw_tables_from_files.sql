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
    {%- set schema = sql_identifier(schema_name, 'create_raw_tables_from_files: schema_name') -%}
    {%- do run_query('create schema if not exists ' ~ schema) -%}
    {%- for table in ['tickets', 'ticket_events', 'survey_responses', 'accounts', 'agents'] -%}
        {%- set path = sql_string_literal(raw_dir.rstrip('/') ~ '/' ~ table ~ '.' ~ file_format) -%}
        {%- do run_query('drop table if exists ' ~ schema ~ '.' ~ table) -%}
        {%- if file_format == 'parquet' -%}
            {%- set statement = "create table " ~ schema ~ "." ~ table ~ " using parquet options (path "
                ~ path ~ ")" -%}
        {%- elif file_format == 'csv' -%}
            {%- set statement = "create table " ~ schema ~ "." ~ table ~ " using csv options (path "
                ~ path ~ ", header 'true', inferSchema 'false', multiLine 'true', escape '\"')" -%}
        {%- else -%}
            {{ exceptions.raise_compiler_error("create_raw_tables_from_files: file_format is csv or parquet, not "
                ~ file_format | string | tojson) }}
        {%- endif -%}
        {%- do run_query(statement) -%}
        {%- do log("created " ~ schema_name ~ "." ~ table, info=true) -%}
    {%- endfor -%}
{% endmacro %}
