{#- Definition, unit, owner and action: the metric catalog, seeds/metric_catalog.csv. -#}
{% macro average_handle_time(part) -%}
    {%- if part == 'row' -%}
        (human_event_count > 0)
    {%- elif part == 'numerator' -%}
        sum(case when is_human_handled then coalesce(handle_seconds, 0) else 0 end)
    {%- elif part == 'denominator' -%}
        {{ count_if('is_human_handled') }}
    {%- else -%}
        {{ metric_part_error('average_handle_time', part, ['row', 'numerator', 'denominator']) }}
    {%- endif -%}
{%- endmacro %}
