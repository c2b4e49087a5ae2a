{#- A fast 64-bit hash of a value, for grouping a large set cheaply where a collision only costs
    a little extra work (e.g. finding the few event ids that occur twice: a collision makes a
    unique id a candidate, which the exact check then clears). Not for pseudonymisation (see
    pseudonymize) and not stable across engines. -#}
{% macro fast_hash(expression) -%}
    {{ return(adapter.dispatch('fast_hash', 'support_metrics')(expression)) }}
{%- endmacro %}

{% macro default__fast_hash(expression) -%}
    {{ dbt.hash(expression) }}
{%- endmacro %}

{% macro duckdb__fast_hash(expression) -%}
    hash({{ expression }})
{%- endmacro %}

{% macro postgres__fast_hash(expression) -%}
    hashtextextended({{ expression }}, 0)
{%- endmacro %}

{% macro spark__fast_hash(expression) -%}
    xxhash64({{ expression }})
{%- endmacro %}
