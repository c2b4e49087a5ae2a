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

{#- The maturity of a wide row built with pivot_metrics: `is_final` when every cell of `metrics`
    in the row is final (metrics_by_path is_final), and `final_at`, the moment the last of them
    becomes final (null while one of them cannot say: it waits for unresolved tickets). -#}
{% macro pivot_maturity(metrics) -%}
    {%- set listed = "metric_name in ('" ~ metrics | join("', '") ~ "')" -%}
    coalesce(min(case when {{ listed }} then case when is_final then 1 else 0 end end) = 1, false) as is_final,
    case
        when max(case when {{ listed }} and final_at is null then 1 else 0 end) = 0
            then max(case when {{ listed }} then final_at end)
    end as final_at
{%- endmacro %}
