-- Zendesk agent groups (the queues), renamed and typed.
with

source as (
    select * from {{ system_source('zendesk', 'group') }}
)

select
    {{ clean_text('id') }} as group_id,
    {{ clean_text('name') }} as group_name
from source
