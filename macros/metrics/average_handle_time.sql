{#- Average human work time per human-handled ticket, in seconds: the sum of handle_seconds logged by agents and engineers over the tickets they touched. Numerator: seconds; denominator: human-handled tickets. -#}
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
