{#- Definition, unit, owner and action: the metric catalog, seeds/metric_catalog.csv.
    Part `pair`: a later ticket (created at `return_created_at`) falls in an earlier ticket's
    repeat window: after it opened (the first resolution; a creation at that instant is not
    after it) and at or before it closed (repeat_contact_window_days after the last resolution,
    inclusive). Part `row`: at least one return is charged to the ticket
    (int_repeat_contacts_paired charges each return to one earlier ticket). -#}
{% macro repeat_contact_rate(part) -%}
    {%- if part == 'pair' -%}
        (return_created_at > repeat_window_start_at and return_created_at <= repeat_window_end_at)
    {%- elif part == 'row' -%}
        (repeat_contact_count > 0)
    {%- elif part == 'numerator' -%}
        {{ count_if('has_repeat_contact') }}
    {%- elif part == 'denominator' -%}
        {{ count_if('was_ever_resolved') }}
    {%- else -%}
        {{ metric_part_error('repeat_contact_rate', part, ['pair', 'row', 'numerator', 'denominator']) }}
    {%- endif -%}
{%- endmacro %}
