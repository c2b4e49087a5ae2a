-- The current version of every Intercom contact (user or lead): its id and the workspace's own
-- id of the user. No names, emails or other personal data are read.
with

source as (
    select * from {{ system_source('intercom', 'contact_history') }}
)

select
    {{ clean_text('id') }} as contact_id,
    {{ clean_text('external_id') }} as external_id
from source
where {{ parse_boolean('_fivetran_active') }}
