-- The people incidents were assigned to, as raw contract agents: all human (ServiceNow's
-- incident log has no AI), tier l1, their team the assignment group they last worked in.
with

updates as (
    select * from {{ ref('stg_servicenow__incident_events') }}
),

assignees as (
    select
        assigned_to,
        assignment_group,
        row_number() over (
            partition by assigned_to
            order by updated_at desc, assignment_group asc
        ) as recency
    from updates
    where assigned_to is not null
)

select
    {{ contract_row('agents', {
        'agent_id': 'assigned_to',
        'team': "coalesce(assignment_group, 'unassigned')",
        'tier': "'l1'",
        'is_ai': 'false',
    }) }}
from assignees
where recency = 1
