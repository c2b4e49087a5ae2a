-- The tags of each Intercom conversation, current links only.
with

source as (
    select * from {{ system_source('intercom', 'conversation_tag_history') }}
)

select
    {{ clean_text('conversation_id') }} as conversation_id,
    {{ clean_text('tag_id') }} as tag_id
from source
where {{ parse_boolean('_fivetran_active') }}
