-- The weekly path-segmented scorecard a support leader reads, in one select: each week, each
-- support path beside the blend. Compile with `dbt compile -s weekly_scorecard_by_path`, or run
-- the same query against the marts schema from any SQL client.
select
    week_start,
    support_path,
    tickets,
    round(time_to_first_evidence_median) as evidence_median_minutes,
    round(misroute_rate, 3) as misroute_rate,
    round(escalation_rework_rate, 3) as escalation_rework_rate,
    round(first_human_useful_reply_time_median) as human_reply_median_minutes,
    round(first_human_useful_reply_time_p90) as human_reply_p90_minutes
from {{ ref('scorecard_weekly') }}
order by week_start desc, support_path asc
