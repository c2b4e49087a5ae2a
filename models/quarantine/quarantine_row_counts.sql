-- Per raw table: records that arrived, rows accepted into the canonical tables, rows quarantined.
-- raw_rows is counted without the reader staging uses (raw_record_count: for a CSV file, a
-- second, deliberately dumb reading of its lines), so a record the parser drops shows here. A
-- test holds raw_rows = accepted_rows + quarantined_rows: nothing is lost silently. The post-hook
-- fails the build when a table's quarantined share passes var quarantine_share_thresholds.
{{ config(post_hook="{{ check_quarantine_shares(this) }}") }}
{%- set tables = [
    ['tickets', 'int_tickets_conformed', 'quarantine_tickets'],
    ['ticket_events', 'int_ticket_events_conformed', 'quarantine_ticket_events'],
    ['survey_responses', 'int_survey_responses_conformed', 'quarantine_survey_responses'],
    ['accounts', 'int_accounts_conformed', 'quarantine_accounts'],
    ['agents', 'int_agents_conformed', 'quarantine_agents'],
] %}

{%- for table in tables %}
select
    '{{ table[0] }}' as table_name,
    {{ raw_record_count(table[0]) }} as raw_rows,
    (select count(*) from {{ ref(table[1]) }}) as accepted_rows,
    (select count(*) from {{ ref(table[2]) }}) as quarantined_rows
{% if not loop.last %}union all{% endif %}
{%- endfor %}
