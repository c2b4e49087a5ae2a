-- Every row of the ServiceNow incident event log, renamed and typed: '?' (the export's missing
-- value) becomes null, day-first dates become timestamps, flags booleans. Text that does not
-- parse stays null here and its row is quarantined downstream by the contract checks, with the
-- reason, never guessed.
with

source as (
    select * from {{ system_source('servicenow', 'incident_event_log') }}
),

cleaned as (
    select
        {%- for column in ['number', 'incident_state', 'active', 'reassignment_count', 'reopen_count',
            'sys_mod_count', 'made_sla', 'caller_id', 'opened_at', 'sys_updated_at', 'contact_type',
            'category', 'subcategory', 'priority', 'assignment_group', 'assigned_to', 'knowledge',
            'resolved_at', 'closed_at'] %}
        {%- if not loop.first %},{% endif %}
        nullif(trim(cast({{ column }} as {{ dbt.type_string() }})), '?') as {{ column }}
        {%- endfor %}
    from source
)

select
    number as incident_number,
    incident_state,
    lower(active) = 'true' as is_active,
    {{ guarded_cast('reassignment_count', dbt.type_int()) }} as reassignment_count,
    {{ guarded_cast('reopen_count', dbt.type_int()) }} as reopen_count,
    {{ guarded_cast('sys_mod_count', dbt.type_int()) }} as update_sequence,
    lower(made_sla) = 'true' as made_sla,
    caller_id,
    {{ parse_day_first_timestamp('opened_at') }} as opened_at,
    {{ parse_day_first_timestamp('sys_updated_at') }} as updated_at,
    contact_type,
    category,
    subcategory,
    priority,
    assignment_group,
    assigned_to,
    lower(knowledge) = 'true' as used_knowledge,
    {{ parse_day_first_timestamp('resolved_at') }} as resolved_at,
    {{ parse_day_first_timestamp('closed_at') }} as closed_at
from cleaned
