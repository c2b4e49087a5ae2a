-- Zendesk users (end-users, agents, admins), renamed and typed. `default_group_id` is read where
-- the landing has it (not every Fivetran landing does).
with

source as (
    select * from {{ system_source('zendesk', 'user') }}
)

select
    {{ clean_text('id') }} as user_id,
    {{ clean_enum('role') }} as user_role,
    {{ zendesk_optional_column('user', 'default_group_id') }} as default_group_id
from source
