-- One row per raw ticket_id: whether a valid version of the ticket exists and, if so, when it was
-- created. Events and survey responses are checked against this.
select
    ticket_id,
    max(case when rejection_reason is null then created_at end) as created_at,
    sum(case when rejection_reason is null then 1 else 0 end) > 0 as has_valid_version
from {{ ref('stg_helpdesk__tickets') }}
where ticket_id is not null
group by ticket_id
