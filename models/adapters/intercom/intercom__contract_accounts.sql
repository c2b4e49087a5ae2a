-- Intercom companies (current versions) as contract accounts: the workspace's own company id
-- (Intercom's id when it has none, as tickets name it), the segment from the plan or the size
-- (macro intercom_segment) and the ARR as twelve times the monthly spend. Intercom keeps no
-- renewal date (null).
with

companies as (
    select * from {{ ref('stg_intercom__company_history') }}
)

select
    {{ contract_row('accounts', {
        'account_id': 'coalesce(company_external_id, company_id)',
        'segment': intercom_segment('plan_name', 'employee_count'),
        'arr_usd': 'round(monthly_spend * 12, 2)',
    }) }}
from companies
