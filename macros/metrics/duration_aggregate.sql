{#- The aggregates every duration metric reports: `median` and `p90` of the per-row minutes in
    `column`, and `count`, the rows that have a value. Never an average of averages. `quantiles`
    gives the median and p90 from one aggregate, as an array [median, p90] (array_element() reads
    it): half the memory and sorting of the two apart, where many groups are computed at once. -#}
{% macro duration_aggregate(metric_name, column, part) -%}
    {%- if part == 'median' -%}
        {{ percentile(column, 0.5) }}
    {%- elif part == 'p90' -%}
        {{ percentile(column, 0.9) }}
    {%- elif part == 'quantiles' -%}
        {{ percentiles(column, [0.5, 0.9]) }}
    {%- elif part == 'count' -%}
        count({{ column }})
    {%- else -%}
        {{ metric_part_error(metric_name, part, ['row', 'median', 'p90', 'quantiles', 'count']) }}
    {%- endif -%}
{%- endmacro %}
