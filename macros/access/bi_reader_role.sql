{#- The role BI tools read the marts as (var `bi_reader_role`). On PostgreSQL: created if missing,
    without login (grant it to the BI tool's login user), and given USAGE on the marts schema at
    the end of the run; the models' `grants` config gives it SELECT on each mart. Nothing else is
    granted, so staging, intermediate, quarantine and raw tables stay out of its reach. A no-op on
    engines without roles. -#}
{% macro create_bi_reader_role() -%}
    {#- Checked on every engine: the role is pasted into grants (dbt's grant macros do not quote it). -#}
    {%- do sql_identifier(var('bi_reader_role'), 'var bi_reader_role') -%}
    {{ return(adapter.dispatch('create_bi_reader_role', 'support_metrics')()) }}
{%- endmacro %}

{% macro default__create_bi_reader_role() -%}
    select 1
{%- endmacro %}

{% macro postgres__create_bi_reader_role() -%}
    {%- set role = var('bi_reader_role') -%}
    do $$
    begin
        if not exists (select 1 from pg_roles where rolname = {{ sql_string_literal(role) }}) then
            create role {{ sql_identifier(role, 'var bi_reader_role') }} nologin;
        end if;
    end
    $$;
{%- endmacro %}

{% macro grant_marts_schema_usage() -%}
    {{ return(adapter.dispatch('grant_marts_schema_usage', 'support_metrics')()) }}
{%- endmacro %}

{% macro default__grant_marts_schema_usage() -%}
    select 1
{%- endmacro %}

{% macro postgres__grant_marts_schema_usage() -%}
    {%- if execute and flags.WHICH in ['run', 'build'] -%}
    {%- set schema = generate_schema_name('marts', none) | trim -%}
    do $$
    begin
        if exists (select 1 from pg_namespace where nspname = {{ sql_string_literal(schema) }}) then
            grant usage on schema {{ sql_identifier(schema, 'the marts schema (SUPPORT_PG_SCHEMA)') }}
                to {{ sql_identifier(var('bi_reader_role'), 'var bi_reader_role') }};
        end if;
    end
    $$;
    {%- else -%}
    select 1
    {%- endif -%}
{%- endmacro %}
