{#- The start of the window an incremental run rebuilds: `incremental_lookback_days` (var, default
    3) before the run's as-of moment. Events that occurred since, and tickets created or updated
    since, are reprocessed; data that arrives later than the lookback needs `--full-refresh`. -#}
{% macro incremental_cutoff() -%}
    {{ dbt.dateadd('day', -1 * (number_var('incremental_lookback_days') | int), as_of_timestamp()) }}
{%- endmacro %}

{#- The filter an incremental run puts on a timestamp column: rows at or after the cutoff, and rows
    without a time (they cannot be placed, so every run rebuilds them). `true` on a full build. -#}
{% macro in_incremental_window(column) -%}
    {%- if is_incremental() -%}
    ({{ column }} >= {{ incremental_cutoff() }} or {{ column }} is null)
    {%- else -%}
    true
    {%- endif -%}
{%- endmacro %}

{#- The materialisation of the incremental models: `incremental`, except on Spark, whose default
    table format (Parquet, no Delta Lake in the local session) cannot delete rows, so the models
    rebuild in full there. -#}
{% macro incremental_materialization() -%}
    {{ return('table' if target.type == 'spark' else 'incremental') }}
{%- endmacro %}
