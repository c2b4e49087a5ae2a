-- One row per ticket: the wide fact BI tools read. Every flag and duration comes from its metric
-- macro (macros/metrics/); this model only gathers the inputs and names the results.
{{ config(
    materialized=incremental_materialization(),
    incremental_strategy='replace_tickets',
    on_schema_change='fail',
) }}
-- Incremental: a run rebuilds the tickets of int_tickets_in_increment (strategy replace_tickets).
-- depends_on: {{ ref('int_tickets_in_increment') }}
with

tickets as (
    select * from {{ ref('int_tickets_classified_by_path') }}
    where {{ in_ticket_increment() }}
),

repeat_contacts as (
    select * from {{ ref('int_repeat_contacts_paired') }}
),

surveys as (
    select * from {{ ref('int_survey_responses_latest_per_ticket') }}
),

business_clocks as (
    select * from {{ ref('int_ticket_timestamps_business_clocked') }}
),

arrivals as (
    select * from {{ ref('int_tickets_identified_at_arrival') }}
),

safe_answers as (
    select * from {{ ref('int_customer_safe_answers') }}
),

-- The first human useful reply after the ticket's first handoff: the earliest over its handoffs,
-- since a later handoff's first reply can never come before the first one's.
handoffs as (
    select
        ticket_id,
        min(escalated_at) as escalated_at,
        min(first_human_useful_reply_at) as first_human_useful_reply_at
    from {{ ref('int_escalations_windowed') }}
    where escalation_kind = 'ai_handoff' and {{ in_ticket_increment() }}
    group by ticket_id
),

handoff_replies as (
    select
        ticket_id,
        {{ first_human_useful_reply_time('row') }} as first_human_useful_reply_minutes
    from handoffs
),

joined as (
    select
        tickets.*,
        repeat_contacts.next_same_issue_created_at,
        repeat_contacts.has_repeat_contact,
        repeat_contacts.repeated_ticket_id,
        repeat_contacts.is_repeat_case,
        handoff_replies.first_human_useful_reply_minutes,
        surveys.csat_score,
        surveys.ces_score,
        surveys.nps_score,
        arrivals.arrival_account_id,
        safe_answers.customer_safe_answer_at,
        tickets.human_handle_seconds as handle_seconds,
        business_clocks.created_at_business_clock,
        business_clocks.first_response_at_business_clock,
        business_clocks.first_useful_reply_at_business_clock,
        business_clocks.resolved_at_business_clock
    from tickets
    inner join repeat_contacts
        on tickets.ticket_id = repeat_contacts.ticket_id
    left join handoff_replies
        on tickets.ticket_id = handoff_replies.ticket_id
    left join surveys
        on tickets.ticket_id = surveys.ticket_id
    inner join business_clocks
        on tickets.ticket_id = business_clocks.ticket_id
    left join arrivals
        on tickets.ticket_id = arrivals.ticket_id
    left join safe_answers
        on tickets.ticket_id = safe_answers.ticket_id
),

measured as (
    select
        *,
        {{ first_contact_resolution_rate('row') }} as is_first_contact_resolution,
        {{ misroute_rate('row') }} as is_misrouted,
        {{ misroute_rate('was_routed') }} as was_assigned,
        engineering_escalation_count > 0 as was_escalated_to_engineering,
        {{ solve_without_engineering_rate('row') }} as is_solved_without_engineering,
        {{ missing_identifier_rate('row') }} as has_missing_identifier,
        {{ average_handle_time('row') }} as is_human_handled,
        {{ workflow_reuse_rate('row') }} as workflow_applied,
        {{ ai_resolution_rate('row') }} as is_ai_resolved,
        {{ first_response_time('row') }} as first_response_minutes,
        {{ first_useful_reply_time('row') }} as first_useful_reply_minutes,
        {{ time_to_first_evidence('row') }} as time_to_first_evidence_minutes,
        {{ time_to_problem_confirmed('row') }} as time_to_problem_confirmed_minutes,
        {{ resolution_time('row') }} as resolution_minutes,
        {{ first_response_time('business_row') }} as first_response_business_minutes,
        {{ first_useful_reply_time('business_row') }} as first_useful_reply_business_minutes,
        {{ resolution_time('business_row') }} as resolution_business_minutes,
        {{ cost_per_resolution('ticket_row') }} as ticket_cost_usd,
        {{ time_to_customer_safe_answer('row') }} as time_to_customer_safe_answer_minutes
    from joined
),

-- A repeat contact's cost lands on the ticket it repeats (the path that failed): the cost of the
-- returns charged to each earlier ticket.
repeat_contact_costs as (
    select
        repeated_ticket_id as ticket_id,
        sum(ticket_cost_usd) as repeat_contact_cost_usd
    from measured
    where is_repeat_case
    group by repeated_ticket_id
),

costed as (
    select
        measured.*,
        repeat_contact_costs.repeat_contact_cost_usd,
        {{ cost_per_resolution('row') }} as resolution_cost_usd
    from measured
    left join repeat_contact_costs
        on measured.ticket_id = repeat_contact_costs.ticket_id
)

select
    ticket_id,
    customer_id,
    account_id,
    support_path,
    channel,
    issue_type,
    product_area,
    priority,
    is_technical,
    created_at,
    resolved_at,
    is_resolved,
    was_ever_resolved,
    is_reopened,
    reopen_count,
    has_repeat_contact,
    next_same_issue_created_at,
    is_repeat_case,
    is_first_contact_resolution,
    is_ai_touched,
    is_ai_resolved,
    was_assigned,
    is_misrouted,
    was_escalated_to_engineering,
    engineering_escalation_count,
    handoff_count,
    escalation_count,
    is_solved_without_engineering,
    has_missing_identifier,
    first_response_minutes,
    first_useful_reply_minutes,
    first_human_useful_reply_minutes,
    time_to_first_evidence_minutes,
    time_to_problem_confirmed_minutes,
    resolution_minutes,
    customer_safe_answer_at,
    time_to_customer_safe_answer_minutes,
    first_response_business_minutes,
    first_useful_reply_business_minutes,
    resolution_business_minutes,
    is_human_handled,
    handle_seconds,
    workflow_applied,
    csat_score,
    ces_score,
    nps_score,
    ticket_cost_usd,
    resolution_cost_usd
from costed
