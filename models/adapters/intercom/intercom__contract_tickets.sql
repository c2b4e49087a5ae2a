-- One contract ticket per current Intercom conversation:
-- - customer: the contact who started it (or, for a conversation a teammate started, the first of
--   its contacts), as the workspace's own user id (external_id) when the contact has one, so the
--   same person is one customer across Intercom's lead and user records; else Intercom's id;
-- - account: the contact's company (the first by id when it has several), as the workspace's own
--   company id when set, else Intercom's; null for a contact without a company;
-- - channel from the source type, priority from Intercom's priority flag (macros intercom_channel
--   and intercom_priority); issue type from the conversation attribute of setting
--   issue_type_attribute, else a tag starting with setting issue_type_tag_prefix, else setting
--   default_issue_type; product area from a tag starting with product_area_tag_prefix;
-- - technical when tagged with one of setting technical_tags or ever assigned to one of
--   technical_teams.
-- Values that cannot be mapped stay null and the contract checks quarantine the ticket with the
-- reason.
{%- set issue_type_prefix = intercom_setting('issue_type_tag_prefix') %}
{%- set product_area_prefix = intercom_setting('product_area_tag_prefix') %}
{%- set is_technical_tag = intercom_is_listed('tags.tag_name', intercom_setting('technical_tags'), ignore_case=true) %}
with

conversations as (
    select * from {{ ref('stg_intercom__conversation_history') }}
),

conversation_contacts as (
    select * from {{ ref('stg_intercom__conversation_contact_history') }}
),

contacts as (
    select * from {{ ref('stg_intercom__contact_history') }}
),

contact_companies as (
    select * from {{ ref('stg_intercom__contact_company_history') }}
),

companies as (
    select * from {{ ref('stg_intercom__company_history') }}
),

conversation_tags as (
    select * from {{ ref('stg_intercom__conversation_tag_history') }}
),

tags as (
    select * from {{ ref('stg_intercom__tag') }}
),

parts as (
    select * from {{ ref('intercom__conversation_parts_classified') }}
),

first_contacts as (
    select
        conversation_id,
        min(contact_id) as contact_id
    from conversation_contacts
    group by conversation_id
),

first_companies as (
    select
        contact_id,
        min(company_id) as company_id
    from contact_companies
    group by contact_id
),

tag_attributes as (
    select
        conversation_tags.conversation_id,
        min({{ intercom_tag_value('tags.tag_name', issue_type_prefix) }}) as issue_type,
        min({{ intercom_tag_value('tags.tag_name', product_area_prefix) }}) as product_area,
        max(case when {{ is_technical_tag }} then 1 else 0 end) = 1 as has_technical_tag
    from conversation_tags
    inner join tags
        on conversation_tags.tag_id = tags.tag_id
    where not tags.is_deleted
    group by conversation_tags.conversation_id
),

technical_assignments as (
    select distinct conversation_id
    from parts
    where
        is_assignment
        and {{ intercom_is_listed('queue', intercom_setting('technical_teams'), ignore_case=true) }}
),

customers as (
    select
        conversations.conversation_id,
        case
            when {{ intercom_is_contact('conversations.source_author_type') }}
                then conversations.source_author_id
            else first_contacts.contact_id
        end as contact_id
    from conversations
    left join first_contacts
        on conversations.conversation_id = first_contacts.conversation_id
),

joined as (
    select
        conversations.*,
        tag_attributes.issue_type as tagged_issue_type,
        tag_attributes.product_area as tagged_product_area,
        coalesce(contacts.external_id, customers.contact_id) as customer_id,
        coalesce(companies.company_external_id, first_companies.company_id) as account_id,
        coalesce(tag_attributes.has_technical_tag, false)
        or technical_assignments.conversation_id is not null as is_technical
    from conversations
    inner join customers
        on conversations.conversation_id = customers.conversation_id
    left join contacts
        on customers.contact_id = contacts.contact_id
    left join first_companies
        on customers.contact_id = first_companies.contact_id
    left join companies
        on first_companies.company_id = companies.company_id
    left join tag_attributes
        on conversations.conversation_id = tag_attributes.conversation_id
    left join technical_assignments
        on conversations.conversation_id = technical_assignments.conversation_id
)

select
    {{ contract_row('tickets', {
        'ticket_id': 'conversation_id',
        'customer_id': 'customer_id',
        'account_id': 'account_id',
        'created_at': 'created_at',
        'channel': intercom_channel('source_type'),
        'issue_type': "coalesce(issue_type_attribute, tagged_issue_type, "
            ~ intercom_literals([intercom_setting('default_issue_type')]) ~ ")",
        'product_area': 'tagged_product_area',
        'priority': intercom_priority('priority'),
        'is_technical': 'is_technical',
        'updated_at': 'updated_at',
    }) }}
from joined
