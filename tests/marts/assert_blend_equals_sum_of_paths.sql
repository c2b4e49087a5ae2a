-- The `all` row is the blend of the three paths: for every additive ratio metric, its numerator
-- and denominator equal the sums over ai_only, ai_to_human and human_only, in every period and
-- segment. Excluded: tickets_per_agent (a distinct count of agents does not add up across paths)
-- and the revenue metrics (an account on two paths counts once in the blend). Returns the cells
-- that disagree.
with

cells as (
    select *
    from {{ ref('metrics_by_path') }}
    where
        numerator is not null
        and metric_name not in ('tickets_per_agent', 'revenue_at_risk_rate', 'renewal_arr_at_risk')
),

paths as (
    select
        period_grain,
        period_start,
        segment_type,
        segment_value,
        metric_name,
        sum(numerator) as numerator,
        sum(denominator) as denominator
    from cells
    where support_path != 'all'
    group by period_grain, period_start, segment_type, segment_value, metric_name
),

blend as (
    select * from cells
    where support_path = 'all'
)

select
    blend.period_grain,
    blend.period_start,
    blend.segment_type,
    blend.segment_value,
    blend.metric_name,
    blend.numerator as blend_numerator,
    paths.numerator as paths_numerator,
    blend.denominator as blend_denominator,
    paths.denominator as paths_denominator
from blend
left join paths
    on
        blend.period_grain = paths.period_grain
        and blend.period_start = paths.period_start
        and blend.segment_type = paths.segment_type
        and blend.segment_value = paths.segment_value
        and blend.metric_name = paths.metric_name
where
    paths.metric_name is null
    or abs(blend.numerator - paths.numerator) > 1e-6 * greatest(1, abs(blend.numerator))
    or blend.denominator != paths.denominator
