-- Every raw account row, typed, with the reason it breaks the contract (null when valid). Of
-- duplicated account_ids one copy is kept, chosen deterministically from its values.
with

source as (
    select
        {{ select_raw_as_text('accounts') }}
    from {{ helpdesk_source('accounts') }}
),

typed as (
    select
        {{ pseudonymize('account_id_raw') }} as account_id,
        lower(segment_raw) as segment,
        {{ guarded_cast('arr_usd_raw', dbt.type_numeric()) }} as arr_usd,
        {{ guarded_cast('renewal_date_raw', 'date') }} as renewal_date,
        *
    from source
),

checked as (
    select
        *,
        {{ first_failed_rule([
            [has_overlong_value('accounts'), "value_too_long"],
            [has_control_value('accounts'), "control_character"],
            ["account_id is null", "missing_account_id"],
            ["segment is null or segment not in ('smb', 'mid_market', 'enterprise')", "unknown_segment"],
            [is_unparseable('arr_usd_raw', 'arr_usd') ~ " or arr_usd < 0", "invalid_arr_usd"],
            [is_unparseable('renewal_date_raw', 'renewal_date'), "unparseable_renewal_date"],
        ]) }} as row_rejection_reason
    from typed
),

ranked as (
    select
        *,
        case
            when row_rejection_reason is null
                then row_number() over (
                    partition by account_id, row_rejection_reason is null
                    order by renewal_date desc, arr_usd desc, segment asc
                )
        end as copy_rank
    from checked
)

select
    account_id,
    segment,
    arr_usd,
    renewal_date,
    coalesce(
        row_rejection_reason,
        case when copy_rank > 1 then 'duplicate_account_id' end
    ) as rejection_reason,
    {{ raw_values(raw_contract_columns('accounts')) }} as raw_values
from ranked
