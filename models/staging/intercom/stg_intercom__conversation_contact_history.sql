-- The contacts taking part in each Intercom conversation, current links only.
with

source as (
    select * from {{ system_source('intercom', 'conversation_contact_history') }}
)

select
    {{ clean_text('conversation_id') }} as conversation_id,
    {{ clean_text('contact_id') }} as contact_id
from source
where {{ parse_boolean('_fivetran_active') }}
