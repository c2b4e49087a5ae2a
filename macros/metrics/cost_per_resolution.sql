{#- Definition, unit, owner and action: the metric catalog, seeds/metric_catalog.csv.
    Part `ticket_row`: what the ticket itself cost (an AI conversation when the AI took part, and
    the human hours logged). Part `row`: the cost charged to the ticket's path and period: its own
    cost, unless it is a repeat contact (then its cost moves to the earlier ticket it repeats, the
    path that failed), plus the cost of the repeat contacts charged to it
    (`repeat_contact_cost_usd`, their `ticket_row` summed). -#}
{% macro cost_per_resolution(part) -%}
    {%- if part == 'ticket_row' -%}
        cast(
            (case when is_ai_touched then {{ number_var('ai_cost_per_conversation_usd') }} else 0 end)
            + coalesce(handle_seconds, 0) * {{ number_var('human_hourly_cost_usd') }} / 3600.0
            as {{ dbt.type_numeric() }}
        )
    {%- elif part == 'row' -%}
        cast(
            (case when is_repeat_case then 0 else ticket_cost_usd end)
            + coalesce(repeat_contact_cost_usd, 0)
            as {{ dbt.type_numeric() }}
        )
    {%- elif part == 'numerator' -%}
        sum(resolution_cost_usd)
    {%- elif part == 'denominator' -%}
        {{ count_if('is_resolved') }}
    {%- else -%}
        {{ metric_part_error('cost_per_resolution', part, ['ticket_row', 'row', 'numerator', 'denominator']) }}
    {%- endif -%}
{%- endmacro %}
