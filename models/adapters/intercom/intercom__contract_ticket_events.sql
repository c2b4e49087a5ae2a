-- Intercom conversations as raw contract events (docs/raw_contract.md), from the conversation
-- itself and its parts (intercom__conversation_parts_classified):
-- - the conversation's start: the contact's opening message (a public question; none for an
--   outbound conversation started by a teammate) and the status `open`;
-- - comments: a contact's is a question; the AI's (bots, and admins of setting ai_admin_ids) and
--   teammates' are answers, or acknowledgements when the body matches setting
--   acknowledgement_patterns; notes are non-public notes;
-- - assignments to a team or an admin: an `assignment` to that queue (the team, or the admin's
--   team); an assignment by the AI, after it wrote to the customer, to someone other than the AI
--   is also the `handoff`; a teammate's assignment into a tier team (settings engineering_teams,
--   l2_teams) from another tier is also an `escalation` to that tier;
-- - state: a close is `solved`, a snooze `pending`, an open (or a contact's reply) after a close
--   `reopened`, an open after a snooze `open`; only changes of state are events.
-- The packet of a handoff or escalation is the notes its side (the AI, or the teammates) wrote
-- since the conversation's previous assignment: each field is present when a note names it
-- (setting packet_note_patterns); no note, no packet. Intercom has no context requests, evidence,
-- problem confirmations, workflows, engineering resolutions or handle times: those events do not
-- exist here. Customers' ids stay out of the event log (the ticket carries the pseudonymised
-- customer). Rows that cannot be mapped keep their nulls and are quarantined by the contract
-- checks, with the reason.
{%- set human_actor_types = "('agent', 'engineer')" %}
{%- set part_order = "order by created_at, part_sequence, part_id" %}
with

conversations as (
    select * from {{ ref('stg_intercom__conversation_history') }}
),

parts as (
    select * from {{ ref('intercom__conversation_parts_classified') }}
),

-- The AI's first public reply: an assignment by the AI after it is the AI giving the conversation
-- up; one before it is routing (a workflow assigning the conversation), not a handoff.
ai_first_replies as (
    select
        conversation_id,
        min(created_at) as first_ai_reply_at
    from parts
    where is_comment and actor_type = 'ai'
    group by conversation_id
),

routing as (
    select
        *,
        lag(created_at) over (partition by conversation_id {{ part_order }}) as previous_routing_at
    from parts
    where is_assignment
),

queue_moves as (
    select
        part_id,
        lag(queue_tier) over (partition by conversation_id {{ part_order }}) as previous_queue_tier
    from parts
    where is_assignment and queue is not null
),

routed as (
    select
        routing.*,
        case
            when
                routing.actor_type = 'ai'
                and not routing.is_assigned_to_ai
                and ai_first_replies.first_ai_reply_at <= routing.created_at
                then 'handoff'
            when
                routing.actor_type in {{ human_actor_types }}
                and routing.queue_tier is not null
                and (
                    queue_moves.previous_queue_tier is null
                    or routing.queue_tier != queue_moves.previous_queue_tier
                )
                then 'escalation'
        end as routing_kind
    from routing
    left join queue_moves
        on routing.part_id = queue_moves.part_id
    left join ai_first_replies
        on routing.conversation_id = ai_first_replies.conversation_id
),

packets as (
    select
        routed.part_id,
        max(case when {{ intercom_note_has('summary', 'notes.body') }} then 1 else 0 end) = 1 as has_summary,
        max(case when {{ intercom_note_has('identifiers', 'notes.body') }} then 1 else 0 end) = 1
            as has_identifiers,
        max(case when {{ intercom_note_has('repro', 'notes.body') }} then 1 else 0 end) = 1 as has_repro,
        max(case when {{ intercom_note_has('evidence', 'notes.body') }} then 1 else 0 end) = 1 as has_evidence
    from routed
    left join parts as notes
        on
            routed.conversation_id = notes.conversation_id
            and notes.is_note
            and routed.created_at >= notes.created_at
            and (routed.previous_routing_at is null or routed.previous_routing_at < notes.created_at)
            and (
                (routed.routing_kind = 'handoff' and notes.actor_type = 'ai')
                or (routed.routing_kind = 'escalation' and notes.actor_type in {{ human_actor_types }})
            )
    where routed.routing_kind is not null
    group by routed.part_id
),

handed as (
    select
        routed.*,
        packets.has_summary,
        packets.has_identifiers,
        packets.has_repro,
        packets.has_evidence
    from routed
    inner join packets
        on routed.part_id = packets.part_id
),

-- The state the conversation is in before each part that changes it: it starts open.
states as (
    select
        conversation_id,
        cast(null as {{ dbt.type_string() }}) as part_id,
        cast(null as {{ dbt.type_bigint() }}) as part_sequence,
        created_at,
        0 as is_part,
        cast(null as {{ dbt.type_string() }}) as actor_type,
        cast(null as {{ dbt.type_string() }}) as author_id,
        'open' as state_after
    from conversations
    union all
    select
        conversation_id,
        part_id,
        part_sequence,
        created_at,
        1 as is_part,
        actor_type,
        author_id,
        state_after
    from parts
    where state_after is not null
),

state_changes as (
    select
        *,
        lag(state_after) over (
            partition by conversation_id
            order by created_at, is_part, part_sequence, part_id
        ) as state_before
    from states
),

opened as (
    select
        {{ contract_row('ticket_events', {
            'event_id': "conversation_id || ':opened'",
            'ticket_id': 'conversation_id',
            'occurred_at': 'created_at',
            'event_type': "'message'",
            'actor_type': "'customer'",
            'is_public': 'true',
            'message_kind': "'question'",
        }) }}
    from conversations
    where {{ intercom_is_contact('source_author_type') }}
),

created as (
    select
        {{ contract_row('ticket_events', {
            'event_id': "conversation_id || ':created'",
            'ticket_id': 'conversation_id',
            'occurred_at': 'created_at',
            'event_type': "'status_change'",
            'actor_type': "'system'",
            'status': "'open'",
        }) }}
    from conversations
),

messages as (
    select
        {{ contract_row('ticket_events', {
            'event_id': "part_id || ':message'",
            'ticket_id': 'conversation_id',
            'occurred_at': 'created_at',
            'event_type': "'message'",
            'actor_type': 'actor_type',
            'actor_id': "case when actor_type = 'customer' then null else author_id end",
            'is_public': 'is_comment',
            'message_kind': "case when is_note then 'note' when actor_type = 'customer' then 'question' else "
                ~ intercom_reply_kind('body') ~ " end",
        }) }}
    from parts
    where is_comment or is_note
),

assignments as (
    select
        {{ contract_row('ticket_events', {
            'event_id': "part_id || ':assignment'",
            'ticket_id': 'conversation_id',
            'occurred_at': 'created_at',
            'event_type': "'assignment'",
            'actor_type': 'assignee_actor_type',
            'actor_id': 'assignee_admin_id',
            'queue': 'queue',
        }) }}
    from routing
    where queue is not null
),

handoffs as (
    select
        {{ contract_row('ticket_events', {
            'event_id': "part_id || ':handoff'",
            'ticket_id': 'conversation_id',
            'occurred_at': 'created_at',
            'event_type': "'handoff'",
            'actor_type': 'actor_type',
            'actor_id': 'author_id',
            'packet_has_summary': 'has_summary',
            'packet_has_identifiers': 'has_identifiers',
            'packet_has_repro': 'has_repro',
            'packet_has_evidence': 'has_evidence',
        }) }}
    from handed
    where routing_kind = 'handoff'
),

escalations as (
    select
        {{ contract_row('ticket_events', {
            'event_id': "part_id || ':escalation'",
            'ticket_id': 'conversation_id',
            'occurred_at': 'created_at',
            'event_type': "'escalation'",
            'actor_type': 'actor_type',
            'actor_id': 'author_id',
            'to_tier': 'queue_tier',
            'packet_has_summary': 'has_summary',
            'packet_has_identifiers': 'has_identifiers',
            'packet_has_repro': 'has_repro',
            'packet_has_evidence': 'has_evidence',
        }) }}
    from handed
    where routing_kind = 'escalation'
),

status_changes as (
    select
        {{ contract_row('ticket_events', {
            'event_id': "part_id || ':status'",
            'ticket_id': 'conversation_id',
            'occurred_at': 'created_at',
            'event_type': "'status_change'",
            'actor_type': 'actor_type',
            'actor_id': "case when actor_type = 'customer' then null else author_id end",
            'status': intercom_status('state_after', 'state_before'),
        }) }}
    from state_changes
    where is_part = 1 and state_after is distinct from state_before
)

select * from opened
union all
select * from created
union all
select * from messages
union all
select * from assignments
union all
select * from handoffs
union all
select * from escalations
union all
select * from status_changes
