{#- Definition, unit, owner and action: the metric catalog, seeds/metric_catalog.csv.
    A ticket is human-handled when a human did work on it (macro is_human_work: anything an agent
    or engineer did except being assigned, and any escalation or engineering resolution). A ticket
    with only a routing assignment had no handling and would count 0 s. -#}
{% macro average_handle_time(part) -%}
    {%- if part == 'row' -%}
        (human_work_event_count > 0)
    {%- elif part == 'numerator' -%}
        sum(case when is_human_handled then coalesce(handle_seconds, 0) else 0 end)
    {%- elif part == 'denominator' -%}
        {{ count_if('is_human_handled') }}
    {%- else -%}
        {{ metric_part_error('average_handle_time', part, ['row', 'numerator', 'denominator']) }}
    {%- endif -%}
{%- endmacro %}
