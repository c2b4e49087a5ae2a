{#- The vars whose value can change a ticket-grain row (the raw input, its reading, the
    pseudonyms, the metric settings). A change of any of them, or of any model's code, changes
    every ticket's fingerprint, so the next run rebuilds every ticket. Vars read only by the
    aggregates downstream (full tables) or by the run itself are listed as ignored; a test holds
    every var of dbt_project.yml to one of the two lists. -#}
{% macro ticket_build_vars() -%}
    {{ return([
        'raw_dir', 'raw_schema', 'raw_max_text_length', 'pseudonym_salt_table', 'source_system',
        'servicenow_non_technical_categories', 'zendesk', 'intercom', 'repeat_contact_window_days',
        'ai_cost_per_conversation_usd', 'human_hourly_cost_usd', 'business_hours',
        'raw_csv_dialect', 'raw_earliest_timestamp', 'raw_max_handle_seconds',
    ]) }}
{%- endmacro %}

{% macro ticket_build_ignored_vars() -%}
    {#- as_of: its effect on a row (a timestamp "in the future") is in the row's verdict, which
        the fingerprints hash; the rest feed the full tables downstream or the run itself. -#}
    {{ return([
        'as_of', 'bi_reader_role', 'at_risk_bad_ticket_share', 'threshold_min_volume',
        'metric_thresholds', 'signal_min_relative_change', 'signal_min_volume',
        'signal_concentration_ratio', 'quarantine_share_thresholds', 'pseudonym_demo_salt_allowed',
    ]) }}
{%- endmacro %}

{#- The fingerprint of everything outside the raw rows that a ticket's rows are built from: the
    vars of ticket_build_vars() and the code of every model (its checksum). A SQL string literal. -#}
{% macro ticket_build_settings_fingerprint() -%}
    {%- set parts = [] -%}
    {%- for name in ticket_build_vars() -%}
        {%- do parts.append(name ~ '=' ~ tojson(var(name, none), sort_keys=true)) -%}
    {%- endfor -%}
    {%- if execute -%}
        {%- for node in graph.nodes.values() | sort(attribute='unique_id') -%}
            {%- if node.resource_type == 'model' -%}
                {%- do parts.append(node.unique_id ~ '=' ~ node.checksum.checksum) -%}
            {%- endif -%}
        {%- endfor -%}
    {%- endif -%}
    {{ return(sql_string_literal(local_md5(parts | join('\n')))) }}
{%- endmacro %}

{#- The columns of a staged relation that the fingerprints hash: its raw columns (`*_raw`) and its
    verdict when it carries them (the typed columns are functions of those and of the settings),
    else all of its columns. Read from the database at run time. -#}
{% macro fingerprint_columns(relation) -%}
    {%- if not execute -%}
        {{ return(['ticket_id']) }}
    {%- endif -%}
    {%- set names = adapter.get_columns_in_relation(relation) | map(attribute='name') | list -%}
    {%- set raw = [] -%}
    {%- for name in names if name | lower is string and (name | lower).endswith('_raw') -%}
        {%- do raw.append(name) -%}
    {%- endfor -%}
    {%- if raw and 'rejection_reason' in names | map('lower') | list -%}
        {{ return(raw + ['rejection_reason']) }}
    {%- endif -%}
    {{ return(names if names else ['ticket_id']) }}
{%- endmacro %}

{#- The relation of a model of this project when it exists in the database, else none: how the
    increment reads the state that the end of the last complete run wrote (a ref would be a cycle). -#}
{% macro existing_model_relation(model_name) -%}
    {%- if execute -%}
        {%- for node in graph.nodes.values() -%}
            {%- if node.resource_type == 'model' and node.name == model_name -%}
                {{ return(adapter.get_relation(database=node.database, schema=node.schema, identifier=node.alias)) }}
            {%- endif -%}
        {%- endfor -%}
    {%- endif -%}
    {{ return(none) }}
{%- endmacro %}

{#- Stops a run that would use a relation built in another run: an incremental model needs the
    increment of this run (computed from this run's fingerprints), and the build state may be
    written only when every model it vouches for ran. `names` are models that must be selected. -#}
{% macro require_selected_with(names, reason) -%}
    {%- if execute and selected_resources -%}
        {%- set missing = [] -%}
        {%- for name in names -%}
            {%- if ('model.support_metrics.' ~ name) not in selected_resources -%}
                {%- do missing.append(name) -%}
            {%- endif -%}
        {%- endfor -%}
        {%- if missing -%}
            {{ exceptions.raise_compiler_error(
                model.name ~ " cannot run without " ~ missing | join(', ') ~ " in the same run: " ~ reason
                ~ ". Select them too, e.g. `dbt build --select +" ~ model.name ~ "`, or rebuild it in full:"
                ~ " `dbt build --full-refresh --select +" ~ model.name ~ "`.") }}
        {%- endif -%}
    {%- endif -%}
{%- endmacro %}

{#- The incremental models, whose rows the build state vouches for. -#}
{% macro ticket_incremental_models() -%}
    {{ return([
        'int_ticket_events_validated', 'int_ticket_events_aggregated_to_tickets',
        'int_ticket_states_intervalled', 'int_ticket_queues_intervalled', 'int_escalations_windowed',
        'int_ticket_agents', 'fct_tickets',
    ]) }}
{%- endmacro %}
