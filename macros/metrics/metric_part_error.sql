{#- Stops compilation when a metric macro is asked for a part it does not have. -#}
{% macro metric_part_error(metric_name, part, parts) -%}
    {{ exceptions.raise_compiler_error(
        "metric macro " ~ metric_name ~ " has no part '" ~ part ~ "'; choose one of: "
        ~ parts | join(', ')) }}
{%- endmacro %}
