-- Zendesk tickets as raw contract tickets, one per ticket (deleted tickets included: the contract
-- has no deleted state, and a ticket is never dropped here). The requester is the customer, the
-- organisation the account. Issue type: a ticket tag with var zendesk.issue_type_tag_prefix
-- (Zendesk writes a tag for each option of a drop-down field), else the ticket type, else
-- zendesk.default_issue_type; product area likewise from zendesk.product_area_tag_prefix;
-- priority, when empty, zendesk.default_priority; technical when the type is one of
-- zendesk.technical_ticket_types or a tag one of zendesk.technical_tags.
with

tickets as (
    select * from {{ ref('stg_zendesk__ticket') }}
),

ticket_tags as (
    select * from {{ ref('stg_zendesk__ticket_tag') }}
),

tag_attributes as (
    select
        ticket_id,
        min({{ zendesk_tag_value('tag', zendesk_setting('issue_type_tag_prefix')) }}) as tagged_issue_type,
        min({{ zendesk_tag_value('tag', zendesk_setting('product_area_tag_prefix')) }}) as tagged_product_area,
        max(case when {{ zendesk_in_list('tag', zendesk_setting('technical_tags')) }} then 1 else 0 end)
            as has_technical_tag
    from ticket_tags
    group by ticket_id
)

select
    {{ contract_row('tickets', {
        'ticket_id': 'tickets.ticket_id',
        'customer_id': 'tickets.requester_id',
        'account_id': 'tickets.organization_id',
        'created_at': 'tickets.created_at',
        'channel': zendesk_channel('tickets.via_channel'),
        'issue_type': 'coalesce(tag_attributes.tagged_issue_type, tickets.ticket_type, '
            ~ zendesk_literal(zendesk_setting('default_issue_type')) ~ ')',
        'product_area': 'tag_attributes.tagged_product_area',
        'priority': 'coalesce(tickets.priority, ' ~ zendesk_literal(zendesk_setting('default_priority')) ~ ')',
        'is_technical': 'coalesce(' ~ zendesk_in_list('tickets.ticket_type', zendesk_setting('technical_ticket_types'))
            ~ ', false) or coalesce(tag_attributes.has_technical_tag = 1, false)',
        'updated_at': 'tickets.updated_at',
    }) }}
from tickets
left join tag_attributes
    on tickets.ticket_id = tag_attributes.ticket_id
