-- Every Intercom admin (teammate): its id and whether it was removed. Names and emails are not
-- read.
with

source as (
    select * from {{ system_source('intercom', 'admin') }}
)

select
    {{ clean_text('id') }} as admin_id,
    coalesce({{ parse_boolean('_fivetran_deleted') }}, false) as is_deleted
from source
