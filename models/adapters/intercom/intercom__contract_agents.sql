-- Intercom admins and the bots that wrote in conversations as contract agents. An admin's team
-- and tier come from its teams (intercom__admin_roles: engineering or l2 for members of the
-- teams of settings engineering_teams and l2_teams, else l1; `no_team` without a team); it is
-- the AI when listed in setting ai_admin_ids. Bots (Fin and other AI agents) are AI agents of team
-- `automation`; the rule-based bots of setting automation_bot_ids are not agents.
with

admin_roles as (
    select * from {{ ref('intercom__admin_roles') }}
),

parts as (
    select * from {{ ref('intercom__conversation_parts_classified') }}
),

bots as (
    select distinct author_id
    from parts
    where author_type = 'bot' and actor_type = 'ai' and author_id is not null
),

admins as (
    select
        {{ contract_row('agents', {
            'agent_id': 'admin_id',
            'team': 'team_name',
            'tier': 'tier',
            'is_ai': 'is_ai',
        }) }}
    from admin_roles
),

ai_bots as (
    select
        {{ contract_row('agents', {
            'agent_id': 'author_id',
            'team': "'automation'",
            'tier': "'l1'",
            'is_ai': 'true',
        }) }}
    from bots
)

select * from admins
union all
select * from ai_bots
