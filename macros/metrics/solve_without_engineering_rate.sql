{#- Definition, unit, owner and action: the metric catalog, seeds/metric_catalog.csv.
    Engineering helped when the ticket was escalated to engineering or when engineering worked on
    it without an escalation event: an engineer acted (being assigned is routing, not work) or
    engineering logged a resolution. Part `engineering_work` is that event-level condition. -#}
{% macro solve_without_engineering_rate(part) -%}
    {%- if part == 'engineering_work' -%}
        ((actor_type = 'engineer' and event_type <> 'assignment') or event_type = 'engineering_resolution')
    {%- elif part == 'row' -%}
        (is_technical and is_resolved and engineering_escalation_count = 0 and engineering_work_event_count = 0)
    {%- elif part == 'numerator' -%}
        {{ count_if('is_solved_without_engineering') }}
    {%- elif part == 'denominator' -%}
        {{ count_if('is_technical and is_resolved') }}
    {%- else -%}
        {{ metric_part_error('solve_without_engineering_rate', part, ['engineering_work', 'row', 'numerator', 'denominator']) }}
    {%- endif -%}
{%- endmacro %}
