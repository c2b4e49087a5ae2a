-- Raw survey_responses rows that break the contract, each with the reason and the row as it
-- arrived.
select
    response_id,
    ticket_id,
    rejection_reason,
    raw_values
from {{ ref('int_survey_responses_validated') }}
where rejection_reason is not null
