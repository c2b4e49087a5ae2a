-- Raw ticket_events rows that break the contract, each with the reason and the row as it arrived.
select
    event_id,
    ticket_id,
    rejection_reason,
    raw_values
from {{ ref('int_ticket_events_validated') }}
where rejection_reason is not null
