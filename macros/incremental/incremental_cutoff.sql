{#- The start of the window an incremental run rebuilds: `incremental_lookback_days` (var, default
    3) before the run's as-of moment. Events that occurred since, and tickets created or updated
    since, are reprocessed; data that arrives later than the lookback needs `--full-refresh`. -#}
{% macro incremental_cutoff() -%}
    {{ dbt.dateadd('day', -1 * (var('incremental_lookback_days') | int), as_of_timestamp()) }}
{%- endmacro %}
