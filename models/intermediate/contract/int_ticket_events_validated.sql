-- Every staged event with its final contract verdict: its own checks from staging, then the
-- checks against its ticket (the ticket must exist and be valid, and the event may not precede
-- the ticket's creation).
with

events as (
    select * from {{ ref('stg_helpdesk__ticket_events') }}
),

ticket_ids as (
    select * from {{ ref('int_ticket_ids_resolved') }}
),

checked as (
    select
        events.event_id,
        events.ticket_id,
        events.occurred_at,
        events.event_type,
        events.actor_type,
        events.actor_id,
        events.is_public,
        events.message_kind,
        events.to_tier,
        events.packet_has_summary,
        events.packet_has_identifiers,
        events.packet_has_repro,
        events.packet_has_evidence,
        events.queue,
        events.status,
        events.workflow_id,
        events.resolution_code,
        events.handle_seconds,
        events.raw_values,
        coalesce(
            events.rejection_reason,
            case
                when ticket_ids.ticket_id is null then 'unknown_ticket_id'
                when not ticket_ids.has_valid_version then 'ticket_quarantined'
                when events.occurred_at < ticket_ids.created_at then 'occurred_before_ticket_created'
            end
        ) as rejection_reason
    from events
    left join ticket_ids
        on events.ticket_id = ticket_ids.ticket_id
)

-- The readable raw row is kept for rejected rows only: the quarantine needs it, the accepted
-- rows would only carry it as dead weight.
select
    event_id,
    ticket_id,
    occurred_at,
    event_type,
    actor_type,
    actor_id,
    is_public,
    message_kind,
    to_tier,
    packet_has_summary,
    packet_has_identifiers,
    packet_has_repro,
    packet_has_evidence,
    queue,
    status,
    workflow_id,
    resolution_code,
    handle_seconds,
    rejection_reason,
    case when rejection_reason is not null then raw_values end as raw_values
from checked
