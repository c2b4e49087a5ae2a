{#- Parse day-first text `D/M/YYYY H:MM` (minute resolution, no zone: ServiceNow's export format)
    into a timestamp; text that does not match gives null (the row is then quarantined, never
    guessed). -#}
{% macro parse_day_first_timestamp(expression) -%}
    {{ return(adapter.dispatch('parse_day_first_timestamp', 'support_metrics')(expression)) }}
{%- endmacro %}

{% macro default__parse_day_first_timestamp(expression) -%}
    try_strptime({{ expression }}, '%d/%m/%Y %H:%M')
{%- endmacro %}

{% macro postgres__parse_day_first_timestamp(expression) -%}
    case
        when {{ expression }} ~ '^[0-9]{1,2}/[0-9]{1,2}/[0-9]{4} [0-9]{1,2}:[0-9]{2}$'
            then cast(to_timestamp({{ expression }}, 'DD/MM/YYYY HH24:MI') as timestamp)
    end
{%- endmacro %}

{% macro spark__parse_day_first_timestamp(expression) -%}
    try_to_timestamp({{ expression }}, 'd/M/yyyy H:mm')
{%- endmacro %}
