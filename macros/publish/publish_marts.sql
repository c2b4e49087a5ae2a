{#- on-run-end: publish the marts. dbt builds in a private file (profiles.yml); BI tools and the
    dashboard read DUCKDB_PATH, which holds the marts schema and nothing else (no raw, staged or
    quarantined rows, no salt). After a successful `dbt run` or `dbt build` the marts are copied
    into a temporary file beside DUCKDB_PATH (DuckDB 1.0's storage format, for BI drivers built on
    DuckDB 1.x), which the build plugin (scripts/duckdb_build_plugin.py) renames over DUCKDB_PATH:
    a reader sees the previous marts or the new ones, never half of a build. A run with an error,
    a failing test or a skipped node publishes nothing (nor does `--empty`), so the previous file
    stays. A no-op on other engines,
    whose marts schema is the BI tools' (granted to the reader role, macros/access). -#}
{% macro publish_marts() -%}
    {{ return(adapter.dispatch('publish_marts', 'support_metrics')()) }}
{%- endmacro %}

{% macro default__publish_marts() -%}
    select 1
{%- endmacro %}

{% macro duckdb__publish_marts() -%}
    {#- A `--empty` run builds every model without rows: nothing to publish. -#}
    {%- if execute and flags.WHICH in ['run', 'build'] and not flags.EMPTY -%}
        {%- set failed = [] -%}
        {%- for result in results if result.status in ['error', 'fail', 'runtime error', 'skipped'] -%}
            {%- do failed.append(result.node.name) -%}
        {%- endfor -%}
        {%- if failed -%}
            {{ log("Marts not published: " ~ failed | length ~ " node(s) failed or were skipped ("
                ~ failed[:5] | join(', ') ~ (', ...' if failed | length > 5 else '')
                ~ "); the file BI tools read keeps the last successful build.", info=true) }}
        {%- else -%}
            {%- do publish_marts_file() -%}
        {%- endif -%}
    {%- endif -%}
    select 1
{%- endmacro %}

{#- Copy every relation of the marts schema into a temporary file and rename it over DUCKDB_PATH. -#}
{% macro publish_marts_file() -%}
    {%- set marts = generate_schema_name('marts', none) | trim -%}
    {%- set temporary = run_query('select support_publish_temporary_path()').columns[0].values()[0] -%}
    {%- set names = run_query(
        "select table_name from information_schema.tables where table_catalog = current_database()"
        ~ " and table_schema = " ~ sql_string_literal(marts) ~ " order by table_name").columns[0].values() -%}
    {%- do run_query("attach " ~ sql_string_literal(temporary)
        ~ " as support_publish (storage_version 'v1.0.0')") -%}
    {%- do run_query('create schema support_publish.' ~ adapter.quote(marts)) -%}
    {%- for name in names -%}
        {%- set source = api.Relation.create(database=target.database, schema=marts, identifier=name) -%}
        {%- do run_query('create table support_publish.' ~ adapter.quote(marts) ~ '.' ~ adapter.quote(name)
            ~ ' as select * from ' ~ source) -%}
    {%- endfor -%}
    {%- do run_query('checkpoint support_publish') -%}
    {%- do run_query('detach support_publish') -%}
    {%- set published = run_query('select support_publish_commit()').columns[0].values()[0] -%}
    {{ log("Marts published (" ~ names | length ~ " tables of " ~ marts ~ ") to " ~ published, info=true) }}
{%- endmacro %}
