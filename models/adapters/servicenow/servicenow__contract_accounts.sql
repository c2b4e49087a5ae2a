-- ServiceNow's incident log has no accounts (callers are people, not accounts): an empty contract table, so the
-- contract staging reads the same five tables whatever the source system.
select
    {{ contract_row('accounts', {}) }}
where 1 = 0
