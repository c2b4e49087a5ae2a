{#- Maturity of the metric cells: one home for when a cell is final (issue 15). A cell is final
    when every window its metric waits for has closed, as of the build (`as_of_timestamp()`); the
    metric catalog's `final_after` says which windows each metric waits for:
      period_end             the period is over (a stock read at the period's end, account
                             quarters);
      resolution             the period is over and every row of the cell (ticket, escalation's
                             ticket, agent's ticket) is resolved: until then a reopen, a reply,
                             an escalation or a handle-time entry may still change the cell;
      repeat_contact_window  as resolution, and every ticket's repeat-contact window (var
                             `repeat_contact_window_days` after its resolution) has closed: the
                             metrics that count or charge a return (and the surveys, which arrive
                             after the solve) change until then.
    `final_at` is the moment the cell becomes final; null while some row is unresolved (it waits
    for those resolutions and cannot say when). -#}

{#- The per-row settlement columns a relation gives metric_cells (`resolved_at`: the row's
    ticket resolution, null while it is open). -#}
{% macro cell_settlement_columns(resolved_at) -%}
    case when {{ resolved_at }} is null then 1 else 0 end as unresolved_rows,
    {{ resolved_at }} as resolved_at_settles,
    {{ dbt.dateadd('day', var('repeat_contact_window_days'), resolved_at) }} as repeat_window_settles
{%- endmacro %}

{#- The same columns for a relation whose cells wait only for the period's end. -#}
{% macro cell_settlement_columns_none() -%}
    0 as unresolved_rows,
    cast(null as {{ dbt.type_timestamp() }}) as resolved_at_settles,
    cast(null as {{ dbt.type_timestamp() }}) as repeat_window_settles
{%- endmacro %}

{#- The day after a period's last day, from its grain and first day. -#}
{% macro period_end_date(grain_column, start_column) -%}
    case {{ grain_column }}
        when 'week' then cast({{ dbt.dateadd('week', 1, start_column) }} as date)
        when 'month' then cast({{ dbt.dateadd('month', 1, start_column) }} as date)
        else cast({{ period_add('quarter', 1, start_column) }} as date)
    end
{%- endmacro %}

{#- The moment a cell becomes final (null: not before its unresolved rows resolve), from the
    metric's `final_after`, the period's end and the cell's settlement aggregates. -#}
{% macro cell_final_at(final_after, period_end, unresolved_rows, last_resolved_at, last_repeat_window_closes_at) -%}
    {%- set period_end_ts = 'cast(' ~ period_end ~ ' as ' ~ dbt.type_timestamp() ~ ')' -%}
    case
        when {{ final_after }} = 'period_end' then {{ period_end_ts }}
        when {{ unresolved_rows }} > 0 then null
        when {{ final_after }} = 'resolution'
            then greatest({{ period_end_ts }}, coalesce({{ last_resolved_at }}, {{ period_end_ts }}))
        when {{ final_after }} = 'repeat_contact_window'
            then greatest({{ period_end_ts }}, coalesce({{ last_repeat_window_closes_at }}, {{ period_end_ts }}))
    end
{%- endmacro %}
