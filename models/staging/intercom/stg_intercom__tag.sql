-- Every Intercom tag: its id, name (trimmed) and whether it was deleted.
with

source as (
    select * from {{ system_source('intercom', 'tag') }}
)

select
    {{ clean_text('id') }} as tag_id,
    {{ clean_text('name') }} as tag_name,
    coalesce({{ parse_boolean('_fivetran_deleted') }}, false) as is_deleted
from source
