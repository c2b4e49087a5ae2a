{#- Custom incremental strategy `replace_tickets` for the ticket-grain incremental models: delete
    every row of the tickets in int_tickets_in_increment, then insert the rebuilt rows. A ticket
    whose rows vanish (its events were all rejected on a rerun) loses its old rows too, which
    delete+insert on the new rows' keys would miss. The model must name the increment's ticket
    ids in a `-- depends_on:` comment so dbt orders it after them. -#}
{% macro get_incremental_replace_tickets_sql(arg_dict) -%}
    {%- set columns = get_quoted_csv(arg_dict['dest_columns'] | map(attribute='name')) -%}
    delete from {{ arg_dict['target_relation'] }}
    where ticket_id in (select ticket_id from {{ ref('int_tickets_in_increment') }});

    insert into {{ arg_dict['target_relation'] }} ({{ columns }})
    select {{ columns }} from {{ arg_dict['temp_relation'] }}
{%- endmacro %}

{#- The filter an incremental ticket-grain model puts on its ticket-keyed input: only the tickets
    of this run's increment. Empty on a full build. -#}
{% macro in_ticket_increment(ticket_id_column='ticket_id') -%}
    {%- if is_incremental() -%}
    {{ ticket_id_column }} in (select ticket_id from {{ ref('int_tickets_in_increment') }})
    {%- else -%}
    true
    {%- endif -%}
{%- endmacro %}
