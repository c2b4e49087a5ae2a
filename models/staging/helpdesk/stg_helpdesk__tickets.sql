-- Every raw ticket row, typed and normalised, with the reason it breaks the contract (null when
-- it keeps every rule). Of duplicated ticket_ids the newest version (latest updated_at) is kept.
-- Customer and account identifiers are pseudonymised here, before they leave staging.
-- A table, not a view: three models read it (ticket ids, conformed tickets, quarantine), and the
-- version window should run once, not three times.
-- The post-hook stops the build, in one message, when no raw ticket is valid.
{{ config(materialized='table', post_hook="{{ check_input_has_valid_ticket(this) }}") }}
{%- set raw_types = raw_column_types('tickets') %}
with

source as (
    select
        {{ select_raw_columns('tickets', raw_types) }}
    from {{ helpdesk_source('tickets') }}
),

typed as (
    select
        ticket_id_raw as ticket_id,
        {{ pseudonymize('customer_id_raw') }} as customer_id,
        {{ pseudonymize('account_id_raw') }} as account_id,
        {{ typed_raw_value('created_at', 'timestamp', raw_types) }} as created_at,
        lower(channel_raw) as channel,
        lower(issue_type_raw) as issue_type,
        lower(product_area_raw) as product_area,
        lower(priority_raw) as priority,
        {{ typed_raw_value('is_technical', 'boolean', raw_types) }} as is_technical,
        {{ typed_raw_value('updated_at', 'timestamp', raw_types) }} as updated_at,
        *
    from source
),

checked as (
    select
        *,
        {{ first_failed_rule([
            [has_overlong_value('tickets', raw_types), "value_too_long"],
            [has_control_value('tickets', raw_types), "control_character"],
            ["ticket_id is null", "missing_ticket_id"],
            ["customer_id is null", "missing_customer_id"],
            ["created_at_raw is null", "missing_created_at"],
            ["created_at is null", "unparseable_created_at"],
            ["created_at > " ~ as_of_timestamp(), "created_at_in_future"],
            ["created_at < " ~ earliest_raw_timestamp(), "created_at_before_earliest"],
            ["channel is null or channel not in ('email', 'chat', 'phone', 'web', 'social')", "unknown_channel"],
            ["issue_type is null", "missing_issue_type"],
            ["priority is null or priority not in ('low', 'normal', 'high', 'urgent')", "unknown_priority"],
            ["is_technical is null", "invalid_is_technical"],
            ["updated_at_raw is null", "missing_updated_at"],
            ["updated_at is null", "unparseable_updated_at"],
            ["updated_at < created_at", "updated_before_created"],
        ]) }} as row_rejection_reason
    from typed
),

ranked as (
    select
        *,
        case
            when row_rejection_reason is null
                then row_number() over (
                    partition by ticket_id, row_rejection_reason is null
                    order by updated_at desc, {{ raw_values(raw_contract_columns('tickets')) }}
                )
        end as version_rank
    from checked
)

select
    ticket_id,
    customer_id,
    account_id,
    created_at,
    channel,
    issue_type,
    product_area,
    priority,
    is_technical,
    updated_at,
    coalesce(
        row_rejection_reason,
        case when version_rank > 1 then 'duplicate_ticket_id' end
    ) as rejection_reason,
    {{ raw_values(raw_contract_columns('tickets')) }} as raw_values
from ranked
