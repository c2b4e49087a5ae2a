-- Per raw table: rows that arrived, rows accepted into the canonical tables, rows quarantined.
-- A test holds raw_rows = accepted_rows + quarantined_rows: nothing is lost silently.
{%- set tables = [
    ['tickets', 'stg_helpdesk__tickets', 'int_tickets_conformed', 'quarantine_tickets'],
    ['ticket_events', 'stg_helpdesk__ticket_events', 'int_ticket_events_conformed', 'quarantine_ticket_events'],
    ['survey_responses', 'stg_helpdesk__survey_responses', 'int_survey_responses_conformed', 'quarantine_survey_responses'],
    ['accounts', 'stg_helpdesk__accounts', 'int_accounts_conformed', 'quarantine_accounts'],
    ['agents', 'stg_helpdesk__agents', 'int_agents_conformed', 'quarantine_agents'],
] %}

{%- for table in tables %}
select
    '{{ table[0] }}' as table_name,
    (select count(*) from {{ ref(table[1]) }}) as raw_rows,
    (select count(*) from {{ ref(table[2]) }}) as accepted_rows,
    (select count(*) from {{ ref(table[3]) }}) as quarantined_rows
{% if not loop.last %}union all{% endif %}
{%- endfor %}
