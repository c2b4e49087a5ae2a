-- Every raw event row, typed and normalised, with the reason it breaks the contract on its own
-- (checks against the ticket it belongs to follow in int_ticket_events_validated). Of duplicated
-- event_ids the earliest copy is kept.
with

source as (
    select
        {{ select_raw_as_text('ticket_events') }}
    from {{ helpdesk_source('ticket_events') }}
),

typed as (
    select
        event_id_raw as event_id,
        ticket_id_raw as ticket_id,
        {{ parse_timestamp_utc('occurred_at_raw') }} as occurred_at,
        lower(event_type_raw) as event_type,
        lower(actor_type_raw) as actor_type,
        actor_id_raw as actor_id,
        {{ parse_boolean('is_public_raw') }} as is_public,
        lower(message_kind_raw) as message_kind,
        lower(to_tier_raw) as to_tier,
        {{ parse_boolean('packet_has_summary_raw') }} as packet_has_summary,
        {{ parse_boolean('packet_has_identifiers_raw') }} as packet_has_identifiers,
        {{ parse_boolean('packet_has_repro_raw') }} as packet_has_repro,
        {{ parse_boolean('packet_has_evidence_raw') }} as packet_has_evidence,
        lower(queue_raw) as queue,
        lower(status_raw) as status,
        workflow_id_raw as workflow_id,
        lower(resolution_code_raw) as resolution_code,
        {{ parse_integer('handle_seconds_raw') }} as handle_seconds,
        *
    from source
),

checked as (
    select
        *,
        {{ first_failed_rule([
            [has_overlong_value('ticket_events'), "value_too_long"],
            ["event_id is null", "missing_event_id"],
            ["ticket_id is null", "missing_ticket_id"],
            ["occurred_at_raw is null", "missing_occurred_at"],
            ["occurred_at is null", "unparseable_occurred_at"],
            ["occurred_at > " ~ as_of_timestamp(), "occurred_at_in_future"],
            ["event_type is null or event_type not in ('message', 'handoff', 'escalation', 'context_request', 'assignment', 'evidence', 'problem_confirmed', 'status_change', 'workflow_applied', 'engineering_resolution')", "unknown_event_type"],
            ["actor_type is null or actor_type not in ('customer', 'ai', 'agent', 'engineer', 'system')", "unknown_actor_type"],
            ["event_type = 'message' and is_public is null", "invalid_is_public"],
            ["event_type = 'message' and (message_kind is null or message_kind not in ('acknowledgement', 'question', 'answer', 'resolution', 'note'))", "unknown_message_kind"],
            ["event_type = 'escalation' and (to_tier is null or to_tier not in ('l2', 'engineering'))", "unknown_to_tier"],
            ["event_type in ('handoff', 'escalation') and (packet_has_summary is null or packet_has_identifiers is null or packet_has_repro is null or packet_has_evidence is null)", "invalid_packet_flags"],
            ["event_type = 'assignment' and queue is null", "missing_queue"],
            ["event_type = 'status_change' and (status is null or status not in ('open', 'pending', 'solved', 'closed', 'reopened'))", "unknown_status"],
            ["event_type = 'workflow_applied' and workflow_id is null", "missing_workflow_id"],
            ["event_type = 'engineering_resolution' and (resolution_code is null or resolution_code not in ('bug_fixed', 'config_change', 'user_error', 'not_reproducible', 'no_action_needed', 'docs_gap'))", "unknown_resolution_code"],
            [is_unparseable('handle_seconds_raw', 'handle_seconds') ~ " or handle_seconds < 0", "invalid_handle_seconds"],
        ]) }} as row_rejection_reason
    from typed
),

ranked as (
    select
        *,
        case
            when row_rejection_reason is null
                then row_number() over (
                    partition by event_id, row_rejection_reason is null
                    order by occurred_at, event_type, actor_type, ticket_id
                )
        end as copy_rank
    from checked
)

select
    event_id,
    ticket_id,
    occurred_at,
    event_type,
    actor_type,
    actor_id,
    case when event_type = 'message' then is_public end as is_public,
    case when event_type = 'message' then message_kind end as message_kind,
    case when event_type = 'escalation' then to_tier end as to_tier,
    case when event_type in ('handoff', 'escalation') then packet_has_summary end as packet_has_summary,
    case when event_type in ('handoff', 'escalation') then packet_has_identifiers end as packet_has_identifiers,
    case when event_type in ('handoff', 'escalation') then packet_has_repro end as packet_has_repro,
    case when event_type in ('handoff', 'escalation') then packet_has_evidence end as packet_has_evidence,
    case when event_type = 'assignment' then queue end as queue,
    case when event_type = 'status_change' then status end as status,
    case when event_type = 'workflow_applied' then workflow_id end as workflow_id,
    case when event_type = 'engineering_resolution' then resolution_code end as resolution_code,
    handle_seconds,
    coalesce(
        row_rejection_reason,
        case when copy_rank > 1 then 'duplicate_event_id' end
    ) as rejection_reason,
    {{ raw_values(raw_contract_columns('ticket_events')) }} as raw_values
from ranked
