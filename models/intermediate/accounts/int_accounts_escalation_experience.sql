-- One row per period (week, month, quarter) x support path (each path and `all`) x account that
-- had an escalated ticket (a handoff or an escalation) created in the period on that path, with
-- what its tickets went through there, its ARR and renewal, and whether its experience was at
-- risk (a share of its tickets at least var `at_risk_bad_ticket_share` had a bad experience:
-- reopened, came back, a reworked escalation, or CSAT 1-2). The `all` rows are built per
-- account, not summed from the paths, so an account on two paths counts once in the blend. Each
-- row says when its tickets settle (unresolved_tickets, last_settles_at), as ticket cells do.
with

tickets as (
    select * from {{ ref('fct_tickets') }}
    where account_id is not null
),

reworked as (
    select
        ticket_id,
        {{ count_if('is_rework') }} as reworked_escalations
    from {{ ref('fct_escalations') }}
    group by ticket_id
),

accounts as (
    select * from {{ ref('int_accounts_conformed') }}
),

ticket_periods as (
    {%- for grain in ['week', 'month', 'quarter'] %}
    {%- for path_label in ['support_path', "'all'"] %}
    select
        '{{ grain }}' as period_grain,
        cast({{ dbt.date_trunc(grain, 'tickets.created_at') }} as date) as period_start,
        cast({{ period_add(grain, 1, dbt.date_trunc(grain, 'tickets.created_at')) }} as date) as period_end,
        {{ 'tickets.' ~ path_label if path_label == 'support_path' else path_label }},
        tickets.account_id,
        tickets.handoff_count + tickets.escalation_count > 0 as was_escalated,
        tickets.is_reopened,
        tickets.has_repeat_contact,
        coalesce(reworked.reworked_escalations, 0) as reworked_escalations,
        tickets.csat_score,
        tickets.resolved_at,
        (
            tickets.is_reopened
            or tickets.has_repeat_contact
            or coalesce(reworked.reworked_escalations, 0) > 0
            or coalesce(tickets.csat_score, 5) <= 2
        ) as had_bad_experience
    from tickets
    left join reworked
        on tickets.ticket_id = reworked.ticket_id
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
),

per_account as (
    select
        period_grain,
        period_start,
        period_end,
        support_path,
        account_id,
        count(*) as tickets,
        {{ count_if('was_escalated') }} as escalated_tickets,
        {{ count_if('had_bad_experience') }} as bad_experience_tickets,
        {{ count_if('is_reopened') }} as reopened_tickets,
        {{ count_if('has_repeat_contact') }} as repeat_contact_tickets,
        sum(reworked_escalations) as reworked_escalations,
        {{ count_if('csat_score <= 2') }} as low_csat_tickets,
        -- Settlement (macro cell_final_at): a ticket can still turn bad until it has been resolved
        -- for repeat_contact_window_days; an open one, until it is resolved.
        {{ count_if('resolved_at is null') }} as unresolved_tickets,
        max({{ dbt.dateadd('day', number_var('repeat_contact_window_days'), 'resolved_at') }}) as last_settles_at
    from ticket_periods
    group by period_grain, period_start, period_end, support_path, account_id
),

escalated_accounts as (
    select
        per_account.*,
        accounts.segment as account_segment,
        accounts.arr_usd,
        accounts.renewal_date
    from per_account
    inner join accounts
        on per_account.account_id = accounts.account_id
    where per_account.escalated_tickets > 0
)

select
    *,
    {{ revenue_at_risk_rate('row') }} as has_at_risk_experience,
    {{ renewal_arr_at_risk('row') }} as renews_soon
from escalated_accounts
