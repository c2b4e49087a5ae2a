-- Every staged survey response with its final contract verdict: its own checks from staging, then
-- the checks against its ticket (it must exist and be valid; no answer before the ticket opened).
with

responses as (
    select * from {{ ref('stg_helpdesk__survey_responses') }}
),

ticket_ids as (
    select * from {{ ref('int_ticket_ids_resolved') }}
),

checked as (
    select
        responses.response_id,
        responses.ticket_id,
        responses.responded_at,
        responses.csat_score,
        responses.ces_score,
        responses.nps_score,
        responses.raw_values,
        coalesce(
            responses.rejection_reason,
            case
                when ticket_ids.ticket_id is null then 'unknown_ticket_id'
                when not ticket_ids.has_valid_version then 'ticket_quarantined'
                when responses.responded_at < ticket_ids.created_at then 'responded_before_ticket_created'
            end
        ) as rejection_reason
    from responses
    left join ticket_ids
        on responses.ticket_id = ticket_ids.ticket_id
)

-- The readable raw row is kept for rejected rows only: the quarantine needs it, the accepted
-- rows would only carry it as dead weight.
select
    response_id,
    ticket_id,
    responded_at,
    csat_score,
    ces_score,
    nps_score,
    rejection_reason,
    case when rejection_reason is not null then raw_values end as raw_values
from checked
