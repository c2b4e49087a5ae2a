{#- Support cost per resolved ticket, in USD: every ticket's cost (AI cost per AI-touched conversation, var `ai_cost_per_conversation_usd`, plus human handle hours x var `human_hourly_cost_usd`) over the resolved tickets. Row: the ticket's cost. -#}
{% macro cost_per_resolution(part) -%}
    {%- if part == 'row' -%}
        ((case when is_ai_touched then {{ var('ai_cost_per_conversation_usd', 0.99) }} else 0 end) + coalesce(handle_seconds, 0) / 3600.0 * {{ var('human_hourly_cost_usd', 45) }})
    {%- elif part == 'numerator' -%}
        sum(resolution_cost_usd)
    {%- elif part == 'denominator' -%}
        {{ count_if('is_resolved') }}
    {%- else -%}
        {{ metric_part_error('cost_per_resolution', part, ['row', 'numerator', 'denominator']) }}
    {%- endif -%}
{%- endmacro %}
