{#- A cast that yields null instead of failing on a value that does not convert. dbt.safe_cast is
    a plain cast on DuckDB and PostgreSQL, so bad raw text would abort the build; staging needs the
    null so that it can quarantine the row with a reason. Named apart from dbt's own safe_cast,
    which dbt's unit tests call to build their fixtures: a project macro of that name would
    replace it there. -#}
{% macro guarded_cast(expression, data_type) -%}
    {{ return(adapter.dispatch('guarded_cast', 'support_metrics')(expression, data_type)) }}
{%- endmacro %}

{% macro default__guarded_cast(expression, data_type) -%}
    try_cast({{ expression }} as {{ data_type }})
{%- endmacro %}

{#- A double-precision float type (dbt.type_float() is a 32-bit float on DuckDB). -#}
{% macro type_double() -%}
    {{ return(adapter.dispatch('type_double', 'support_metrics')()) }}
{%- endmacro %}

{% macro default__type_double() -%}
    double precision
{%- endmacro %}

{% macro duckdb__type_double() -%}
    double
{%- endmacro %}

{% macro spark__type_double() -%}
    double
{%- endmacro %}

{#- PostgreSQL has no try_cast. A plpgsql function per target type (created by the on-run-start
    hook, create_safe_cast_functions) attempts the cast and returns null where it raises: a guarded
    cast that accepts exactly what a plain cast accepts, without guessing formats by regex. -#}
{% macro postgres__guarded_cast(expression, data_type) -%}
    {{ safe_cast_function_name(data_type) }}(cast({{ expression }} as text))
{%- endmacro %}

{#- The PostgreSQL types staging casts raw text to, and the name of each one's guarded cast. -#}
{% macro safe_cast_function_types() -%}
    {{ return({
        'timestamp': 'timestamp without time zone',
        'timestamp without time zone': 'timestamp without time zone',
        'timestamptz': 'timestamp with time zone',
        'timestamp with time zone': 'timestamp with time zone',
        'date': 'date',
        'numeric(28,6)': 'numeric(28,6)',
        'numeric': 'numeric',
        'bigint': 'bigint',
        'integer': 'integer',
        'boolean': 'boolean',
    }) }}
{%- endmacro %}

{% macro safe_cast_function_name(data_type) -%}
    {%- set types = safe_cast_function_types() -%}
    {%- set key = data_type | lower | replace(' ', '') | replace('withouttimezone', ' without time zone') | replace('withtimezone', ' with time zone') -%}
    {%- if key not in types -%}
        {{ exceptions.raise_compiler_error(
            "guarded_cast on PostgreSQL: no guarded cast for type '" ~ data_type ~ "'; add it to "
            ~ "safe_cast_function_types (macros/cross_db/guarded_cast.sql).") }}
    {%- endif -%}
    {{ return(sql_identifier(target.schema, 'the target schema (SUPPORT_PG_SCHEMA)') ~ '.support_try_cast_' ~ (types[key] | replace('(', '_') | replace(')', '') | replace(',', '_') | replace(' ', '_'))) }}
{%- endmacro %}

{#- on-run-start: create the guarded casts guarded_cast needs (PostgreSQL only; a no-op elsewhere). -#}
{% macro create_safe_cast_functions() -%}
    {{ return(adapter.dispatch('create_safe_cast_functions', 'support_metrics')()) }}
{%- endmacro %}

{% macro default__create_safe_cast_functions() -%}
    select 1
{%- endmacro %}

{% macro postgres__create_safe_cast_functions() -%}
    create schema if not exists {{ sql_identifier(target.schema, 'the target schema (SUPPORT_PG_SCHEMA)') }};
    {%- for pg_type in safe_cast_function_types().values() | unique %}
    create or replace function {{ safe_cast_function_name(pg_type) }}(value text)
    returns {{ pg_type }} language plpgsql stable as $$
    begin
        return value::{{ pg_type }};
    exception when others then
        return null;
    end
    $$;
    {%- endfor %}
{%- endmacro %}
