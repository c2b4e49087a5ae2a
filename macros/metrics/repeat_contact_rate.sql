{#- Definition, unit, owner and action: the metric catalog, seeds/metric_catalog.csv.
    Part `pair`: a later ticket (created at `return_created_at`) is a return to one resolved
    stretch of an earlier ticket (`resolved_from` until `resolved_until`, null while it stays
    resolved; int_repeat_contacts_paired): created after the resolution (a creation at that
    instant is not after it), while the ticket stood resolved (a reopen at that very instant
    comes after it), and at most repeat_contact_window_days after the resolution (inclusive).
    A ticket created while the earlier one was open is parallel, not a return. Part `row`: at least one return is charged to the ticket
    (int_repeat_contacts_paired charges each return to one earlier ticket). -#}
{% macro repeat_contact_rate(part) -%}
    {%- if part == 'pair' -%}
        (
            return_created_at > resolved_from
            and (resolved_until is null or return_created_at <= resolved_until)
            and return_created_at <= {{ dbt.dateadd('day', number_var('repeat_contact_window_days'), 'resolved_from') }}
        )
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
