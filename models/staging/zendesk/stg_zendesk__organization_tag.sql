-- The tags of each Zendesk organisation, one row per organisation and tag. Tags are a set: a row
-- that Fivetran lands twice is the same tag, kept once.
with

source as (
    select * from {{ system_source('zendesk', 'organization_tag') }}
)

select distinct
    {{ clean_text('organization_id') }} as organization_id,
    {{ clean_enum('tag') }} as tag
from source
