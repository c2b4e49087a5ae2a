-- Which Intercom admins belong to which teams, and whether the membership ended.
with

source as (
    select * from {{ system_source('intercom', 'team_admin') }}
)

select
    {{ clean_text('admin_id') }} as admin_id,
    {{ clean_text('team_id') }} as team_id,
    coalesce({{ parse_boolean('_fivetran_deleted') }}, false) as is_deleted
from source
