-- Every Intercom team (inbox): its id, name and whether it was deleted.
with

source as (
    select * from {{ system_source('intercom', 'team') }}
)

select
    {{ clean_text('id') }} as team_id,
    {{ clean_text('name') }} as team_name,
    coalesce({{ parse_boolean('_fivetran_deleted') }}, false) as is_deleted
from source
