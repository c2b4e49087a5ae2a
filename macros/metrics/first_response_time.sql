{#- Minutes from ticket creation to the first public message by ai, agent or engineer, of any kind (an acknowledgement counts). Legacy metric: read it beside first_useful_reply_time. Part `business_row`: the same in business minutes (var `business_hours`), from the business clocks of int_ticket_timestamps_business_clocked. -#}
{% macro first_response_time(part) -%}
    {%- if part == 'row' -%}
        {{ elapsed_minutes('created_at', 'first_response_at') }}
    {%- elif part == 'business_row' -%}
        ((first_response_at_business_clock - created_at_business_clock) / 60.0)
    {%- else -%}
        {{ duration_aggregate('first_response_time', 'first_response_minutes', part) }}
    {%- endif -%}
{%- endmacro %}
