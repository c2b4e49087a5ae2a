-- One row per handoff (AI to human) or escalation (to l2 or engineering). Rework, packet
-- completeness and unnecessary escalations come from their metric macros.
with

escalations as (
    select * from {{ ref('int_escalations_windowed') }}
),

tickets as (
    select
        ticket_id,
        support_path
    from {{ ref('int_tickets_classified_by_path') }}
),

measured as (
    select
        escalations.*,
        tickets.support_path,
        {{ evidence_completeness('fields_present') }} as packet_fields_present,
        {{ evidence_completeness('fields_required') }} as packet_fields_required,
        {{ evidence_completeness('row') }} as packet_completeness,
        {{ escalation_rework_rate('row') }} as is_rework,
        {{ first_human_useful_reply_time('row') }} as first_human_useful_reply_minutes,
        {{ unnecessary_escalation_rate('row') }} as is_unnecessary
    from escalations
    inner join tickets
        on escalations.ticket_id = tickets.ticket_id
)

select
    escalation_id,
    ticket_id,
    escalation_kind,
    escalated_at,
    support_path,
    packet_has_summary,
    packet_has_identifiers,
    packet_has_repro,
    packet_has_evidence,
    packet_fields_present,
    packet_fields_required,
    packet_completeness,
    first_context_request_at,
    first_receiver_useful_reply_at,
    is_rework,
    first_human_useful_reply_at,
    first_human_useful_reply_minutes,
    engineering_resolved_at,
    resolution_code,
    is_unnecessary
from measured
