-- Every Zendesk user with what the adapter needs to know of them: whether they are the AI, their
-- team and tier, and the contract actor type of what they do. A user is AI when listed in var
-- zendesk.bot_user_ids or tagged with one of zendesk.ai_user_tags, whatever their role (an AI
-- with an agent role is the AI, not a human). Team: the default group where the landing has it,
-- else the group of the latest updated ticket they are assigned now; tier from the team's group
-- (engineering and tier-2 group names), else l1.
with

users as (
    select * from {{ ref('stg_zendesk__user') }}
),

user_tags as (
    select * from {{ ref('stg_zendesk__user_tag') }}
),

tickets as (
    select * from {{ ref('stg_zendesk__ticket') }}
),

groups as (
    select * from {{ ref('stg_zendesk__group') }}
),

ai_tagged as (
    select distinct user_id
    from user_tags
    where {{ zendesk_in_list('tag', zendesk_setting('ai_user_tags')) }}
),

current_assignments as (
    select
        assignee_id as user_id,
        group_id,
        row_number() over (
            partition by assignee_id
            order by updated_at desc, ticket_id desc
        ) as recency
    from tickets
    where assignee_id is not null and group_id is not null
),

teamed as (
    select
        users.user_id,
        users.user_role,
        coalesce(
            {{ zendesk_in_list('users.user_id', zendesk_setting('bot_user_ids'), lowercase=false) }},
            false
        ) or ai_tagged.user_id is not null as is_ai,
        coalesce(users.default_group_id, current_assignments.group_id) as team_group_id
    from users
    left join ai_tagged
        on users.user_id = ai_tagged.user_id
    left join current_assignments
        on users.user_id = current_assignments.user_id and current_assignments.recency = 1
),

tiered as (
    select
        teamed.*,
        coalesce(groups.group_name, teamed.team_group_id, 'unassigned') as team,
        case {{ zendesk_group_tier_rank('groups.group_name') }}
            when 2 then 'engineering'
            when 1 then 'l2'
            else 'l1'
        end as tier
    from teamed
    left join groups
        on teamed.team_group_id = groups.group_id
)

select
    user_id,
    user_role,
    is_ai,
    team,
    tier,
    user_role in ('agent', 'admin') as is_staff,
    case
        when is_ai then 'ai'
        when user_role in ('agent', 'admin') and tier = 'engineering' then 'engineer'
        when user_role in ('agent', 'admin') then 'agent'
        when user_role = 'end-user' then 'customer'
    end as actor_type
from tiered
