-- Repeat contacts, one pair per return. A return is a later ticket of the same customer and
-- issue_type created inside an earlier ticket's repeat window (from its first resolution to
-- repeat_contact_window_days after its last one; see int_tickets_classified_by_path). A return
-- is charged to ONE earlier ticket: of the windows it falls in, the one opened last (the most
-- recent answer the customer came back from; ties by ticket_id). Looking back, a ticket is a
-- repeat case when it is such a return; looking ahead, a ticket has a repeat contact when at
-- least one return is charged to it. The pairs are found by an equi-join on customer and issue
-- type (a stream holds a handful of tickets), so a return is never charged to every parallel
-- earlier ticket, and the cost of a return can follow it to the ticket it repeats.
with

tickets as (
    select * from {{ ref('int_tickets_classified_by_path') }}
),

windows as (
    select
        ticket_id as repeated_ticket_id,
        customer_id,
        issue_type,
        repeat_window_start_at,
        repeat_window_end_at
    from tickets
    where repeat_window_start_at is not null
),

candidates as (
    select
        tickets.ticket_id,
        tickets.created_at as return_created_at,
        windows.repeated_ticket_id,
        windows.repeat_window_start_at,
        windows.repeat_window_end_at
    from tickets
    inner join windows
        on
            tickets.customer_id = windows.customer_id
            and tickets.issue_type = windows.issue_type
            and tickets.ticket_id <> windows.repeated_ticket_id
),

-- Each return with the one earlier ticket it is charged to.
returns as (
    select
        ticket_id,
        return_created_at,
        repeated_ticket_id,
        row_number() over (
            partition by ticket_id
            order by repeat_window_start_at desc, repeated_ticket_id desc
        ) as window_rank
    from candidates
    where {{ repeat_contact_rate('pair') }}
),

charged as (
    select
        ticket_id,
        return_created_at,
        repeated_ticket_id
    from returns
    where window_rank = 1
),

-- Per earlier ticket: its first return.
returns_per_ticket as (
    select
        repeated_ticket_id as ticket_id,
        min(return_created_at) as next_same_issue_created_at,
        count(*) as repeat_contact_count
    from charged
    group by repeated_ticket_id
),

paired as (
    select
        tickets.ticket_id,
        tickets.repeat_window_start_at,
        tickets.repeat_window_end_at,
        returns_per_ticket.next_same_issue_created_at,
        charged.repeated_ticket_id,
        coalesce(returns_per_ticket.repeat_contact_count, 0) as repeat_contact_count
    from tickets
    left join returns_per_ticket
        on tickets.ticket_id = returns_per_ticket.ticket_id
    left join charged
        on tickets.ticket_id = charged.ticket_id
)

select
    ticket_id,
    repeat_window_start_at,
    repeat_window_end_at,
    next_same_issue_created_at,
    repeat_contact_count,
    {{ repeat_contact_rate('row') }} as has_repeat_contact,
    repeated_ticket_id,
    {{ repeat_case_handle_time('row') }} as is_repeat_case
from paired
