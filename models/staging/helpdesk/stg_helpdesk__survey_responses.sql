-- Every raw survey response, typed, with the reason it breaks the contract on its own (checks
-- against its ticket follow in int_survey_responses_validated). Of duplicated response_ids the
-- earliest answer is kept.
with

source as (
    select
        {{ select_raw_as_text('survey_responses') }}
    from {{ helpdesk_source('survey_responses') }}
),

typed as (
    select
        response_id_raw as response_id,
        ticket_id_raw as ticket_id,
        {{ parse_timestamp_utc('responded_at_raw') }} as responded_at,
        {{ parse_integer('csat_score_raw') }} as csat_score,
        {{ parse_integer('ces_score_raw') }} as ces_score,
        {{ parse_integer('nps_score_raw') }} as nps_score,
        *
    from source
),

checked as (
    select
        *,
        {{ first_failed_rule([
            [has_overlong_value('survey_responses'), "value_too_long"],
            [has_control_value('survey_responses'), "control_character"],
            ["response_id is null", "missing_response_id"],
            ["ticket_id is null", "missing_ticket_id"],
            ["responded_at_raw is null", "missing_responded_at"],
            ["responded_at is null", "unparseable_responded_at"],
            ["responded_at > " ~ as_of_timestamp(), "responded_at_in_future"],
            ["responded_at < " ~ earliest_raw_timestamp(), "responded_at_before_earliest"],
            [is_unparseable('csat_score_raw', 'csat_score') ~ " or csat_score not between 1 and 5", "csat_score_out_of_range"],
            [is_unparseable('ces_score_raw', 'ces_score') ~ " or ces_score not between 1 and 7", "ces_score_out_of_range"],
            [is_unparseable('nps_score_raw', 'nps_score') ~ " or nps_score not between 0 and 10", "nps_score_out_of_range"],
            ["csat_score is null and ces_score is null and nps_score is null", "no_score"],
        ]) }} as row_rejection_reason
    from typed
),

ranked as (
    select
        *,
        case
            when row_rejection_reason is null
                then row_number() over (
                    partition by response_id, row_rejection_reason is null
                    order by responded_at, ticket_id, csat_score, ces_score, nps_score
                )
        end as copy_rank
    from checked
)

select
    response_id,
    ticket_id,
    responded_at,
    csat_score,
    ces_score,
    nps_score,
    coalesce(
        row_rejection_reason,
        case when copy_rank > 1 then 'duplicate_response_id' end
    ) as rejection_reason,
    {{ raw_values(raw_contract_columns('survey_responses')) }} as raw_values
from ranked
