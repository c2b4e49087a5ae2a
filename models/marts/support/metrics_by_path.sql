-- The tidy metric table: one row per period (week, month, quarter) x support path (each path and
-- `all`, the blend) x segment (channel, issue type, technical or not, priority, account segment,
-- and `all`) x metric. Ratios keep numerator and denominator so a BI tool can re-aggregate; a
-- duration gives its median and p90, with the count of tickets measured as denominator. Every
-- number comes from a metric macro (macro metric_cells calls them). Each period grain is computed
-- in its own intermediate model (macro metric_cells_for_grain says why); this one stacks them.
select * from {{ ref('int_metric_cells_weekly') }}
union all
select * from {{ ref('int_metric_cells_monthly') }}
union all
select * from {{ ref('int_metric_cells_quarterly') }}
