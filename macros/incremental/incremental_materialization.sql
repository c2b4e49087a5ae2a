{#- The materialisation of the incremental models: `incremental`, except on Spark, whose default
    table format (Parquet, no Delta Lake in the local session) cannot delete rows, so the models
    rebuild in full there. -#}
{% macro incremental_materialization() -%}
    {{ return('table' if target.type == 'spark' else 'incremental') }}
{%- endmacro %}
