-- One row per ticket and human (agent or engineer) who acted on it, with the ticket's attributes:
-- the grain at which tickets per agent is counted.
{{ config(
    materialized=incremental_materialization(),
    incremental_strategy='replace_tickets',
    on_schema_change='fail',
) }}
-- Incremental: a run rebuilds the tickets of int_tickets_in_increment (strategy replace_tickets).
-- depends_on: {{ ref('int_tickets_in_increment') }}
with

human_events as (
    select distinct
        ticket_id,
        actor_id as agent_id
    from {{ ref('int_ticket_events_conformed') }}
    where {{ is_human_actor() }} and actor_id is not null and {{ in_ticket_increment() }}
),

tickets as (
    select * from {{ ref('int_tickets_classified_by_path') }}
)

select
    human_events.ticket_id,
    human_events.agent_id,
    tickets.created_at,
    tickets.support_path,
    tickets.channel,
    tickets.issue_type,
    tickets.is_technical,
    tickets.priority,
    tickets.account_id
from human_events
inner join tickets
    on human_events.ticket_id = tickets.ticket_id
