-- One survey voice per ticket: its latest response (ties broken by response_id), so a customer who
-- answers twice is not counted twice in CSAT, CES or NPS.
with

responses as (
    select * from {{ ref('int_survey_responses_conformed') }}
),

ranked as (
    select
        ticket_id,
        response_id,
        responded_at,
        csat_score,
        ces_score,
        nps_score,
        row_number() over (
            partition by ticket_id
            order by responded_at desc, response_id desc
        ) as response_rank
    from responses
)

select
    ticket_id,
    response_id,
    responded_at,
    csat_score,
    ces_score,
    nps_score
from ranked
where response_rank = 1
