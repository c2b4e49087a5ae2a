-- The weekly review list: handoffs and escalations that were rework, or whose ticket reopened or
-- came back, with what a reviewer needs to judge them. No personal data: no customer or account
-- identifier, only the ticket and escalation ids to open them in the helpdesk.
with

escalations as (
    select * from {{ ref('fct_escalations') }}
),

tickets as (
    select * from {{ ref('fct_tickets') }}
)

select
    cast({{ dbt.date_trunc('week', 'escalations.escalated_at') }} as date) as week_start,
    escalations.escalation_id,
    escalations.ticket_id,
    escalations.escalation_kind,
    escalations.escalated_at,
    escalations.support_path,
    tickets.channel,
    tickets.issue_type,
    tickets.priority,
    tickets.is_technical,
    escalations.packet_completeness,
    escalations.first_human_useful_reply_minutes,
    escalations.resolution_code,
    escalations.is_unnecessary,
    escalations.is_rework,
    tickets.is_reopened as ticket_reopened,
    tickets.has_repeat_contact as ticket_came_back,
    tickets.csat_score,
    concat_ws(
        ', ',
        case when not escalations.packet_has_summary then 'summary' end,
        case when not escalations.packet_has_identifiers then 'identifiers' end,
        case when escalations.escalation_kind = 'engineering' and not escalations.packet_has_repro then 'repro' end,
        case
            when escalations.escalation_kind = 'engineering' and not escalations.packet_has_evidence then 'evidence'
        end
    ) as missing_packet_fields,
    escalations.first_context_request_at is not null as had_context_request,
    concat_ws(
        ', ',
        case when escalations.is_rework then 'rework' end,
        case when tickets.is_reopened then 'reopened' end,
        case when tickets.has_repeat_contact then 'came_back' end
    ) as review_reasons
from escalations
inner join tickets
    on escalations.ticket_id = tickets.ticket_id
where escalations.is_rework or tickets.is_reopened or tickets.has_repeat_contact
