-- Canonical accounts: the valid rows of the chosen source system, one row per account.
{%- do source_system() %}

select
    account_id,
    segment,
    arr_usd,
    renewal_date
from {{ ref('stg_helpdesk__accounts') }}
where rejection_reason is null
