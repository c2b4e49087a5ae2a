-- Zendesk tickets as they stand now, renamed and typed: ids as text, timestamps in UTC, type,
-- priority and via channel trimmed and lower-cased. Values are kept as Zendesk has them; the
-- adapter maps them onto the contract, whose checks quarantine what does not map.
with

source as (
    select * from {{ system_source('zendesk', 'ticket') }}
)

select
    {{ clean_text('id') }} as ticket_id,
    {{ parse_timestamp_utc('created_at') }} as created_at,
    {{ parse_timestamp_utc('updated_at') }} as updated_at,
    {{ clean_text('requester_id') }} as requester_id,
    {{ clean_text('organization_id') }} as organization_id,
    {{ clean_text('assignee_id') }} as assignee_id,
    {{ clean_text('group_id') }} as group_id,
    {{ clean_enum('type') }} as ticket_type,
    {{ clean_enum('priority') }} as priority,
    {{ clean_enum('via_channel') }} as via_channel
from source
