-- Zendesk satisfaction ratings as raw contract survey responses: each change of the ticket field
-- `satisfaction_score` to a rating (good, bad) in the field history, when it was given. An offer
-- (`offered`, `unoffered`) or a cleared value is not an answer and gives no row. The rating maps
-- to a CSAT score by var zendesk.csat_scores (default good 5, bad 1); Zendesk asks no effort or
-- promoter question, so ces_score and nps_score stay null.
with

history as (
    select * from {{ ref('stg_zendesk__ticket_field_history') }}
),

ratings as (
    select
        ticket_id,
        changed_at,
        field_value,
        row_number() over (
            partition by ticket_id
            order by changed_at, field_value
        ) as rating_number
    from history
    where
        field_name = 'satisfaction_score'
        and field_value is not null
        and lower(field_value) not in ('offered', 'unoffered')
)

select
    {{ contract_row('survey_responses', {
        'response_id': "'satisfaction:' || ticket_id || ':' || cast(rating_number as " ~ dbt.type_string() ~ ")",
        'ticket_id': 'ticket_id',
        'responded_at': 'changed_at',
        'csat_score': zendesk_csat_score('field_value'),
    }) }}
from ratings
