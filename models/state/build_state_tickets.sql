-- The build state: each ticket's fingerprint as of the last run that completed every incremental
-- model. Written only after all of them succeeded (it depends on each), so a run that dies
-- anywhere leaves the old state, and the next run's increment still holds every ticket the dead
-- run may have left half-replaced. Read by int_tickets_in_increment (not through ref: the state
-- is what the next run compares against).
{%- set incremental_models = ticket_incremental_models() %}
{%- do require_selected_with(
    incremental_models + ['int_ticket_fingerprints', 'int_tickets_in_increment'],
    'the state vouches that every incremental model was rebuilt from this run\'s fingerprints') %}
-- depends_on: {{ ref('int_tickets_in_increment') }}
-- depends_on: {{ ref('int_ticket_events_validated') }}
-- depends_on: {{ ref('int_ticket_events_aggregated_to_tickets') }}
-- depends_on: {{ ref('int_ticket_states_intervalled') }}
-- depends_on: {{ ref('int_ticket_queues_intervalled') }}
-- depends_on: {{ ref('int_escalations_windowed') }}
-- depends_on: {{ ref('int_ticket_agents') }}
-- depends_on: {{ ref('fct_tickets') }}

select
    ticket_id,
    fingerprint,
    build_invocation_id
from {{ ref('int_ticket_fingerprints') }}
