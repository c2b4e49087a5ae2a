{#- post-hook of quarantine_row_counts: the share of each raw table's records that the quarantine
    holds, against var `quarantine_share_thresholds` ({warn: 0.02, error: 0.1} for every table,
    overridable per table: {ticket_events: {warn: 0.05, error: 0.2}}). Above error the model, and
    so the build, fails; above warn dbt warns; either message names the share and the top reasons
    (codes and counts, never values). -#}
{% macro check_quarantine_shares(relation) -%}
    {%- if not execute -%}{{ return('') }}{%- endif -%}
    {%- set counts = run_query("select table_name, raw_rows, quarantined_rows from " ~ relation ~ " order by table_name") -%}
    {%- set errors = [] -%}
    {%- for row in counts.rows if row[1] and row[1] > 0 -%}
        {%- set limits = quarantine_share_limits(row[0]) -%}
        {%- set share = row[2] / row[1] -%}
        {%- if share > limits.warn or share > limits.error -%}
            {%- set message = "quarantine_" ~ row[0] ~ " holds " ~ row[2] ~ " of " ~ row[1] ~ " raw records ("
                ~ '%.1f' | format(share * 100) ~ "%), above the "
                ~ ("error" if share > limits.error else "warn") ~ " threshold of "
                ~ '%.1f' | format((limits.error if share > limits.error else limits.warn) * 100)
                ~ "%; top reasons: " ~ top_rejection_reasons(row[0]) -%}
            {%- if share > limits.error -%}
                {%- do errors.append(message) -%}
            {%- else -%}
                {%- do exceptions.warn(message) -%}
            {%- endif -%}
        {%- endif -%}
    {%- endfor -%}
    {%- if errors -%}
        {{ exceptions.raise_compiler_error(errors | join('. ') ~ ". Fix the export (the reasons are "
            ~ "explained in docs/raw_contract.md), or, if this share is expected, raise var "
            ~ "quarantine_share_thresholds for the table.") }}
    {%- endif -%}
    {{ return('') }}
{%- endmacro %}

{#- The warn and error shares for one raw table: the var's top-level values, then its table's. -#}
{% macro quarantine_share_limits(table_name) -%}
    {%- set configured = var('quarantine_share_thresholds', {}) -%}
    {%- set limits = {'warn': configured.get('warn', 0.02), 'error': configured.get('error', 0.1)} -%}
    {%- do limits.update(configured.get(table_name, {})) -%}
    {{ return(limits) }}
{%- endmacro %}

{#- The three most frequent rejection reasons of a raw table's quarantine, as `reason (count)`. -#}
{% macro top_rejection_reasons(table_name) -%}
    {%- set top = run_query("select rejection_reason, count(*) as row_count from "
        ~ ref('quarantine_' ~ table_name) ~ " group by rejection_reason order by row_count desc, "
        ~ "rejection_reason limit 3") -%}
    {%- set parts = [] -%}
    {%- for row in top.rows -%}
        {%- do parts.append(row[0] ~ " (" ~ row[1] ~ ")") -%}
    {%- endfor -%}
    {{ return(parts | join(', ')) }}
{%- endmacro %}

{#- post-hook of stg_helpdesk__tickets: an input without one valid ticket stops here, in one
    message with the count and the top reasons, instead of failing later in a calendar test. -#}
{% macro check_input_has_valid_ticket(relation) -%}
    {%- if not execute -%}{{ return('') }}{%- endif -%}
    {%- set found = run_query("select count(*), " ~ count_if('rejection_reason is null') ~ " from " ~ relation) -%}
    {%- set raw_rows, valid_rows = found.rows[0][0], found.rows[0][1] -%}
    {%- if valid_rows == 0 -%}
        {%- set reasons = run_query("select rejection_reason, count(*) as row_count from " ~ relation
            ~ " group by rejection_reason order by row_count desc, rejection_reason limit 3") -%}
        {%- set parts = [] -%}
        {%- for row in reasons.rows -%}
            {%- do parts.append(row[0] ~ " (" ~ row[1] ~ ")") -%}
        {%- endfor -%}
        {{ exceptions.raise_compiler_error(
            "The input has no valid ticket: " ~ raw_rows ~ " raw ticket record(s)"
            ~ (", all rejected; top reasons: " ~ parts | join(', ') if raw_rows else "")
            ~ ". Nothing can be measured; check the raw input (raw_dir, raw_schema or source_system) "
            ~ "and docs/raw_contract.md.") }}
    {%- endif -%}
    {{ return('') }}
{%- endmacro %}
