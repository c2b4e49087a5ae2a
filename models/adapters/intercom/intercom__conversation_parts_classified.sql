-- Every current Intercom conversation part with what the contract events need: who made it (the
-- contract actor type), what kind of part it is, where an assignment sends the conversation (its
-- queue: the team's name, or the assigned admin's team, and that queue's tier) and the state the
-- part leaves the conversation in. ticket_events turns these into contract events.
with

parts as (
    select * from {{ ref('stg_intercom__conversation_part_history') }}
),

admin_roles as (
    select * from {{ ref('intercom__admin_roles') }}
),

teams as (
    select * from {{ ref('stg_intercom__team') }}
),

classified as (
    select
        parts.part_id,
        parts.part_sequence,
        parts.conversation_id,
        parts.created_at,
        parts.part_type,
        parts.author_id,
        parts.author_type,
        {{ intercom_actor_type('parts.author_type', 'parts.author_id', 'authors.actor_type') }} as actor_type,
        parts.body,
        coalesce(parts.part_type in ({{ intercom_literals(intercom_part_types('comment')) }}), false) as is_comment,
        coalesce(parts.part_type in ({{ intercom_literals(intercom_part_types('note')) }}), false) as is_note,
        coalesce(parts.part_type in ({{ intercom_literals(intercom_part_types('assignment')) }}), false)
            as is_assignment,
        case when parts.assigned_to_type = 'admin' then parts.assigned_to_id end as assignee_admin_id,
        case
            when parts.assigned_to_type = 'team' then 'system'
            when parts.assigned_to_type = 'admin' and parts.assigned_to_id is not null
                then {{ intercom_actor_type("'admin'", 'parts.assigned_to_id', 'assignees.actor_type') }}
        end as assignee_actor_type,
        case
            when parts.assigned_to_type = 'team' then assigned_teams.team_name
            when parts.assigned_to_type = 'admin' and parts.assigned_to_id is not null
                then coalesce(assignees.team_name, 'no_team')
        end as queue,
        coalesce(
            parts.assigned_to_type = 'bot'
            or (
                parts.assigned_to_type = 'admin'
                and {{ intercom_is_listed('parts.assigned_to_id', intercom_setting('ai_admin_ids')) }}
            ),
            false
        ) as is_assigned_to_ai,
        {{ intercom_state_after('parts.part_type', 'parts.author_type') }} as state_after
    from parts
    left join admin_roles as authors
        on parts.author_type = 'admin' and parts.author_id = authors.admin_id
    left join admin_roles as assignees
        on parts.assigned_to_type = 'admin' and parts.assigned_to_id = assignees.admin_id
    left join teams as assigned_teams
        on parts.assigned_to_type = 'team' and parts.assigned_to_id = assigned_teams.team_id
)

select
    *,
    {{ intercom_team_tier('queue') }} as queue_tier
from classified
