{#- Maturity of the metric cells: one home for when a cell is final (issue 15). A cell is final
    when every window its metric waits for has closed as of the build's horizon
    (int_metric_horizon: var `as_of`, never later than the latest data). The metric catalog's
    `final_after` says what each metric waits for:
      period_end  the period is over (a stock read at the period's end: the backlog);
      settled     the period is over and every row of the cell (a ticket, an escalation's, an
                  agent's or an account's tickets) is resolved and stayed so for var `repeat_contact_window_days`:
                  until then a reopen, a return of the customer, a late survey, more work or an
                  escalation can still change the cell. A ticket reopened after that makes the
                  cell provisional again (its resolution is gone), visibly, never silently.
    `final_at` is the moment the cell becomes final; null while some row is unresolved (it waits
    for that resolution and cannot say when). -#}

{#- The per-row settlement columns a relation gives metric_cells, from the row's ticket
    resolution (`resolved_at`, null while the ticket is open). -#}
{% macro cell_settlement_columns(resolved_at) -%}
    case when {{ resolved_at }} is null then 1 else 0 end as unresolved_rows,
    {{ dbt.dateadd('day', number_var('repeat_contact_window_days'), resolved_at) }} as settles_at
{%- endmacro %}

{#- The same columns for a relation whose cells wait only for the period's end. -#}
{% macro cell_settlement_columns_none() -%}
    0 as unresolved_rows,
    cast(null as {{ dbt.type_timestamp() }}) as settles_at
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
{% macro cell_final_at(final_after, period_end, unresolved_rows, last_settles_at) -%}
    {%- set period_end_at = 'cast(' ~ period_end ~ ' as ' ~ dbt.type_timestamp() ~ ')' -%}
    case
        when {{ final_after }} = 'period_end' then {{ period_end_at }}
        when {{ unresolved_rows }} > 0 then null
        when {{ final_after }} = 'settled'
            then greatest({{ period_end_at }}, coalesce({{ last_settles_at }}, {{ period_end_at }}))
    end
{%- endmacro %}

{#- Whether a cell (or one row of it, with the row's own final_at) is final as of the horizon
    (int_metric_horizon.horizon_at): a null final_at (unresolved rows) is not final. -#}
{% macro cell_is_final(final_at, horizon_at) -%}
    coalesce({{ final_at }} <= {{ horizon_at }}, false)
{%- endmacro %}

{#- A row taken as a one-row `settled` cell of each period grain (fct_ticket_maturity,
    fct_escalation_maturity): `final_at_<grain>` for week, month and quarter, from the row's
    period column and its settlement columns (cell_settlement_columns) in `relation`. -#}
{% macro row_final_at_columns(relation, period_column) -%}
    {%- for grain in ['week', 'month', 'quarter'] %}
    {{ cell_final_at(
        "'settled'",
        period_end_date("'" ~ grain ~ "'", 'cast(' ~ dbt.date_trunc(grain, relation ~ '.' ~ period_column) ~ ' as date)'),
        relation ~ '.unresolved_rows',
        relation ~ '.settles_at'
    ) }} as final_at_{{ grain }},
    {%- endfor %}
{%- endmacro %}

{#- `final_at_<grain>` and `is_final_<grain>` for each period grain, judged at `horizon_column`. -#}
{% macro row_maturity_columns(horizon_column) -%}
    {%- for grain in ['week', 'month', 'quarter'] %}
    final_at_{{ grain }},
    {{ cell_is_final('final_at_' ~ grain, horizon_column) }} as is_final_{{ grain }},
    {%- endfor %}
{%- endmacro %}
