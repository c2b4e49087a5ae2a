-- Zendesk comments and ticket field history as raw contract events (docs/DECISIONLOG.md, "Source
-- systems"):
-- - every comment is a `message`: by the AI when its author is an AI user (listed in var
--   zendesk.bot_user_ids, with or without a user row, or tagged: zendesk__users_classified) or it
--   came through an AI via channel (zendesk.ai_comment_via_channels, where the landing has
--   via_channel); an end-user's public comment is a question; a staff public comment an answer,
--   or an acknowledgement when it matches zendesk.acknowledgement_patterns (macro text); an AI
--   comment matching zendesk.handoff_patterns ("let me connect you with an agent") an
--   acknowledgement too; an internal comment a note;
-- - a `handoff` (actor ai) where the AI hands over: its comment matching a handoff pattern, or
--   else the first human takeover after an AI public comment (a human staff comment or a human
--   assignee);
-- - status changes (`reopened` when a solved or closed ticket becomes open or pending again),
--   group changes (assignment to the group, actor system; one with an assignee change at the same
--   moment is that assignment), assignee changes (assignment to the person, in the group of the
--   moment) and moves into a group of a higher tier (`escalation` to l2 or engineering);
-- - the context packet of a handoff or escalation: the internal notes written since the previous
--   handoff or escalation, up to it, matched against zendesk.packet_patterns per field (false
--   where nothing matches: Zendesk has no packet of its own).
-- Zendesk cannot say: context requests, evidence, problem confirmation, workflows, engineering
-- resolutions, handle time. Those events are absent and their metrics empty.
{%- set packet_patterns = zendesk_setting('packet_patterns') %}
{%- set ai_via_channels = zendesk_setting('ai_comment_via_channels') %}
{%- set bot_user_ids = zendesk_setting('bot_user_ids') %}
{%- set acknowledgement_patterns = zendesk_setting('acknowledgement_patterns') %}
{%- set handoff_patterns = zendesk_setting('handoff_patterns') %}
{%- set text = dbt.type_string() %}
with

tickets as (
    select * from {{ ref('stg_zendesk__ticket') }}
),

comments as (
    select * from {{ ref('stg_zendesk__ticket_comment') }}
),

history as (
    select * from {{ ref('stg_zendesk__ticket_field_history') }}
),

groups as (
    select * from {{ ref('stg_zendesk__group') }}
),

users as (
    select * from {{ ref('zendesk__users_classified') }}
),

comments_classified as (
    select
        comments.comment_id,
        comments.ticket_id,
        comments.user_id,
        comments.created_at,
        comments.is_public,
        case
            when
                users.is_ai
                or {{ zendesk_in_list('comments.user_id', bot_user_ids, lowercase=false) }}
                or {{ zendesk_in_list('comments.via_channel', ai_via_channels) }}
                then 'ai'
            when users.actor_type is not null then users.actor_type
            when comments.user_id = tickets.requester_id then 'customer'
        end as actor_type,
        {{ zendesk_matches_any('comments.body', acknowledgement_patterns) }} as is_acknowledgement,
        {{ zendesk_matches_any('comments.body', handoff_patterns) }} as is_handoff_phrase,
        {{ zendesk_matches_any('comments.body', packet_patterns.get('summary', [])) }} as has_summary,
        {{ zendesk_matches_any('comments.body', packet_patterns.get('identifiers', [])) }} as has_identifiers,
        {{ zendesk_matches_any('comments.body', packet_patterns.get('repro', [])) }} as has_repro,
        {{ zendesk_matches_any('comments.body', packet_patterns.get('evidence', [])) }} as has_evidence
    from comments
    left join users
        on comments.user_id = users.user_id
    left join tickets
        on comments.ticket_id = tickets.ticket_id
),

-- The field changes the adapter reads, numbered per ticket and field in time order.
history_sequenced as (
    select
        ticket_id,
        field_name,
        field_value,
        changed_at,
        user_id,
        row_number() over (
            partition by ticket_id, field_name
            order by changed_at, coalesce(field_value, ''), coalesce(user_id, '')
        ) as change_number
    from history
    where field_name in ('status', 'group_id', 'assignee_id')
),

history_stepped as (
    select
        *,
        lag(field_value) over (
            partition by ticket_id, field_name
            order by change_number
        ) as previous_value
    from history_sequenced
),

status_steps as (
    select
        *,
        {{ zendesk_status('field_value') }} as base_status,
        lag({{ zendesk_status('field_value') }}) over (
            partition by ticket_id
            order by change_number
        ) as previous_base_status
    from history_stepped
    where field_name = 'status'
),

group_steps as (
    select
        history_stepped.*,
        coalesce(groups.group_name, history_stepped.field_value) as queue,
        {{ zendesk_group_tier_rank('groups.group_name') }} as tier_rank
    from history_stepped
    left join groups
        on history_stepped.field_value = groups.group_id
    where history_stepped.field_name = 'group_id'
),

group_changes as (
    select
        *,
        lag(tier_rank) over (
            partition by ticket_id
            order by change_number
        ) as previous_tier_rank
    from group_steps
),

assignee_changes as (
    select
        history_stepped.*,
        coalesce(users.is_ai, {{ zendesk_in_list('history_stepped.field_value', bot_user_ids, lowercase=false) }})
            as is_ai,
        case
            when users.is_ai or {{ zendesk_in_list('history_stepped.field_value', bot_user_ids, lowercase=false) }}
                then 'ai'
            when users.tier = 'engineering' then 'engineer'
            else 'agent'
        end as assignee_actor_type
    from history_stepped
    left join users
        on history_stepped.field_value = users.user_id
    where
        history_stepped.field_name = 'assignee_id'
        and history_stepped.field_value is not null
        and history_stepped.field_value is distinct from history_stepped.previous_value
),

-- The group a ticket was in when its assignee changed: the latest group change at or before it.
assignee_queues as (
    select
        assignee_changes.ticket_id,
        assignee_changes.change_number,
        group_changes.field_value as group_id,
        group_changes.queue,
        row_number() over (
            partition by assignee_changes.ticket_id, assignee_changes.change_number
            order by group_changes.changed_at desc, group_changes.change_number desc
        ) as recency
    from assignee_changes
    inner join group_changes
        on
            assignee_changes.ticket_id = group_changes.ticket_id
            and assignee_changes.changed_at >= group_changes.changed_at
),

assignee_moments as (
    select distinct
        ticket_id,
        changed_at
    from assignee_changes
),

-- Who holds the conversation, in order: the AI's public comments, and human takeovers (a human
-- staff comment, a human assignee). A handoff is an AI handoff phrase, or a takeover right after
-- an AI comment.
control_events as (
    select
        ticket_id,
        created_at as occurred_at,
        case when is_handoff_phrase then 'ai_handoff' else 'ai' end as control,
        user_id as ai_user_id,
        'comment:' || comment_id as source_key,
        0 as tie_order
    from comments_classified
    where actor_type = 'ai' and is_public
    union all
    select
        ticket_id,
        created_at as occurred_at,
        'human' as control,
        cast(null as {{ text }}) as ai_user_id,
        'comment:' || comment_id as source_key,
        1 as tie_order
    from comments_classified
    where actor_type in ('agent', 'engineer')
    union all
    select
        ticket_id,
        changed_at as occurred_at,
        'human' as control,
        cast(null as {{ text }}) as ai_user_id,
        'assignee:' || ticket_id || ':' || cast(change_number as {{ text }}) as source_key,
        1 as tie_order
    from assignee_changes
    where not is_ai
),

control_sequenced as (
    select
        *,
        lag(control) over by_moment as previous_control,
        lag(ai_user_id) over by_moment as previous_ai_user_id
    from control_events
    window by_moment as (partition by ticket_id order by occurred_at, tie_order, source_key)
),

handoff_points as (
    select
        ticket_id,
        occurred_at,
        source_key || ':handoff' as event_key,
        case when control = 'ai_handoff' then ai_user_id else previous_ai_user_id end as actor_id,
        'handoff' as event_type,
        'ai' as actor_type,
        cast(null as {{ text }}) as to_tier
    from control_sequenced
    where
        (control = 'ai_handoff' and coalesce(previous_control, '') != 'ai_handoff')
        or (control = 'human' and previous_control = 'ai')
),

escalation_points as (
    select
        group_changes.ticket_id,
        group_changes.changed_at as occurred_at,
        'group:' || group_changes.ticket_id || ':' || cast(group_changes.change_number as {{ text }})
        || ':escalation' as event_key,
        group_changes.user_id as actor_id,
        'escalation' as event_type,
        case
            when users.is_ai or {{ zendesk_in_list('group_changes.user_id', bot_user_ids, lowercase=false) }}
                then 'ai'
            when users.tier = 'engineering' then 'engineer'
            else 'agent'
        end as actor_type,
        case group_changes.tier_rank when 2 then 'engineering' when 1 then 'l2' end as to_tier
    from group_changes
    left join users
        on group_changes.user_id = users.user_id
    where
        group_changes.field_value is not null
        and group_changes.previous_value is not null
        and group_changes.field_value != group_changes.previous_value
        and group_changes.tier_rank > group_changes.previous_tier_rank
),

packet_points as (
    select * from handoff_points
    union all
    select * from escalation_points
),

packet_windows as (
    select
        *,
        lag(occurred_at) over (
            partition by ticket_id
            order by occurred_at, event_key
        ) as window_start_at
    from packet_points
),

notes as (
    select * from comments_classified
    where not is_public
),

packets as (
    select
        packet_windows.event_key,
        max(case when notes.has_summary then 1 else 0 end) = 1 as packet_has_summary,
        max(case when notes.has_identifiers then 1 else 0 end) = 1 as packet_has_identifiers,
        max(case when notes.has_repro then 1 else 0 end) = 1 as packet_has_repro,
        max(case when notes.has_evidence then 1 else 0 end) = 1 as packet_has_evidence
    from packet_windows
    left join notes
        on
            packet_windows.ticket_id = notes.ticket_id
            and packet_windows.occurred_at >= notes.created_at
            and (packet_windows.window_start_at is null or packet_windows.window_start_at < notes.created_at)
    group by packet_windows.event_key
),

messages as (
    select
        {{ contract_row('ticket_events', {
            'event_id': "'comment:' || comment_id",
            'ticket_id': 'ticket_id',
            'occurred_at': 'created_at',
            'event_type': "'message'",
            'actor_type': 'actor_type',
            'actor_id': 'user_id',
            'is_public': 'is_public',
            'message_kind': "case when not is_public then 'note' when actor_type = 'customer' then 'question'"
                ~ " when actor_type = 'ai' and is_handoff_phrase then 'acknowledgement'"
                ~ " when is_acknowledgement then 'acknowledgement' else 'answer' end",
        }) }}
    from comments_classified
),

handoffs_and_escalations as (
    select
        {{ contract_row('ticket_events', {
            'event_id': 'packet_points.event_key',
            'ticket_id': 'packet_points.ticket_id',
            'occurred_at': 'packet_points.occurred_at',
            'event_type': 'packet_points.event_type',
            'actor_type': 'packet_points.actor_type',
            'actor_id': 'packet_points.actor_id',
            'to_tier': 'packet_points.to_tier',
            'packet_has_summary': 'packets.packet_has_summary',
            'packet_has_identifiers': 'packets.packet_has_identifiers',
            'packet_has_repro': 'packets.packet_has_repro',
            'packet_has_evidence': 'packets.packet_has_evidence',
        }) }}
    from packet_points
    left join packets
        on packet_points.event_key = packets.event_key
),

status_changes as (
    select
        {{ contract_row('ticket_events', {
            'event_id': "'status:' || status_steps.ticket_id || ':' || cast(status_steps.change_number as " ~ text ~ ")",
            'ticket_id': 'status_steps.ticket_id',
            'occurred_at': 'status_steps.changed_at',
            'event_type': "'status_change'",
            'actor_type': "case when " ~ zendesk_in_list('status_steps.user_id', bot_user_ids, lowercase=false)
                ~ " then 'ai' else coalesce(users.actor_type, 'system') end",
            'actor_id': 'status_steps.user_id',
            'status': "case when status_steps.previous_base_status in ('solved', 'closed')"
                ~ " and status_steps.base_status in ('open', 'pending') then 'reopened'"
                ~ " else status_steps.base_status end",
        }) }}
    from status_steps
    left join users
        on status_steps.user_id = users.user_id
    where
        status_steps.change_number = 1
        or status_steps.base_status is distinct from status_steps.previous_base_status
),

group_assignments as (
    select
        {{ contract_row('ticket_events', {
            'event_id': "'group:' || group_changes.ticket_id || ':' || cast(group_changes.change_number as " ~ text ~ ")",
            'ticket_id': 'group_changes.ticket_id',
            'occurred_at': 'group_changes.changed_at',
            'event_type': "'assignment'",
            'actor_type': "'system'",
            'queue': 'group_changes.queue',
        }) }}
    from group_changes
    left join assignee_moments
        on
            group_changes.ticket_id = assignee_moments.ticket_id
            and group_changes.changed_at = assignee_moments.changed_at
    where
        group_changes.field_value is not null
        and group_changes.field_value is distinct from group_changes.previous_value
        and assignee_moments.ticket_id is null
),

person_assignments as (
    select
        {{ contract_row('ticket_events', {
            'event_id': "'assignee:' || assignee_changes.ticket_id || ':' || cast(assignee_changes.change_number as " ~ text ~ ")",
            'ticket_id': 'assignee_changes.ticket_id',
            'occurred_at': 'assignee_changes.changed_at',
            'event_type': "'assignment'",
            'actor_type': 'assignee_changes.assignee_actor_type',
            'actor_id': 'assignee_changes.field_value',
            'queue': 'assignee_queues.queue',
        }) }}
    from assignee_changes
    left join assignee_queues
        on
            assignee_changes.ticket_id = assignee_queues.ticket_id
            and assignee_changes.change_number = assignee_queues.change_number
            and assignee_queues.recency = 1
)

select * from messages
union all
select * from handoffs_and_escalations
union all
select * from status_changes
union all
select * from group_assignments
union all
select * from person_assignments
