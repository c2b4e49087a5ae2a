{#- Share of tickets whose customer came back: another ticket of the same customer and issue_type opened within `repeat_contact_window_days` (var, default 7) after this one was resolved (after it was created, if never resolved). Row: `next_same_issue_created_at` (the first such later ticket) against `repeat_window_start_at`. The repeat is charged to the earlier ticket, its period and its path. -#}
{% macro repeat_contact_rate(part) -%}
    {%- if part == 'row' -%}
        (next_same_issue_created_at is not null and next_same_issue_created_at <= {{ dbt.dateadd('day', var('repeat_contact_window_days', 7), 'repeat_window_start_at') }})
    {%- elif part == 'numerator' -%}
        {{ count_if('has_repeat_contact') }}
    {%- elif part == 'denominator' -%}
        count(*)
    {%- else -%}
        {{ metric_part_error('repeat_contact_rate', part, ['row', 'numerator', 'denominator']) }}
    {%- endif -%}
{%- endmacro %}
