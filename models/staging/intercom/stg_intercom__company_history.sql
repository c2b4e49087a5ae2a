-- The current version of every Intercom company, renamed and typed: Intercom's id, the
-- workspace's own company id, plan, monthly spend and size.
with

source as (
    select * from {{ system_source('intercom', 'company_history') }}
)

select
    {{ clean_text('id') }} as company_id,
    {{ clean_text('company_id') }} as company_external_id,
    {{ clean_text('plan_name') }} as plan_name,
    {{ guarded_cast(clean_text('monthly_spend'), dbt.type_numeric()) }} as monthly_spend,
    {{ parse_integer('size') }} as employee_count
from source
where {{ parse_boolean('_fivetran_active') }}
