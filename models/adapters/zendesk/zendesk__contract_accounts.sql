-- Zendesk organisations as raw contract accounts. The segment is the rest of an organisation tag
-- that starts with var zendesk.segment_tag_prefix (e.g. `segment_enterprise`); without such a tag
-- (or without the prefix configured) it is null and the contract quarantines the account as
-- unknown_segment, which leaves its tickets valid (a ticket does not need a valid account) but
-- out of the account-segment cuts. Zendesk holds no ARR or renewal date: both null.
with

organizations as (
    select * from {{ ref('stg_zendesk__organization') }}
),

organization_tags as (
    select * from {{ ref('stg_zendesk__organization_tag') }}
),

segments as (
    select
        organization_id,
        min({{ zendesk_tag_value('tag', zendesk_setting('segment_tag_prefix')) }}) as segment
    from organization_tags
    group by organization_id
)

select
    {{ contract_row('accounts', {
        'account_id': 'organizations.organization_id',
        'segment': 'segments.segment',
    }) }}
from organizations
left join segments
    on organizations.organization_id = segments.organization_id
