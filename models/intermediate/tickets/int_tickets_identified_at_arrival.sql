-- The account identifier each ticket arrived with: the account_id of its first version (earliest
-- updated_at). Lumen's missing-identifier rate is an intake measure, so a ticket that arrived
-- without an account and was identified later still arrived without one. Older versions of a
-- ticket are quarantined as duplicates (the newest is the ticket), but they still say what the
-- ticket looked like when it arrived. At one instant, a version without the identifier sorts first.
with

versions as (
    select
        ticket_id,
        account_id,
        row_number() over (
            partition by ticket_id
            order by updated_at, case when account_id is null then 0 else 1 end, account_id
        ) as version_order
    from {{ ref('stg_helpdesk__tickets') }}
    where rejection_reason is null or rejection_reason = 'duplicate_ticket_id'
)

select
    ticket_id,
    account_id as arrival_account_id
from versions
where version_order = 1
