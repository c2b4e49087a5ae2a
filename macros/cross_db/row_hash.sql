{#- A 64-bit hash of several values taken together (a null differs from an empty string), for the
    per-ticket fingerprints of the incremental builds. Stable within one engine, not across them. -#}
{% macro row_hash(expressions) -%}
    {{ return(adapter.dispatch('row_hash', 'support_metrics')(expressions)) }}
{%- endmacro %}

{% macro default__row_hash(expressions) -%}
    {%- set parts = [] -%}
    {%- for expression in expressions -%}
        {%- do parts.append("coalesce('v' || cast(" ~ expression ~ " as " ~ dbt.type_string() ~ "), 'n')") -%}
    {%- endfor -%}
    {{ fast_hash(parts | join(" || '|' || ")) }}
{%- endmacro %}

{% macro duckdb__row_hash(expressions) -%}
    hash({{ expressions | join(', ') }})
{%- endmacro %}

{% macro postgres__row_hash(expressions) -%}
    hashtextextended(cast(row({{ expressions | join(', ') }}) as text), 0)
{%- endmacro %}

{% macro spark__row_hash(expressions) -%}
    xxhash64({{ expressions | join(', ') }})
{%- endmacro %}

{#- The order-free sum of row hashes (a group's fingerprint), wide enough never to overflow. -#}
{% macro hash_sum(expression) -%}
    sum(cast({{ expression }} as decimal(38, 0)))
{%- endmacro %}
