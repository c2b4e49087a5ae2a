-- For each ticket, looking ahead: the first later ticket of the same customer and issue_type
-- opened after its repeat window starts (resolution, or creation if never resolved), and whether
-- that falls within the window. Looking back: whether the ticket itself is a repeat case, opened
-- within the window of an earlier ticket. Window functions over one ordered stream per customer
-- and issue_type, no self-join: window starts and ticket creations are interleaved in time
-- order; each window start looks ahead for the next creation, each creation looks back for the
-- latest window start.
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
        created_at as creation_at,
        cast(null as {{ dbt.type_timestamp() }}) as window_start_at
    from tickets
    union all
    select
        ticket_id,
        customer_id,
        issue_type,
        repeat_window_start_at as happened_at,
        1 as sort_order,
        cast(null as {{ dbt.type_timestamp() }}) as creation_at,
        repeat_window_start_at as window_start_at
    from tickets
),

scanned as (
    select
        ticket_id,
        sort_order,
        happened_at,
        min(creation_at) over (
            partition by customer_id, issue_type
            order by happened_at, sort_order, ticket_id
            rows between 1 following and unbounded following
        ) as next_same_issue_created_at,
        max(window_start_at) over (
            partition by customer_id, issue_type
            order by happened_at, sort_order, ticket_id
            rows between unbounded preceding and 1 preceding
        ) as previous_window_start_at
    from stream
),

paired as (
    select
        ticket_id,
        happened_at as repeat_window_start_at,
        next_same_issue_created_at
    from scanned
    where sort_order = 1
),

-- A creation's latest earlier window start; a window start at the same instant sorts after the
-- creation, so it is not earlier.
looked_back as (
    select
        ticket_id,
        happened_at as created_at,
        previous_window_start_at
    from scanned
    where sort_order = 0
)

select
    paired.ticket_id,
    paired.repeat_window_start_at,
    paired.next_same_issue_created_at,
    {{ repeat_contact_rate('row') }} as has_repeat_contact,
    looked_back.previous_window_start_at,
    {{ repeat_case_handle_time('row') }} as is_repeat_case
from paired
inner join looked_back
    on paired.ticket_id = looked_back.ticket_id
