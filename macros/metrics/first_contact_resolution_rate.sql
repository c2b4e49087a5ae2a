{#- Definition, unit, owner and action: the metric catalog, seeds/metric_catalog.csv.
    Row: resolved and it stayed resolved (no reopen, no repeat contact), never handed off or
    escalated (the first contact could not finish it otherwise), with a useful reply after which
    the customer did not write again (compared by event sequence, the one ordering rule; a ticket
    without any customer message has nothing after the reply). Never null. Halo divides by the
    tickets received, so the denominator is every ticket. -#}
{% macro first_contact_resolution_rate(part) -%}
    {%- if part == 'row' -%}
        (
            is_resolved
            and reopen_count = 0
            and not has_repeat_contact
            and handoff_count = 0
            and escalation_count = 0
            and first_useful_reply_sequence is not null
            and coalesce(last_customer_message_sequence < first_useful_reply_sequence, true)
        )
    {%- elif part == 'numerator' -%}
        {{ count_if('is_first_contact_resolution') }}
    {%- elif part == 'denominator' -%}
        count(*)
    {%- else -%}
        {{ metric_part_error('first_contact_resolution_rate', part, ['row', 'numerator', 'denominator']) }}
    {%- endif -%}
{%- endmacro %}
