-- The business clock (business seconds since the calendar began, under var `business_hours`) at
-- each ticket timestamp that a business-hours duration needs. A duration in business time is the
-- difference of two clocks.
{%- set clocked = ['created_at', 'first_response_at', 'first_useful_reply_at', 'resolved_at'] %}

with

tickets as (
    select
        ticket_id,
        {{ clocked | join(',\n        ') }}
    from {{ ref('int_tickets_classified_by_path') }}
),

calendar as (
    select * from {{ ref('util_business_calendar') }}
)

select
    tickets.ticket_id,
    {%- for column in clocked %}
    case
        when tickets.{{ column }} is not null
            then {{ business_clock_seconds('tickets.' ~ column, 'calendar_' ~ column) }}
    end as {{ column }}_business_clock{% if not loop.last %},{% endif %}
    {%- endfor %}
from
    tickets
{%- for column in clocked %}
left join calendar as calendar_{{ column }}
on {{ business_local_date('tickets.' ~ column) }} = calendar_{{ column }}.local_date
{%- endfor %}
