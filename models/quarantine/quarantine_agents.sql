-- Raw agents rows that break the contract, each with the reason and the row as it arrived.
select
    agent_id,
    rejection_reason,
    raw_values
from {{ ref('stg_helpdesk__agents') }}
where rejection_reason is not null
