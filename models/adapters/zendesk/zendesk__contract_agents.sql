-- Zendesk staff (agents and admins) and every AI user as raw contract agents: team and tier from
-- zendesk__users_classified (the default group, else the group of their current tickets; tier
-- engineering or l2 for the configured group names, else l1).
with

users as (
    select * from {{ ref('zendesk__users_classified') }}
)

select
    {{ contract_row('agents', {
        'agent_id': 'user_id',
        'team': 'team',
        'tier': 'tier',
        'is_ai': 'is_ai',
    }) }}
from users
where is_staff or is_ai
