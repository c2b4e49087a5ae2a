{#- Minutes from ticket creation to the first useful reply: a public answer or resolution by ai, agent or engineer. Part `business_row`: the same in business minutes (var `business_hours`), from the business clocks of int_ticket_timestamps_business_clocked. -#}
{% macro first_useful_reply_time(part) -%}
    {%- if part == 'row' -%}
        {{ elapsed_minutes('created_at', 'first_useful_reply_at') }}
    {%- elif part == 'business_row' -%}
        ((first_useful_reply_at_business_clock - created_at_business_clock) / 60.0)
    {%- else -%}
        {{ duration_aggregate('first_useful_reply_time', 'first_useful_reply_minutes', part) }}
    {%- endif -%}
{%- endmacro %}
