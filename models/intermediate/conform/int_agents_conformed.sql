-- Canonical agents (people and AI): the valid rows of the chosen source system, one per agent.
{%- do source_system() %}

select
    agent_id,
    team,
    tier,
    is_ai
from {{ ref('stg_helpdesk__agents') }}
where rejection_reason is null
