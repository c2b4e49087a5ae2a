-- One row per Intercom admin with the role the contract needs: its team (the queue of an
-- assignment to it), tier and actor type. An admin's team is its highest-tier team (engineering,
-- then l2, then first line; by name within a tier), `no_team` when it belongs to none. Admins of
-- setting `ai_admin_ids` (the AI agent set up as a teammate, e.g. Fin) are the AI.
with

admins as (
    select * from {{ ref('stg_intercom__admin') }}
),

team_admins as (
    select * from {{ ref('stg_intercom__team_admin') }}
),

teams as (
    select * from {{ ref('stg_intercom__team') }}
),

memberships as (
    select
        team_admins.admin_id,
        teams.team_name,
        {{ intercom_team_tier('teams.team_name') }} as team_tier
    from team_admins
    inner join teams
        on team_admins.team_id = teams.team_id
    where not team_admins.is_deleted and not teams.is_deleted
),

ranked as (
    select
        admin_id,
        team_name,
        team_tier,
        row_number() over (
            partition by admin_id
            order by
                case team_tier when 'engineering' then 0 when 'l2' then 1 else 2 end,
                team_name
        ) as team_rank
    from memberships
),

roles as (
    select
        admins.admin_id,
        admins.is_deleted,
        coalesce(ranked.team_name, 'no_team') as team_name,
        coalesce(ranked.team_tier, 'l1') as tier
    from admins
    left join ranked
        on admins.admin_id = ranked.admin_id and ranked.team_rank = 1
)

select
    admin_id,
    team_name,
    tier,
    {{ intercom_is_listed('admin_id', intercom_setting('ai_admin_ids')) }} as is_ai,
    {{ intercom_admin_actor_type('admin_id', 'tier') }} as actor_type,
    is_deleted
from roles
