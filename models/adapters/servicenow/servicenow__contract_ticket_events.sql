-- The ServiceNow incident log as raw contract events. The log is a series of snapshots of each
-- incident; an event is what changed between one snapshot and the one before it (in update
-- order): a state (status_change; `reopened` when the reopen count rose), an assignment group
-- (assignment to that queue), an assignee (assignment to that person, in the current group) or a
-- first use of a knowledge article (workflow_applied). The caller's opening contact is the
-- customer's question at opened_at. ServiceNow logs no conversation and no AI: every incident is
-- human_only and reply-based metrics have nothing to measure (docs/DECISIONLOG.md).
with

updates as (
    select * from {{ ref('stg_servicenow__incident_events') }}
),

sequenced as (
    select
        *,
        row_number() over (
            partition by incident_number
            order by update_sequence, updated_at, incident_state
        ) as step
    from updates
),

steps as (
    select
        *,
        lag(incident_state) over by_step as previous_state,
        lag(reopen_count) over by_step as previous_reopen_count,
        lag(assignment_group) over by_step as previous_group,
        lag(assigned_to) over by_step as previous_assignee,
        lag(used_knowledge) over by_step as previous_used_knowledge
    from sequenced
    window by_step as (partition by incident_number order by step)
),

{%- set step_id = "incident_number || ':' || cast(step as " ~ dbt.type_string() ~ ")" %}

opened as (
    select
        {{ contract_row('ticket_events', {
            'event_id': "incident_number || ':opened'",
            'ticket_id': 'incident_number',
            'occurred_at': 'opened_at',
            'event_type': "'message'",
            'actor_type': "'customer'",
            'actor_id': 'caller_id',
            'is_public': 'true',
            'message_kind': "'question'",
        }) }}
    from steps
    where step = 1
),

status_changes as (
    select
        {{ contract_row('ticket_events', {
            'event_id': step_id ~ " || ':status'",
            'ticket_id': 'incident_number',
            'occurred_at': 'updated_at',
            'event_type': "'status_change'",
            'actor_type': "'system'",
            'status': servicenow_status('incident_state', 'reopen_count > coalesce(previous_reopen_count, 0)'),
        }) }}
    from steps
    where
        step = 1
        or incident_state is distinct from previous_state
        or reopen_count > coalesce(previous_reopen_count, 0)
),

group_assignments as (
    select
        {{ contract_row('ticket_events', {
            'event_id': step_id ~ " || ':group'",
            'ticket_id': 'incident_number',
            'occurred_at': 'updated_at',
            'event_type': "'assignment'",
            'actor_type': "'system'",
            'queue': 'assignment_group',
        }) }}
    from steps
    where assignment_group is not null and assignment_group is distinct from previous_group
),

person_assignments as (
    select
        {{ contract_row('ticket_events', {
            'event_id': step_id ~ " || ':assignee'",
            'ticket_id': 'incident_number',
            'occurred_at': 'updated_at',
            'event_type': "'assignment'",
            'actor_type': "'agent'",
            'actor_id': 'assigned_to',
            'queue': 'assignment_group',
        }) }}
    from steps
    where assigned_to is not null and assigned_to is distinct from previous_assignee
),

knowledge_used as (
    select
        {{ contract_row('ticket_events', {
            'event_id': step_id ~ " || ':knowledge'",
            'ticket_id': 'incident_number',
            'occurred_at': 'updated_at',
            'event_type': "'workflow_applied'",
            'actor_type': "'agent'",
            'actor_id': 'assigned_to',
            'workflow_id': "'knowledge_article'",
        }) }}
    from steps
    where used_knowledge and not coalesce(previous_used_knowledge, false)
)

select * from opened
union all
select * from status_changes
union all
select * from group_assignments
union all
select * from person_assignments
union all
select * from knowledge_used
