-- Raw tickets rows that break the contract, each with the reason and the row as it arrived.
select
    ticket_id,
    rejection_reason,
    raw_values
from {{ ref('stg_helpdesk__tickets') }}
where rejection_reason is not null
