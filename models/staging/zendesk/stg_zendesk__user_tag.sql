-- The tags of each Zendesk user, one row per user and tag. A user's tags are a set: a row that
-- Fivetran lands twice is the same tag, kept once.
with

source as (
    select * from {{ system_source('zendesk', 'user_tag') }}
)

select distinct
    {{ clean_text('user_id') }} as user_id,
    {{ clean_enum('tag') }} as tag
from source
