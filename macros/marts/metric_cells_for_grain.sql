{#- The metric cells of one period grain (week, month or quarter): the body of the models
    int_metric_cells_<grain>ly, which metrics_by_path unions. One model per grain because the
    exact medians and p90s hold every duration value of each group in memory until the groups
    are done (a percentile aggregate cannot spill to disk): one grain at a time needs a third of
    the memory of all three at once. Every number comes from a metric macro (via metric_cells).
    The ticket and escalation ratios are pre-aggregated per finest cell (see metric_cells);
    tickets per agent counts distinct agents and is not additive, so it reads the rows. -#}
{% macro metric_cells_for_grain(grain) -%}
{%- set ticket_metrics = [
    ['repeat_contact_rate', 'ratio'],
    ['first_contact_resolution_rate', 'ratio'],
    ['repeat_case_handle_time', 'ratio'],
    ['deflection_rate', 'ratio'],
    ['reopen_rate', 'ratio'],
    ['average_handle_time', 'ratio'],
    ['misroute_rate', 'ratio'],
    ['solve_without_engineering_rate', 'ratio'],
    ['engineering_interruption_rate', 'ratio'],
    ['ai_containment_rate', 'ratio'],
    ['ai_resolution_rate', 'ratio'],
    ['handoff_rate', 'ratio'],
    ['missing_identifier_rate', 'ratio'],
    ['workflow_reuse_rate', 'ratio'],
    ['csat', 'ratio'],
    ['ces', 'ratio'],
    ['nps', 'ratio'],
    ['cost_per_resolution', 'ratio'],
    ['first_response_time', 'duration'],
    ['first_useful_reply_time', 'duration'],
    ['first_human_useful_reply_time', 'duration'],
    ['time_to_first_evidence', 'duration'],
    ['time_to_problem_confirmed', 'duration'],
    ['resolution_time', 'duration'],
    ['time_to_customer_safe_answer', 'duration'],
] %}
{%- set escalation_metrics = [
    ['escalation_rework_rate', 'ratio'],
    ['unnecessary_escalation_rate', 'ratio'],
    ['handoff_quality_rate', 'ratio'],
    ['evidence_completeness', 'ratio'],
] %}
{%- set backlog_metrics = [['backlog_age', 'duration']] %}
{%- set agent_metrics = [['tickets_per_agent', 'ratio']] %}
{%- set account_metrics = ['revenue_at_risk_rate', 'renewal_arr_at_risk'] %}

with

fct_tickets as (
    select * from {{ ref('fct_tickets') }}
),

accounts as (
    select * from {{ ref('int_accounts_conformed') }}
),

fct_escalations as (
    select * from {{ ref('fct_escalations') }}
),

open_daily as (
    select * from {{ ref('int_tickets_open_daily') }}
),

spine as (
    select * from {{ ref('util_date_spine') }}
),

ticket_agents as (
    select * from {{ ref('int_ticket_agents') }}
),

account_experience as (
    select * from {{ ref('int_accounts_escalation_experience') }}
),

ticket_attributes as (
    select
        fct_tickets.*,
        accounts.segment as account_segment
    from fct_tickets
    left join accounts
        on fct_tickets.account_id = accounts.account_id
),

-- Tickets count in the period they were created in; a cell settles with its tickets'
-- resolutions (macro cell_final_at).
tickets as (
    select
        *,
        {{ metric_dimensions('created_at', path_column=none) }},
        {{ cell_settlement_columns('resolved_at') }}
    from ticket_attributes
),

-- Escalations count in the period they happened in, with their ticket's segments.
escalations as (
    select
        fct_escalations.*,
        ticket_attributes.channel,
        ticket_attributes.issue_type,
        ticket_attributes.is_technical,
        ticket_attributes.priority,
        ticket_attributes.account_segment,
        {{ metric_dimensions('fct_escalations.escalated_at', path_column=none) }},
        {{ cell_settlement_columns('ticket_attributes.resolved_at') }}
    from fct_escalations
    inner join ticket_attributes
        on fct_escalations.ticket_id = ticket_attributes.ticket_id
),

-- The backlog counts at the end of each period: the last day of the period that the data covers.
period_ends as (
    {%- for grain in [grain] %}
    select
        '{{ grain }}' as period_grain,
        max(date_day) as date_day
    from spine
    group by {{ dbt.date_trunc(grain, 'date_day') }}
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
),

backlog as (
    select
        open_daily.age_days,
        {{ metric_dimensions('open_daily.date_day', 'open_daily.support_path', 'period_ends.period_grain') }},
        {{ cell_settlement_columns_none() }}
    from open_daily
    inner join ticket_attributes
        on open_daily.ticket_id = ticket_attributes.ticket_id
    inner join period_ends
        on open_daily.date_day = period_ends.date_day
),

-- Tickets per agent counts distinct agents: from the ticket x agent grain.
ticket_agent_attributes as (
    select
        ticket_agents.*,
        accounts.segment as account_segment,
        fct_tickets.resolved_at
    from ticket_agents
    left join accounts
        on ticket_agents.account_id = accounts.account_id
    left join fct_tickets
        on ticket_agents.ticket_id = fct_tickets.ticket_id
),

agents as (
    select
        ticket_id,
        agent_id,
        {{ metric_dimensions('created_at') }},
        {{ cell_settlement_columns('resolved_at') }}
    from ticket_agent_attributes
),

-- Revenue protection counts accounts, already rolled up per period and path (an account on two
-- paths counts once in `all`), so it is grouped directly: overall and by account segment.
account_cells as (
    {%- for segment in [none, 'account_segment'] %}
    {%- set outer_loop = loop %}
    {%- for metric in account_metrics %}
    select
        period_grain,
        period_start,
        support_path,
        '{{ segment or "all" }}' as segment_type,
        {{ "coalesce(account_segment, 'unknown')" if segment else "'all'" }} as segment_value,
        '{{ metric }}' as metric_name,
        cast({{ context[metric]('numerator') }} as {{ type_double() }}) as numerator,
        cast({{ context[metric]('denominator') }} as {{ type_double() }}) as denominator,
        cast({{ safe_divide(context[metric]('numerator'), context[metric]('denominator')) }} as {{ type_double() }})
            as metric_value,
        '{{ metric }}' as catalog_metric_name,
        -- An account's experience settles with its tickets (catalog: final_after settled).
        {{ metric_cell_settlement('unresolved_tickets', 'last_settles_at') }}
    from account_experience
    where period_grain = '{{ grain }}'
    group by period_grain, period_start, support_path{{ ", coalesce(account_segment, 'unknown')" if segment }}
    {%- if not (loop.last and outer_loop.last) %}
    union all
    {%- endif %}
    {%- endfor %}
    {%- endfor %}
),

{{ metric_cells('ticket', 'tickets', ticket_metrics, grains=[grain], pre_aggregate_ratios=true) }},

{{ metric_cells('escalation', 'escalations', escalation_metrics, grains=[grain], pre_aggregate_ratios=true) }},

{{ metric_cells('backlog', 'backlog', backlog_metrics, grains=[grain]) }},

{{ metric_cells('agent', 'agents', agent_metrics, grains=[grain]) }}

select * from ticket_cells
union all
select * from escalation_cells
union all
select * from backlog_cells
union all
select * from agent_cells
union all
select * from account_cells
{%- endmacro %}
