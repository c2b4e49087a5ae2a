-- One row per ticket id found in any raw table (ticket versions, events, survey responses): a
-- fingerprint of everything the ticket's rows in the incremental models are built from. Its own
-- raw rows with their verdicts; the rows sharing an event id with its events (which copy is kept
-- depends on them) and the validity of their tickets; the tickets of its repeat-contact stream
-- (same customer and issue type), with theirs; the settings and the models' code. Any change to
-- any of these changes the fingerprint, whatever the age of the rows. Rebuilt on every run.
{%- set settings = ticket_build_settings_fingerprint() %}
{%- set ticket_columns = fingerprint_columns(ref('stg_helpdesk__tickets')) %}
{%- set event_columns = fingerprint_columns(ref('stg_helpdesk__ticket_events')) %}
{%- set survey_columns = fingerprint_columns(ref('stg_helpdesk__survey_responses')) %}
with

ticket_rows as (
    select
        ticket_id,
        {{ hash_sum(row_hash(ticket_columns)) }} as rows_hash
    from {{ ref('stg_helpdesk__tickets') }}
    where ticket_id is not null
    group by ticket_id
),

event_rows as (
    select
        ticket_id,
        {{ fast_hash('event_id') }} as event_id_hash,
        {{ row_hash(event_columns) }} as row_hash
    from {{ ref('stg_helpdesk__ticket_events') }}
    where ticket_id is not null
),

event_hashes as (
    select
        ticket_id,
        {{ hash_sum('row_hash') }} as rows_hash
    from event_rows
    group by ticket_id
),

survey_hashes as (
    select
        ticket_id,
        {{ hash_sum(row_hash(survey_columns)) }} as rows_hash
    from {{ ref('stg_helpdesk__survey_responses') }}
    where ticket_id is not null
    group by ticket_id
),

ticket_keys as (
    select ticket_id from ticket_rows
    union
    select ticket_id from event_hashes
    union
    select ticket_id from survey_hashes
),

-- Event ids held by more than one row (found by their hash: a collision only adds a group).
repeated_event_ids as (
    select event_id_hash
    from event_rows
    where event_id_hash is not null
    group by event_id_hash
    having count(*) > 1
),

repeated_event_rows as (
    select
        event_rows.ticket_id,
        event_rows.event_id_hash,
        {{ row_hash(['event_rows.row_hash', 'ticket_rows.rows_hash']) }} as row_hash
    from event_rows
    inner join repeated_event_ids
        on event_rows.event_id_hash = repeated_event_ids.event_id_hash
    left join ticket_rows
        on event_rows.ticket_id = ticket_rows.ticket_id
),

repeated_event_groups as (
    select
        event_id_hash,
        {{ hash_sum('row_hash') }} as group_hash
    from repeated_event_rows
    group by event_id_hash
),

shared_event_hashes as (
    select
        repeated_event_rows.ticket_id,
        sum(repeated_event_groups.group_hash) as groups_hash
    from repeated_event_rows
    inner join repeated_event_groups
        on repeated_event_rows.event_id_hash = repeated_event_groups.event_id_hash
    group by repeated_event_rows.ticket_id
),

local_hashes as (
    select
        ticket_keys.ticket_id,
        {{ row_hash([
            'ticket_rows.rows_hash', 'event_hashes.rows_hash', 'survey_hashes.rows_hash',
            'shared_event_hashes.groups_hash',
        ]) }} as local_hash
    from ticket_keys
    left join ticket_rows
        on ticket_keys.ticket_id = ticket_rows.ticket_id
    left join event_hashes
        on ticket_keys.ticket_id = event_hashes.ticket_id
    left join survey_hashes
        on ticket_keys.ticket_id = survey_hashes.ticket_id
    left join shared_event_hashes
        on ticket_keys.ticket_id = shared_event_hashes.ticket_id
),

-- Repeat-contact streams: the valid tickets of one customer and issue type read each other.
streams as (
    select
        tickets.ticket_id,
        {{ row_hash(['tickets.customer_id', 'tickets.issue_type']) }} as stream_key,
        local_hashes.local_hash
    from {{ ref('int_tickets_conformed') }} as tickets
    inner join local_hashes
        on tickets.ticket_id = local_hashes.ticket_id
),

stream_hashes as (
    select
        stream_key,
        {{ hash_sum('local_hash') }} as stream_hash
    from streams
    group by stream_key
)

select
    local_hashes.ticket_id,
    {{ row_hash(['local_hashes.local_hash', 'stream_hashes.stream_hash', settings]) }} as fingerprint,
    {{ sql_string_literal(invocation_id) }} as build_invocation_id
from local_hashes
left join streams
    on local_hashes.ticket_id = streams.ticket_id
left join stream_hashes
    on streams.stream_key = stream_hashes.stream_key
