-- The customer's rating of each current Intercom conversation as a contract survey response: the
-- rating (1 to 5) is the CSAT score, given when it was rated. Intercom asks no effort or
-- promoter question (CES and NPS stay null). A rating that is not a whole number keeps a null
-- score and is quarantined (no_score), never rounded.
with

conversations as (
    select * from {{ ref('stg_intercom__conversation_history') }}
)

select
    {{ contract_row('survey_responses', {
        'response_id': "conversation_id || ':rating'",
        'ticket_id': 'conversation_id',
        'responded_at': 'rated_at',
        'csat_score': 'rating_value',
    }) }}
from conversations
where is_rated
