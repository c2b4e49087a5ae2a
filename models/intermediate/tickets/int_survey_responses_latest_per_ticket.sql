-- One survey voice per ticket and measure: CSAT, CES and NPS each take the ticket's latest response
-- that answered that measure (ties at one instant broken by response_id). A later response that
-- answered only NPS does not erase an earlier CSAT: the customer did not withdraw it.
with

responses as (
    select * from {{ ref('int_survey_responses_conformed') }}
),

-- Each response's place among the ticket's answers to each measure, newest first; a response
-- that skipped a measure sorts after every response that answered it.
ranked as (
    select
        ticket_id,
        responded_at,
        csat_score,
        ces_score,
        nps_score,
        row_number() over (
            partition by ticket_id
            order by case when csat_score is null then 1 else 0 end, responded_at desc, response_id desc
        ) as csat_rank,
        row_number() over (
            partition by ticket_id
            order by case when ces_score is null then 1 else 0 end, responded_at desc, response_id desc
        ) as ces_rank,
        row_number() over (
            partition by ticket_id
            order by case when nps_score is null then 1 else 0 end, responded_at desc, response_id desc
        ) as nps_rank
    from responses
)

select
    ticket_id,
    count(*) as response_count,
    max(responded_at) as last_responded_at,
    max(case when csat_rank = 1 then csat_score end) as csat_score,
    max(case when ces_rank = 1 then ces_score end) as ces_score,
    max(case when nps_rank = 1 then nps_score end) as nps_score
from ranked
group by ticket_id
