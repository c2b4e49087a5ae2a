-- Canonical survey responses: the valid rows of the chosen source system, one row per response.
{%- do source_system() %}

select
    response_id,
    ticket_id,
    responded_at,
    csat_score,
    ces_score,
    nps_score
from {{ ref('int_survey_responses_validated') }}
where rejection_reason is null
