{#- Minutes from ticket creation to its final resolution (the first solved/closed status after the last open, pending or reopened one). Resolved tickets only. Part `business_row`: the same in business minutes (var `business_hours`), from the business clocks of int_ticket_timestamps_business_clocked. -#}
{% macro resolution_time(part) -%}
    {%- if part == 'row' -%}
        {{ elapsed_minutes('created_at', 'resolved_at') }}
    {%- elif part == 'business_row' -%}
        ((resolved_at_business_clock - created_at_business_clock) / 60.0)
    {%- else -%}
        {{ duration_aggregate('resolution_time', 'resolution_minutes', part) }}
    {%- endif -%}
{%- endmacro %}
