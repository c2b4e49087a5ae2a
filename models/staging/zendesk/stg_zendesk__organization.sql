-- Zendesk organisations (the accounts), renamed and typed.
with

source as (
    select * from {{ system_source('zendesk', 'organization') }}
)

select
    {{ clean_text('id') }} as organization_id
from source
