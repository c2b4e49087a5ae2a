-- Every raw agent row (people and the AI assistant), typed, with the reason it breaks the
-- contract (null when valid). Of duplicated agent_ids one copy is kept deterministically.
with

source as (
    select
        {{ select_raw_as_text('agents') }}
    from {{ helpdesk_source('agents') }}
),

typed as (
    select
        agent_id_raw as agent_id,
        lower(team_raw) as team,
        lower(tier_raw) as tier,
        {{ parse_boolean('is_ai_raw') }} as is_ai,
        *
    from source
),

checked as (
    select
        *,
        {{ first_failed_rule([
            [has_overlong_value('agents'), "value_too_long"],
            [has_control_value('agents'), "control_character"],
            ["agent_id is null", "missing_agent_id"],
            ["team is null", "missing_team"],
            ["tier is null or tier not in ('l1', 'l2', 'engineering')", "unknown_tier"],
            ["is_ai is null", "invalid_is_ai"],
        ]) }} as row_rejection_reason
    from typed
),

ranked as (
    select
        *,
        case
            when row_rejection_reason is null
                then row_number() over (
                    partition by agent_id, row_rejection_reason is null
                    order by team, tier, is_ai
                )
        end as copy_rank
    from checked
)

select
    agent_id,
    team,
    tier,
    is_ai,
    coalesce(
        row_rejection_reason,
        case when copy_rank > 1 then 'duplicate_agent_id' end
    ) as rejection_reason,
    {{ raw_values(raw_contract_columns('agents')) }} as raw_values
from ranked
