-- Every change of a Zendesk ticket field (one row per ticket, field and moment), renamed and
-- typed. Kept row for row, repeats included: the adapter orders and collapses them.
with

source as (
    select * from {{ system_source('zendesk', 'ticket_field_history') }}
)

select
    {{ clean_text('ticket_id') }} as ticket_id,
    {{ clean_enum('field_name') }} as field_name,
    {{ clean_text('value') }} as field_value,
    {{ parse_timestamp_utc('updated') }} as changed_at,
    {{ clean_text('user_id') }} as user_id
from source
