{#- Definition, unit, owner and action: the metric catalog, seeds/metric_catalog.csv. -#}
{% macro repeat_case_handle_time(part) -%}
    {%- if part == 'row' -%}
        (repeated_ticket_id is not null)
    {%- elif part == 'numerator' -%}
        sum(case when is_repeat_case and is_human_handled then coalesce(handle_seconds, 0) else 0 end)
    {%- elif part == 'denominator' -%}
        {{ count_if('is_repeat_case and is_human_handled') }}
    {%- else -%}
        {{ metric_part_error('repeat_case_handle_time', part, ['row', 'numerator', 'denominator']) }}
    {%- endif -%}
{%- endmacro %}
