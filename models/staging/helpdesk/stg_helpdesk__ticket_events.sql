-- Every raw event row, typed and normalised, with the reason it breaks the contract on its own.
-- A plain row-by-row view: the checks that need other rows (its ticket, other copies of its
-- event_id) and the readable raw row of rejected events are made in int_ticket_events_validated,
-- which reads this view once. The raw columns ride along as `<column>_raw` for that.
{%- set raw_types = raw_column_types('ticket_events') %}
with

source as (
    select
        {{ select_raw_columns('ticket_events', raw_types) }}
    from {{ helpdesk_source('ticket_events') }}
),

typed as (
    select
        event_id_raw as event_id,
        ticket_id_raw as ticket_id,
        {{ typed_raw_value('occurred_at', 'timestamp', raw_types) }} as occurred_at,
        lower(event_type_raw) as event_type,
        lower(actor_type_raw) as actor_type,
        actor_id_raw as actor_id,
        {{ typed_raw_value('is_public', 'boolean', raw_types) }} as is_public,
        lower(message_kind_raw) as message_kind,
        lower(to_tier_raw) as to_tier,
        {{ typed_raw_value('packet_has_summary', 'boolean', raw_types) }} as packet_has_summary,
        {{ typed_raw_value('packet_has_identifiers', 'boolean', raw_types) }} as packet_has_identifiers,
        {{ typed_raw_value('packet_has_repro', 'boolean', raw_types) }} as packet_has_repro,
        {{ typed_raw_value('packet_has_evidence', 'boolean', raw_types) }} as packet_has_evidence,
        lower(queue_raw) as queue,
        lower(status_raw) as status,
        workflow_id_raw as workflow_id,
        lower(resolution_code_raw) as resolution_code,
        {{ typed_raw_value('handle_seconds', 'integer', raw_types) }} as handle_seconds,
        *
    from source
),

checked as (
    select
        *,
        {{ first_failed_rule([
            [has_overlong_value('ticket_events', raw_types), "value_too_long"],
            [has_control_value('ticket_events', raw_types), "control_character"],
            ["event_id is null", "missing_event_id"],
            ["ticket_id is null", "missing_ticket_id"],
            ["occurred_at_raw is null", "missing_occurred_at"],
            ["occurred_at is null", "unparseable_occurred_at"],
            ["occurred_at > " ~ as_of_timestamp(), "occurred_at_in_future"],
            ["occurred_at < " ~ earliest_raw_timestamp(), "occurred_at_before_earliest"],
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
            [raw_is_unparseable('handle_seconds', 'handle_seconds', raw_types) ~ " or handle_seconds < 0 or handle_seconds > " ~ number_var('raw_max_handle_seconds'), "invalid_handle_seconds"],
        ]) }} as rejection_reason
    from typed
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
    rejection_reason,
    {{ raw_contract_columns('ticket_events') | join('_raw, ') }}_raw  -- noqa: LT05
from checked
