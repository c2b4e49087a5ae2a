{#- Definition, unit, owner and action: the metric catalog, seeds/metric_catalog.csv. -#}
{% macro repeat_contact_rate(part) -%}
    {%- if part == 'row' -%}
        (next_same_issue_created_at is not null and next_same_issue_created_at <= {{ dbt.dateadd('day', number_var('repeat_contact_window_days'), 'repeat_window_start_at') }})
    {%- elif part == 'numerator' -%}
        {{ count_if('has_repeat_contact') }}
    {%- elif part == 'denominator' -%}
        count(*)
    {%- else -%}
        {{ metric_part_error('repeat_contact_rate', part, ['row', 'numerator', 'denominator']) }}
    {%- endif -%}
{%- endmacro %}
