{#- Custom incremental strategy `replace_tickets` for the incremental models: delete every row of
    the tickets in int_tickets_in_increment (and the rows without a ticket id, which no ticket
    owns: every run rebuilds them), then insert the rebuilt rows. A ticket whose rows vanish (it
    was deleted from raw, or its events were all rejected) loses its old rows too, which
    delete+insert on the new rows' keys would miss. Without a build state (no run has completed
    on this database yet) every row is replaced. The model must name the increment in a
    `-- depends_on:` comment so dbt orders it after it. -#}
{% macro get_incremental_replace_tickets_sql(arg_dict) -%}
    {%- set columns = get_quoted_csv(arg_dict['dest_columns'] | map(attribute='name')) -%}
    delete from {{ arg_dict['target_relation'] }}
    where {{ in_ticket_increment('ticket_id') }};

    insert into {{ arg_dict['target_relation'] }} ({{ columns }})
    select {{ columns }} from {{ arg_dict['temp_relation'] }}
{%- endmacro %}

{#- The filter an incremental model puts on its ticket-keyed input: the tickets of this run's
    increment and the rows without a ticket id. `true` on a full build, and when no build state
    exists yet (then the increment cannot say which stored rows are stale). Stops an incremental
    run whose increment was not computed in the same run. -#}
{% macro in_ticket_increment(ticket_id_column='ticket_id') -%}
    {%- if is_incremental() and existing_model_relation('build_state_tickets') is not none -%}
    {%- do require_selected_with(['int_tickets_in_increment'], 'its increment must be computed in the same run') -%}
    ({{ ticket_id_column }} is null or {{ ticket_id_column }} in (select ticket_id from {{ ref('int_tickets_in_increment') }}))
    {%- else -%}
    true
    {%- endif -%}
{%- endmacro %}
