-- The floor: the core per-ticket facts and a weekly path-segmented table, computed straight from
-- the raw Parquet files in one plain DuckDB script, the way one would write it by hand for speed.
-- It is the yardstick the dbt build is compared with (bench/run_bench.py), not a test.
-- `{raw}` is replaced by the raw folder.
create or replace temp table floor_tickets as
with
events as (
    select * from read_parquet('{raw}/ticket_events.parquet')
),
per_ticket as (
    select
        ticket_id,
        min(occurred_at) filter (where event_type = 'message' and is_public and actor_type in ('ai', 'agent', 'engineer')) as first_response_at,
        min(occurred_at) filter (where event_type = 'message' and is_public and actor_type in ('ai', 'agent', 'engineer') and message_kind in ('answer', 'resolution')) as first_useful_at,
        bool_or(event_type = 'message' and is_public and actor_type = 'ai') as ai_wrote,
        bool_or(event_type = 'message' and is_public and actor_type in ('agent', 'engineer')) as human_wrote,
        bool_or(event_type = 'handoff') as handed_off,
        max(occurred_at) filter (where event_type = 'status_change' and status in ('open', 'pending', 'reopened')) as last_unresolved_at,
        count(*) filter (where event_type = 'status_change' and status = 'reopened') as reopens,
        count(distinct queue) filter (where event_type = 'assignment') as queues
    from events
    group by ticket_id
),
resolutions as (
    select e.ticket_id, min(e.occurred_at) as resolved_at
    from events e join per_ticket p using (ticket_id)
    where e.event_type = 'status_change' and e.status in ('solved', 'closed')
      and (p.last_unresolved_at is null or e.occurred_at >= p.last_unresolved_at)
    group by e.ticket_id
),
tickets as (
    select t.*, p.*, r.resolved_at,
        case when not coalesce(p.ai_wrote, false) then 'human_only'
             when p.handed_off or p.human_wrote then 'ai_to_human' else 'ai_only' end as support_path
    from read_parquet('{raw}/tickets.parquet') t
    left join per_ticket p using (ticket_id)
    left join resolutions r using (ticket_id)
)
select
    *,
    (epoch(first_response_at) - epoch(created_at)) / 60 as first_response_minutes,
    (epoch(first_useful_at) - epoch(created_at)) / 60 as first_useful_minutes,
    (epoch(resolved_at) - epoch(created_at)) / 60 as resolution_minutes,
    lead(created_at) over (partition by customer_id, issue_type order by created_at) as next_created_at
from tickets;

create or replace temp table floor_weekly as
select
    date_trunc('week', created_at) as week_start,
    coalesce(support_path, 'all') as support_path,
    count(*) as tickets,
    avg(case when reopens > 0 then 1 else 0 end) as reopen_rate,
    avg(case when queues > 1 then 1 else 0 end) as misroute_rate,
    avg(case when next_created_at <= coalesce(resolved_at, created_at) + interval 7 day then 1 else 0 end) as repeat_contact_rate,
    quantile_cont(first_response_minutes, [0.5, 0.9]) as first_response,
    quantile_cont(first_useful_minutes, [0.5, 0.9]) as first_useful_reply,
    quantile_cont(resolution_minutes, [0.5, 0.9]) as resolution
from floor_tickets
group by grouping sets ((date_trunc('week', created_at), support_path), (date_trunc('week', created_at)));
