-- The current tags of each Zendesk ticket, one row per ticket and tag. Fivetran keeps no history
-- of tags, so a tag says what a ticket is, never when it became so. Tags are a set: a row that
-- Fivetran lands twice is the same tag, kept once.
with

source as (
    select * from {{ system_source('zendesk', 'ticket_tag') }}
)

select distinct
    {{ clean_text('ticket_id') }} as ticket_id,
    {{ clean_enum('tag') }} as tag
from source
