-- Diagnostic patterns, week over week, that a blended dashboard hides. One row per week x signal
-- x path (or queue) where the pattern fired, with the two movements that make it, what it means
-- and who acts. "Up" and "down" mean a relative change of at least var
-- `signal_min_relative_change`; cells measured on fewer than var `signal_min_volume` rows are
-- not judged. A signal read on a provisional cell (metrics_by_path's is_final false, this week's or
-- the previous week's) fires with is_provisional true: it may vanish as the week's windows close.
{%- set min_change = number_var('signal_min_relative_change') | float %}
{%- set min_volume = number_var('signal_min_volume') %}

with

weekly as (
    select
        period_start as week_start,
        support_path,
        metric_name,
        metric_value,
        denominator,
        is_final,
        lag(is_final) over (
            partition by support_path, metric_name order by period_start
        ) as previous_is_final,
        lag(metric_value) over (
            partition by support_path, metric_name order by period_start
        ) as previous_value,
        lag(denominator) over (
            partition by support_path, metric_name order by period_start
        ) as previous_denominator
    from {{ ref('metrics_by_path') }}
    where period_grain = 'week' and segment_type = 'all'
),

changes as (
    select
        week_start,
        support_path,
        metric_name,
        metric_value,
        previous_value,
        is_final and coalesce(previous_is_final, true) as is_settled,
        case
            when
                denominator >= {{ min_volume }}
                and previous_denominator >= {{ min_volume }}
                and previous_value != 0
                then (metric_value - previous_value) / abs(previous_value)
        end as relative_change
    from weekly
),

pairs as (
    -- [signal, path filter, metric a, a must go up or down, metric b, b must go up/down/not_up]
    {%- set signals = [
        ['containment_up_handoff_reply_slower', "= 'all'", 'ai_containment_rate', 'up', 'first_human_useful_reply_time_median', 'up'],
        ['containment_up_rework_up', "= 'all'", 'ai_containment_rate', 'up', 'escalation_rework_rate', 'up'],
        ['handle_time_down_reopens_up', "!= 'all'", 'average_handle_time', 'down', 'reopen_rate', 'up'],
        ['faster_response_no_csat_gain', "!= 'all'", 'first_response_time_median', 'down', 'csat', 'not_up'],
    ] %}
    {%- for signal in signals %}
    select
        a.week_start,
        '{{ signal[0] }}' as signal_name,
        a.support_path,
        'all' as queue,
        a.metric_name as first_metric,
        a.previous_value as first_previous_value,
        a.metric_value as first_value,
        b.metric_name as second_metric,
        b.previous_value as second_previous_value,
        b.metric_value as second_value,
        (not a.is_settled or not b.is_settled) as is_provisional
    from changes as a
    inner join changes as b
        on
            a.week_start = b.week_start
            and a.support_path = b.support_path
            and b.metric_name = '{{ signal[4] }}'
    where
        a.metric_name = '{{ signal[2] }}'
        and a.support_path {{ signal[1] }}
        and a.relative_change
        {{ '>=' if signal[3] == 'up' else '<=' }} {{ min_change if signal[3] == 'up' else -min_change }}
        {%- if signal[5] == 'not_up' %}
        and b.relative_change <= 0
        {%- else %}
        and b.relative_change >= {{ min_change }}
        {%- endif %}
    union all
    {%- endfor %}
    -- Reopens concentrated on AI-contained tickets: the ai_only reopen rate is at least var
    -- `signal_concentration_ratio` times the blended one.
    select
        ai.week_start,
        'reopens_concentrated_on_ai_contained' as signal_name,
        ai.support_path,
        'all' as queue,
        'reopen_rate' as first_metric,
        ai.previous_value as first_previous_value,
        ai.metric_value as first_value,
        'reopen_rate_all_paths' as second_metric,
        blended.previous_value as second_previous_value,
        blended.metric_value as second_value,
        (not ai.is_final or not blended.is_final) as is_provisional
    from weekly as ai
    inner join weekly as blended
        on
            ai.week_start = blended.week_start
            and ai.metric_name = blended.metric_name
            and blended.support_path = 'all'
    where
        ai.metric_name = 'reopen_rate'
        and ai.support_path = 'ai_only'
        and ai.denominator >= {{ min_volume }}
        and blended.metric_value > 0
        and ai.metric_value >= {{ number_var('signal_concentration_ratio') }} * blended.metric_value
),

-- Backlog ageing in one queue while the others stay stable: a queue's mean backlog age at the
-- week's end rose by the minimum change while the median change of the other queues did not.
backlog_weeks as (
    select
        cast({{ dbt.date_trunc('week', 'date_day') }} as date) as week_start,
        queue,
        sum(open_tickets) as open_tickets,
        sum(total_age_days) as total_age_days
    from {{ ref('fct_backlog_daily') }}
    where {{ iso_day_of_week('date_day') }} = 7
    group by {{ dbt.date_trunc('week', 'date_day') }}, queue
),

backlog_changes as (
    select
        week_start,
        queue,
        open_tickets,
        total_age_days / nullif(open_tickets, 0) as mean_age_days,
        lag(total_age_days / nullif(open_tickets, 0)) over (partition by queue order by week_start)
            as previous_mean_age_days
    from backlog_weeks
),

backlog_relative as (
    select
        *,
        case
            when open_tickets >= {{ min_volume }} and previous_mean_age_days > 0
                then (mean_age_days - previous_mean_age_days) / previous_mean_age_days
        end as relative_change
    from backlog_changes
),

backlog_signals as (
    select
        ageing.week_start,
        'backlog_ageing_in_one_queue' as signal_name,
        'all' as support_path,
        ageing.queue,
        'backlog_mean_age_days' as first_metric,
        ageing.previous_mean_age_days as first_previous_value,
        ageing.mean_age_days as first_value,
        'other_queues_median_relative_change' as second_metric,
        cast(null as {{ type_double() }}) as second_previous_value,
        {{ percentile('other_queues.relative_change', 0.5) }} as second_value,
        -- The backlog is a stock read at the end of the week's Sunday, which the data covers.
        false as is_provisional
    from backlog_relative as ageing
    inner join backlog_relative as other_queues
        on
            ageing.week_start = other_queues.week_start
            and ageing.queue != other_queues.queue
    where ageing.relative_change >= {{ min_change }}
    group by
        ageing.week_start, ageing.queue, ageing.previous_mean_age_days, ageing.mean_age_days
    having abs({{ percentile('other_queues.relative_change', 0.5) }}) < {{ min_change }}
),

meanings as (
    {%- set meanings = [
        ['containment_up_handoff_reply_slower', 'Automation catches more volume but hands off weak context: humans take longer to answer what the AI passed on.', 'Automation owner'],
        ['containment_up_rework_up', 'Automation catches more volume but its handoffs and escalations need more rework.', 'Automation owner'],
        ['handle_time_down_reopens_up', 'Work was shortened, not finished: handling got faster and tickets come back reopened.', 'QA'],
        ['faster_response_no_csat_gain', 'Fast is not useful: first responses got faster and customers are not more satisfied.', 'Customer experience'],
        ['backlog_ageing_in_one_queue', 'One queue is falling behind while the others hold: a staffing, routing or skills gap there.', 'Workforce management'],
        ['reopens_concentrated_on_ai_contained', 'AI-contained tickets reopen far more than the blend: the AI closes conversations it did not solve.', 'Automation owner'],
    ] %}
    {%- for meaning in meanings %}
    select
        '{{ meaning[0] }}' as signal_name,
        '{{ meaning[1] }}' as meaning,
        '{{ meaning[2] }}' as owner_team
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
),

fired as (
    select * from pairs
    union all
    select * from backlog_signals
)

select
    fired.week_start,
    fired.signal_name,
    fired.support_path,
    fired.queue,
    fired.first_metric,
    fired.first_previous_value,
    fired.first_value,
    fired.second_metric,
    fired.second_previous_value,
    fired.second_value,
    fired.is_provisional,
    meanings.meaning,
    meanings.owner_team
from fired
inner join meanings
    on fired.signal_name = meanings.signal_name
