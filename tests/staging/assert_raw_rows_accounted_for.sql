-- Every record of every raw table, counted straight from the raw input without the staging's
-- reader (raw_record_count), is either accepted into the canonical tables or quarantined with a
-- reason. Returns the tables where that does not hold.
with

raw_counts as (
    {%- for table_name in ['tickets', 'ticket_events', 'survey_responses', 'accounts', 'agents'] %}
    select
        '{{ table_name }}' as table_name,
        {{ raw_record_count(table_name) }} as raw_rows
    {% if not loop.last %}union all{% endif %}
    {%- endfor %}
),

model_counts as (
    select * from {{ ref('quarantine_row_counts') }}
)

select
    raw_counts.table_name,
    raw_counts.raw_rows,
    model_counts.accepted_rows,
    model_counts.quarantined_rows
from raw_counts
left join model_counts
    on raw_counts.table_name = model_counts.table_name
where
    model_counts.table_name is null
    or raw_counts.raw_rows != model_counts.accepted_rows + model_counts.quarantined_rows
