-- Canonical tickets: the valid rows of the chosen source system, one row per ticket.
-- A view: it only filters stg_helpdesk__tickets (a table).
{{ config(materialized='view') }}
{%- do source_system() %}

select
    ticket_id,
    customer_id,
    account_id,
    created_at,
    channel,
    issue_type,
    product_area,
    priority,
    is_technical,
    updated_at
from {{ ref('stg_helpdesk__tickets') }}
where rejection_reason is null
