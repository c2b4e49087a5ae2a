-- The current version of every Intercom conversation part (a message, note, assignment or state
-- change), renamed and typed. part_sequence is the numeric part id, which orders the parts of a
-- conversation made in the same second.
with

source as (
    select * from {{ system_source('intercom', 'conversation_part_history') }}
),

renamed as (
    select
        {{ clean_text('id') }} as part_id,
        {{ guarded_cast(clean_text('id'), dbt.type_bigint()) }} as part_sequence,
        {{ clean_text('conversation_id') }} as conversation_id,
        {{ clean_enum('part_type') }} as part_type,
        {{ clean_text('author_id') }} as author_id,
        {{ clean_enum('author_type') }} as author_type,
        {{ clean_text('assigned_to_id') }} as assigned_to_id,
        {{ clean_enum('assigned_to_type') }} as assigned_to_type,
        cast(body as {{ dbt.type_string() }}) as body,
        {{ parse_timestamp_utc('created_at') }} as created_at,
        {{ parse_boolean('_fivetran_active') }} as is_current_version
    from source
)

select
    part_id,
    part_sequence,
    conversation_id,
    part_type,
    author_id,
    author_type,
    assigned_to_id,
    assigned_to_type,
    body,
    created_at
from renamed
where is_current_version
