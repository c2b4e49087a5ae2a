-- Raw accounts rows that break the contract, each with the reason and the row as it arrived.
select
    account_id,
    rejection_reason,
    raw_values
from {{ ref('stg_helpdesk__accounts') }}
where rejection_reason is not null
