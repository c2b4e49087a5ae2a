-- When each ticket's answer held (macro time_to_customer_safe_answer): its own final resolution,
-- or later the final resolutions of the returns charged to it (int_repeat_contacts_paired) and of
-- their returns in turn; null while the ticket or any return below it is unresolved. Failed
-- answers are waiting time, not answers. A return is always created after the ticket it is
-- charged to, so the charges form trees and the descent ends.
with recursive

tickets as (
    select
        ticket_id,
        resolved_at
    from {{ ref('int_tickets_classified_by_path') }}
),

charges as (
    select
        ticket_id,
        repeated_ticket_id
    from {{ ref('int_repeat_contacts_paired') }}
    where repeated_ticket_id is not null
),

-- Each ticket with itself and every return below it.
descendants (ticket_id, descendant_id) as (
    select
        ticket_id,
        ticket_id as descendant_id
    from tickets
    union all
    select
        descendants.ticket_id,
        charges.ticket_id as descendant_id
    from descendants
    inner join charges
        on descendants.descendant_id = charges.repeated_ticket_id
)

select
    descendants.ticket_id,
    {{ time_to_customer_safe_answer('held_at') }} as customer_safe_answer_at
from descendants
inner join tickets
    on descendants.descendant_id = tickets.ticket_id
group by descendants.ticket_id
