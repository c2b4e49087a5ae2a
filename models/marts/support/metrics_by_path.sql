-- The tidy metric table: one row per period (week, month, quarter) x support path (each path and
-- `all`, the blend) x segment (channel, issue type, technical or not, priority, account segment,
-- and `all`) x metric. Ratios keep numerator and denominator so a BI tool can re-aggregate; a
-- duration gives its median and p90, with the count of tickets measured as denominator. Every
-- number comes from a metric macro (macro metric_cells calls them). Each period grain is computed
-- in its own intermediate model (macro metric_cells_for_grain says why); this one stacks them and
-- says of each cell whether it is final as of the build (macro cell_final_at, the catalog's
-- final_after, against int_metric_horizon).
with

cells as (
    select * from {{ ref('int_metric_cells_weekly') }}
    union all
    select * from {{ ref('int_metric_cells_monthly') }}
    union all
    select * from {{ ref('int_metric_cells_quarterly') }}
),

catalog as (
    select * from {{ ref('metric_catalog') }}
),

-- Metrics the build's source system cannot measure: empty, not zero (seed
-- source_system_unmeasured_metrics).
unmeasured as (
    select metric_name
    from {{ ref('source_system_unmeasured_metrics') }}
    where source_system = {{ sql_string_literal(source_system()) }}
),

horizon as (
    select * from {{ ref('int_metric_horizon') }}
),

matured as (
    select
        cells.period_grain,
        cells.period_start,
        cells.support_path,
        cells.segment_type,
        cells.segment_value,
        cells.metric_name,
        case when unmeasured.metric_name is null then cells.numerator end as numerator,
        case when unmeasured.metric_name is null then cells.denominator end as denominator,
        case when unmeasured.metric_name is null then cells.metric_value end as metric_value,
        cast(cells.cell_unresolved_rows as bigint) as unresolved_rows,
        {{ cell_final_at(
            'catalog.final_after',
            period_end_date('cells.period_grain', 'cells.period_start'),
            'cells.cell_unresolved_rows',
            'cells.cell_last_settles_at'
        ) }} as final_at,
        horizon.horizon_at
    from cells
    inner join catalog
        on cells.catalog_metric_name = catalog.metric_name
    left join unmeasured
        on cells.catalog_metric_name = unmeasured.metric_name
    cross join horizon
)

select
    period_grain,
    period_start,
    support_path,
    segment_type,
    segment_value,
    metric_name,
    numerator,
    denominator,
    metric_value,
    final_at,
    unresolved_rows,
    {{ cell_is_final('final_at', 'horizon_at') }} as is_final
from matured
