-- The tickets an incremental run rebuilds in the ticket-grain incremental models: every ticket
-- whose fingerprint (int_ticket_fingerprints) differs from the one the last complete run built
-- from (build_state_tickets), appeared or vanished, whatever the age of its rows; and, when the
-- last run that computed an increment did not complete, that increment too (some models may have
-- replaced its tickets, others not). Without a build state (a first build, or one that never
-- completed) every ticket, present or past, is in it. Rebuilt on every run; a full build computes
-- it too and does not use it.
{%- set state = existing_model_relation('build_state_tickets') %}
{%- set previous = existing_model_relation('int_tickets_in_increment') %}
{%- set previous_columns = [] %}
{%- if previous %}
{%- set previous_columns = adapter.get_columns_in_relation(previous) | map(attribute='name') | list %}
{%- endif %}
{%- do require_selected_with(['int_ticket_fingerprints'], 'the increment compares this run\'s fingerprints') %}
with

fingerprints as (
    select
        ticket_id,
        fingerprint
    from {{ ref('int_ticket_fingerprints') }}
),

{%- if state %}

committed as (
    select
        ticket_id,
        fingerprint,
        build_invocation_id
    from {{ state }}
),

changed as (
    select coalesce(fingerprints.ticket_id, committed.ticket_id) as ticket_id
    from fingerprints
    full outer join committed
        on fingerprints.ticket_id = committed.ticket_id
    where
        fingerprints.ticket_id is null
        or committed.ticket_id is null
        or fingerprints.fingerprint <> committed.fingerprint
),
{%- else %}

changed as (
    select ticket_id from fingerprints
),
{%- endif %}

unfinished as (
    {%- if previous %}
    select ticket_id
    from {{ previous }}
    {%- if state and 'build_invocation_id' in previous_columns %}
    where build_invocation_id not in (select committed.build_invocation_id from committed)
    {%- endif %}
    {%- else %}
    select ticket_id from changed
    where false
    {%- endif %}
),

increment as (
    select ticket_id from changed
    union
    select ticket_id from unfinished
)

select
    ticket_id,
    {{ sql_string_literal(invocation_id) }} as build_invocation_id
from increment
