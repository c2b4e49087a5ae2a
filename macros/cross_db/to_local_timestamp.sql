{#- A UTC timestamp (without zone) as wall-clock time in `time_zone` (an IANA name). -#}
{% macro to_local_timestamp(utc_timestamp, time_zone) -%}
    {{ return(adapter.dispatch('to_local_timestamp', 'support_metrics')(utc_timestamp, time_zone)) }}
{%- endmacro %}

{% macro default__to_local_timestamp(utc_timestamp, time_zone) -%}
    timezone({{ sql_string_literal(time_zone) }}, timezone('UTC', {{ utc_timestamp }}))
{%- endmacro %}

{% macro postgres__to_local_timestamp(utc_timestamp, time_zone) -%}
    (({{ utc_timestamp }}) at time zone 'UTC' at time zone {{ sql_string_literal(time_zone) }})
{%- endmacro %}

{% macro spark__to_local_timestamp(utc_timestamp, time_zone) -%}
    from_utc_timestamp({{ utc_timestamp }}, {{ sql_string_literal(time_zone) }})
{%- endmacro %}
