-- For each ticket, the first later ticket of the same customer and issue_type opened after its
-- repeat window starts (resolution, or creation if never resolved), and whether that falls
-- within the window. Window functions over one ordered stream per customer and issue_type, no
-- self-join: window starts and ticket creations are interleaved in time order, and each window
-- start looks ahead for the next creation.
with

tickets as (
    select * from {{ ref('int_tickets_classified_by_path') }}
),

stream as (
    -- A creation sorts before a window start at the same instant, so a ticket created exactly
    -- when another's window opens is not "after" it, and a never-resolved ticket never pairs
    -- with itself.
    select
        ticket_id,
        customer_id,
        issue_type,
        created_at as happened_at,
        0 as sort_order,
        created_at as creation_at
    from tickets
    union all
    select
        ticket_id,
        customer_id,
        issue_type,
        repeat_window_start_at as happened_at,
        1 as sort_order,
        cast(null as {{ dbt.type_timestamp() }}) as creation_at
    from tickets
),

looked_ahead as (
    select
        ticket_id,
        sort_order,
        happened_at,
        min(creation_at) over (
            partition by customer_id, issue_type
            order by happened_at, sort_order, ticket_id
            rows between 1 following and unbounded following
        ) as next_same_issue_created_at
    from stream
),

paired as (
    select
        ticket_id,
        happened_at as repeat_window_start_at,
        next_same_issue_created_at
    from looked_ahead
    where sort_order = 1
)

select
    ticket_id,
    repeat_window_start_at,
    next_same_issue_created_at,
    {{ repeat_contact_rate('row') }} as has_repeat_contact
from paired
