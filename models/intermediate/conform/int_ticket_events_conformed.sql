-- Canonical ticket events: the valid rows of the chosen source system, one row per event.
-- A view: it only filters int_ticket_events_validated (a table), so writing the event log a
-- second time would cost a full copy for nothing.
{{ config(materialized='view') }}
{%- do source_system() %}

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
    handle_seconds
from {{ ref('int_ticket_events_validated') }}
where rejection_reason is null
