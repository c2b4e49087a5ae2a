-- ServiceNow incidents as raw contract tickets: one per incident number, from its latest update
-- (the incident as it stands). Rows without a number are kept, one each, so the contract checks
-- quarantine them (missing_ticket_id) instead of dropping them here.
with

updates as (
    select * from {{ ref('stg_servicenow__incident_events') }}
),

ranked as (
    select
        *,
        row_number() over (
            partition by incident_number
            order by update_sequence desc, updated_at desc
        ) as recency
    from updates
)

select
    {{ contract_row('tickets', {
        'ticket_id': 'incident_number',
        'customer_id': 'caller_id',
        'created_at': 'opened_at',
        'channel': servicenow_channel('contact_type'),
        'issue_type': 'category',
        'product_area': 'subcategory',
        'priority': servicenow_priority('priority'),
        'is_technical': servicenow_is_technical('category'),
        'updated_at': 'updated_at',
    }) }}
from ranked
where recency = 1 or incident_number is null
