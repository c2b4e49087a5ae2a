-- The current version of every Intercom conversation (Fivetran keeps a row per version and flags
-- the current one `_fivetran_active`), renamed and typed. Values that do not parse are null here;
-- the contract checks downstream quarantine the rows they break, with the reason.
-- With setting `issue_type_attribute` of var `intercom`, that conversation attribute column
-- (Fivetran lands custom attributes as their own columns) rides along as issue_type_attribute.
{%- set issue_type_attribute = intercom_setting('issue_type_attribute') %}
with

source as (
    select * from {{ system_source('intercom', 'conversation_history') }}
),

renamed as (
    select
        {{ clean_text('id') }} as conversation_id,
        {{ parse_timestamp_utc('created_at') }} as created_at,
        {{ parse_timestamp_utc('updated_at') }} as updated_at,
        {{ clean_enum('source_type') }} as source_type,
        {{ clean_text('source_author_id') }} as source_author_id,
        {{ clean_enum('source_author_type') }} as source_author_type,
        {{ clean_enum('priority') }} as priority,
        {{ clean_text('conversation_rating_value') }} is not null as is_rated,
        {{ parse_integer('conversation_rating_value') }} as rating_value,
        {{ parse_timestamp_utc('conversation_rating_created_at') }} as rated_at,
        {%- if issue_type_attribute %}
        {{ clean_text(issue_type_attribute) }} as issue_type_attribute,
        {%- else %}
        cast(null as {{ dbt.type_string() }}) as issue_type_attribute,
        {%- endif %}
        {{ parse_boolean('_fivetran_active') }} as is_current_version
    from source
)

select
    conversation_id,
    created_at,
    updated_at,
    source_type,
    source_author_id,
    source_author_type,
    priority,
    is_rated,
    rating_value,
    rated_at,
    issue_type_attribute
from renamed
where is_current_version
