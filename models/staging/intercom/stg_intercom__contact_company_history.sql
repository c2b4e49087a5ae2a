-- The companies each Intercom contact belongs to, current links only.
with

source as (
    select * from {{ system_source('intercom', 'contact_company_history') }}
)

select
    {{ clean_text('contact_id') }} as contact_id,
    {{ clean_text('company_id') }} as company_id
from source
where {{ parse_boolean('_fivetran_active') }}
