{#- Definition, unit, owner and action: the metric catalog, seeds/metric_catalog.csv. -#}
{% macro first_contact_resolution_rate(part) -%}
    {%- if part == 'row' -%}
        (is_resolved and reopen_count = 0 and first_useful_reply_at is not null and last_customer_message_at <= first_useful_reply_at)
    {%- elif part == 'numerator' -%}
        {{ count_if('is_first_contact_resolution') }}
    {%- elif part == 'denominator' -%}
        {{ count_if('is_resolved') }}
    {%- else -%}
        {{ metric_part_error('first_contact_resolution_rate', part, ['row', 'numerator', 'denominator']) }}
    {%- endif -%}
{%- endmacro %}
