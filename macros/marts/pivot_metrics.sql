{#- Aggregate expressions that turn metrics_by_path rows (one per metric) into columns, for a
    select grouped by period and path. Each entry of `metrics` is a metrics_by_path metric_name;
    a ratio (`with_parts` true) also gets `<name>_numerator` and `<name>_denominator` columns so the
    wide table stays re-aggregatable. -#}
{% macro pivot_metrics(metrics, with_parts=true) -%}
    {%- for metric in metrics %}
    {%- set is_duration = metric.endswith('_median') or metric.endswith('_p90') %}
    {%- if with_parts and not is_duration %}
    max(case when metric_name = '{{ metric }}' then numerator end) as {{ metric }}_numerator,
    max(case when metric_name = '{{ metric }}' then denominator end) as {{ metric }}_denominator,
    {%- endif %}
    max(case when metric_name = '{{ metric }}' then metric_value end) as {{ metric }}{{ "," if not loop.last }}
    {%- endfor %}
{%- endmacro %}
