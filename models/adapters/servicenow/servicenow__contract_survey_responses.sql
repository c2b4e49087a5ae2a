-- ServiceNow's incident log has no surveys: an empty contract table, so the
-- contract staging reads the same five tables whatever the source system.
select
    {{ contract_row('survey_responses', {}) }}
where 1 = 0
