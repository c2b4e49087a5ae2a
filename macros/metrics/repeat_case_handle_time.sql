{#- Definition, unit, owner and action: the metric catalog, seeds/metric_catalog.csv. -#}
{% macro repeat_case_handle_time(part) -%}
    {%- if part == 'row' -%}
        (
            previous_window_start_at is not null
            and created_at <= {{ dbt.dateadd('day', number_var('repeat_contact_window_days'), 'previous_window_start_at') }}
        )
    {%- elif part == 'numerator' -%}
        sum(case when is_repeat_case and is_human_handled then coalesce(handle_seconds, 0) else 0 end)
    {%- elif part == 'denominator' -%}
        {{ count_if('is_repeat_case and is_human_handled') }}
    {%- else -%}
        {{ metric_part_error('repeat_case_handle_time', part, ['row', 'numerator', 'denominator']) }}
    {%- endif -%}
{%- endmacro %}
