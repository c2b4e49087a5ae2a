-- One row per handoff or escalation: whether it still holds its metric cells open, per period
-- grain, as of the build (int_metric_horizon). Like fct_ticket_maturity for the escalation
-- metrics, whose rows count in the period the escalation happened in and settle with their
-- ticket's resolution (the `settled` cells of metrics_by_path): a cell is final exactly when none
-- of its escalations is provisional here. Rebuilt every run, since the horizon moves.
with

escalations as (
    select * from {{ ref('fct_escalations') }}
),

tickets as (
    select * from {{ ref('fct_tickets') }}
),

horizon as (
    select * from {{ ref('int_metric_horizon') }}
),

settlement as (
    select
        escalations.escalation_id,
        escalations.ticket_id,
        escalations.escalated_at,
        {{ cell_settlement_columns('tickets.resolved_at') }}
    from escalations
    inner join tickets
        on escalations.ticket_id = tickets.ticket_id
),

rows_final_at as (
    select
        settlement.escalation_id,
        settlement.ticket_id,
        settlement.escalated_at,
        settlement.settles_at,
        {{- row_final_at_columns('settlement', 'escalated_at') }}
        horizon.horizon_at
    from settlement
    cross join horizon
)

select
    escalation_id,
    ticket_id,
    escalated_at,
    settles_at,
    {{- row_maturity_columns('horizon_at') }}
    horizon_at
from rows_final_at
