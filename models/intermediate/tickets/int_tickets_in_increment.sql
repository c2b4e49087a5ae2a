-- The tickets an incremental run rebuilds in the ticket-level incremental models: every ticket
-- with an event, a survey response or a ticket version (created or updated) since
-- incremental_cutoff(), and every other ticket of the same customer and issue type (its repeat
-- contact pairing may change with them). Rebuilt in full on every run; it is small.
with

tickets as (
    select * from {{ ref('int_tickets_conformed') }}
),

changed as (
    select ticket_id
    from {{ ref('int_ticket_events_validated') }}
    where
        ticket_id is not null
        and (occurred_at >= {{ incremental_cutoff() }} or occurred_at is null)
    union
    select ticket_id
    from {{ ref('int_survey_responses_validated') }}
    where
        ticket_id is not null
        and (responded_at >= {{ incremental_cutoff() }} or responded_at is null)
    union
    select ticket_id
    from {{ ref('stg_helpdesk__tickets') }}
    where
        ticket_id is not null
        and (
            created_at >= {{ incremental_cutoff() }}
            or updated_at >= {{ incremental_cutoff() }}
            or created_at is null
            or updated_at is null
        )
),

changed_streams as (
    select distinct
        tickets.customer_id,
        tickets.issue_type
    from tickets
    inner join changed
        on tickets.ticket_id = changed.ticket_id
)

select changed.ticket_id
from changed
union
select tickets.ticket_id
from tickets
inner join changed_streams
    on
        tickets.customer_id = changed_streams.customer_id
        and tickets.issue_type = changed_streams.issue_type
