-- One row per ticket: whether the ticket still holds its metric cells open, per period grain, as
-- of the build (int_metric_horizon). The rows of the `settled` cells of metrics_by_path, taken one
-- at a time: a cell's final_at is the latest final_at of its rows (the period's end, or the
-- ticket's settlement if later; null while a ticket is unresolved), so a cell is final exactly
-- when none of its tickets is provisional here. The semantic layer counts the provisional tickets
-- of any period and group (ticket_maturity); rebuilt every run, since the horizon moves while a
-- ticket does not change.
with

tickets as (
    select * from {{ ref('fct_tickets') }}
),

horizon as (
    select * from {{ ref('int_metric_horizon') }}
),

settlement as (
    select
        ticket_id,
        created_at,
        {{ cell_settlement_columns('resolved_at') }}
    from tickets
),

rows_final_at as (
    select
        settlement.ticket_id,
        settlement.created_at,
        settlement.settles_at,
        {{- row_final_at_columns('settlement', 'created_at') }}
        horizon.horizon_at
    from settlement
    cross join horizon
)

select
    ticket_id,
    created_at,
    settles_at,
    {{- row_maturity_columns('horizon_at') }}
    horizon_at
from rows_final_at
