-- Every staged event with its final contract verdict: its own checks from staging, then the
-- checks against its ticket (the ticket must exist and be valid, and the event may not precede
-- the ticket's creation), then duplicates (of the valid rows sharing an event_id the earliest is
-- kept). The readable raw row is built for rejected rows only.
--
-- Incremental: a run rebuilds the events of the tickets in int_tickets_in_increment and those
-- without a ticket id (strategy replace_tickets). Which copy of a repeated event id is kept is
-- decided among all its copies: the copies held by tickets outside the increment are checked and
-- ranked with them (their own verdicts are unchanged: their fingerprints did not change).
{{ config(
    materialized=incremental_materialization(),
    incremental_strategy='replace_tickets',
    on_schema_change='fail',
) }}
-- depends_on: {{ ref('int_tickets_in_increment') }}
with

-- Event ids that may occur more than once (a small set): only their rows need ranking. Found by
-- the hash of the id (grouping 64-bit numbers is far cheaper than grouping the strings; a
-- collision only adds a candidate, which the ranking then finds alone), read from the view apart
-- from `events` so that only the ids are computed for it.
all_event_ids as (
    select
        ticket_id,
        {{ fast_hash('event_id') }} as event_id_hash
    from {{ ref('stg_helpdesk__ticket_events') }}
    where event_id is not null
),

repeated_event_ids as (
    select event_id_hash
    from all_event_ids
    group by event_id_hash
    having count(*) > 1
),

{%- if is_incremental() %}

-- The repeated ids the increment's events hold: their copies elsewhere join the ranking.
increment_repeated_event_ids as (
    select distinct all_event_ids.event_id_hash
    from all_event_ids
    inner join repeated_event_ids
        on all_event_ids.event_id_hash = repeated_event_ids.event_id_hash
    where {{ in_ticket_increment('all_event_ids.ticket_id') }}
),
{%- endif %}

staged_events as (
    select
        *,
        {{ in_ticket_increment('ticket_id') }} as is_in_increment,
        {%- if is_incremental() %}
        {{ fast_hash('event_id') }} in (
            select increment_repeated_event_ids.event_id_hash from increment_repeated_event_ids
        ) as shares_event_id_with_increment
        {%- else %}
        false as shares_event_id_with_increment
        {%- endif %}
    from {{ ref('stg_helpdesk__ticket_events') }}
),

events as (
    select * from staged_events
    where is_in_increment or shares_event_id_with_increment
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
        events.is_in_increment,
        repeated_event_ids.event_id_hash is not null as has_repeated_id,
        coalesce(
            events.rejection_reason,
            case
                when ticket_ids.ticket_id is null then 'unknown_ticket_id'
                when not ticket_ids.has_valid_version then 'ticket_quarantined'
                when events.occurred_at < ticket_ids.created_at then 'occurred_before_ticket_created'
            end
        ) as checked_rejection_reason,
        -- Built only where the row may end in the quarantine (rejected, or one of several copies).
        case
            when
                events.rejection_reason is not null
                or ticket_ids.ticket_id is null
                or not ticket_ids.has_valid_version
                or events.occurred_at < ticket_ids.created_at
                or repeated_event_ids.event_id_hash is not null
                then {{ raw_values(raw_contract_columns('ticket_events'), 'events') }}
        end as raw_values
    from events
    left join ticket_ids
        on events.ticket_id = ticket_ids.ticket_id
    left join repeated_event_ids
        on {{ fast_hash('events.event_id') }} = repeated_event_ids.event_id_hash
),

-- Only the valid rows of a repeated event_id are ranked: the window sorts that small set, the
-- rest of the log streams past it (`checked` is read twice, so engines materialise it once).
ranked as (
    select
        *,
        cast(null as {{ dbt.type_bigint() }}) as copy_rank
    from checked
    where not (checked_rejection_reason is null and has_repeated_id)
    union all
    select
        *,
        row_number() over (
            partition by event_id
            order by occurred_at, event_type, actor_type, ticket_id, raw_values
        ) as copy_rank
    from checked
    where checked_rejection_reason is null and has_repeated_id
),

verdicts as (
    select
        *,
        coalesce(
            checked_rejection_reason,
            case when copy_rank > 1 then 'duplicate_event_id' end
        ) as rejection_reason
    from ranked
)

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
from verdicts
where is_in_increment
