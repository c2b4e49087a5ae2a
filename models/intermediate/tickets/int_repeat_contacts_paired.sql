-- Repeat contacts, one pair per return. A return is a later ticket of the same customer and
-- issue_type created while an earlier ticket stood resolved, at most repeat_contact_window_days
-- after the resolution then in force (the answer the customer came back from). A ticket created
-- while the earlier one was still open, or open again after a reopen, is a parallel contact: the
-- failed answer already counts as the earlier ticket's reopen. A return is charged to ONE earlier
-- ticket: of the resolutions it falls after, the latest (ties by the earlier ticket's creation,
-- then ticket_id). Looking back, a ticket is a repeat case when it is such a return; looking
-- ahead, a ticket has a repeat contact when at least one return is charged to it. The pairs are
-- found by an equi-join on customer and issue type (a stream holds a handful of tickets), so a
-- return is never charged to every parallel earlier ticket, and the cost of a return can follow
-- it to the ticket it repeats.
with

tickets as (
    select * from {{ ref('int_tickets_classified_by_path') }}
),

-- The ticket's status history (int_ticket_states_intervalled, in the one event order) cut into
-- resolved stretches: from a resolution (a solved or closed status after an open one) until the
-- ticket was open again (null while it stays resolved). A closed after solved is bookkeeping
-- inside the stretch.
status_intervals as (
    select
        ticket_id,
        valid_from,
        valid_to,
        is_open,
        lag(is_open) over (partition by ticket_id order by valid_from) as previous_is_open
    from {{ ref('int_ticket_states_intervalled') }}
),

stretch_starts as (
    select
        ticket_id,
        valid_from,
        valid_to,
        is_open,
        sum(case when not is_open and coalesce(previous_is_open, true) then 1 else 0 end) over (
            partition by ticket_id
            order by valid_from
            rows between unbounded preceding and current row
        ) as stretch_number
    from status_intervals
),

resolved_stretches as (
    select
        ticket_id,
        stretch_number,
        min(valid_from) as resolved_from,
        -- null when the last interval of the stretch has no end (still resolved)
        case when count(valid_to) = count(*) then max(valid_to) end as resolved_until
    from stretch_starts
    where not is_open
    group by ticket_id, stretch_number
),

windows as (
    select
        tickets.ticket_id as repeated_ticket_id,
        tickets.customer_id,
        tickets.issue_type,
        tickets.created_at as repeated_created_at,
        resolved_stretches.resolved_from,
        resolved_stretches.resolved_until
    from tickets
    inner join resolved_stretches
        on tickets.ticket_id = resolved_stretches.ticket_id
),

candidates as (
    select
        tickets.ticket_id,
        tickets.created_at as return_created_at,
        windows.repeated_ticket_id,
        windows.repeated_created_at,
        windows.resolved_from,
        windows.resolved_until
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
            order by resolved_from desc, repeated_created_at desc, repeated_ticket_id desc
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
