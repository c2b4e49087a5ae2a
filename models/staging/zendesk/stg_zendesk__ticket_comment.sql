-- Zendesk ticket comments (public replies and internal notes), renamed and typed. The body is
-- kept for the adapter's pattern matching (acknowledgements, handoffs, context packets) and goes
-- no further. `via_channel` is read where the landing has it (not every Fivetran landing does).
with

source as (
    select * from {{ system_source('zendesk', 'ticket_comment') }}
)

select
    {{ clean_text('id') }} as comment_id,
    {{ clean_text('ticket_id') }} as ticket_id,
    {{ clean_text('user_id') }} as user_id,
    {{ parse_timestamp_utc('created') }} as created_at,
    {{ parse_boolean('public') }} as is_public,
    cast(body as {{ dbt.type_string() }}) as body,
    lower({{ zendesk_optional_column('ticket_comment', 'via_channel') }}) as via_channel
from source
