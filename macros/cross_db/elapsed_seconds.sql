{#- Exact elapsed time from `start_at` to `end_at` in seconds (a number, fractions kept). Not
    dbt.datediff, whose hour and minute semantics count boundaries and differ by engine. -#}
{% macro elapsed_seconds(start_at, end_at) -%}
    {{ return(adapter.dispatch('elapsed_seconds', 'support_metrics')(start_at, end_at)) }}
{%- endmacro %}

{% macro default__elapsed_seconds(start_at, end_at) -%}
    ({{ dbt.datediff(start_at, end_at, 'millisecond') }} / 1000.0)
{%- endmacro %}

{% macro duckdb__elapsed_seconds(start_at, end_at) -%}
    (epoch({{ end_at }}) - epoch({{ start_at }}))
{%- endmacro %}

{% macro postgres__elapsed_seconds(start_at, end_at) -%}
    cast(extract(epoch from ({{ end_at }} - {{ start_at }})) as {{ type_double() }})
{%- endmacro %}

{#- Exact elapsed minutes, the unit every duration metric reports in, as a double on every engine
    (PostgreSQL would otherwise give numeric). -#}
{% macro elapsed_minutes(start_at, end_at) -%}
    cast({{ elapsed_seconds(start_at, end_at) }} as {{ type_double() }}) / 60.0
{%- endmacro %}

{% macro spark__elapsed_seconds(start_at, end_at) -%}
    (cast(unix_micros({{ end_at }}) - unix_micros({{ start_at }}) as {{ type_double() }}) / 1000000.0)
{%- endmacro %}
