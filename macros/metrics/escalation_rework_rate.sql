{#- Definition, unit, owner and action: the metric catalog, seeds/metric_catalog.csv. -#}
{% macro escalation_rework_rate(part) -%}
    {%- if part == 'row' -%}
        (
            not packet_has_summary
            or not packet_has_identifiers
            or (escalation_kind = 'engineering' and (not packet_has_repro or not packet_has_evidence))
            or (
                first_context_request_at is not null
                and (
                    first_receiver_useful_reply_at is null
                    or first_context_request_at < first_receiver_useful_reply_at
                )
            )
        )
    {%- elif part == 'numerator' -%}
        {{ count_if('is_rework') }}
    {%- elif part == 'denominator' -%}
        count(*)
    {%- else -%}
        {{ metric_part_error('escalation_rework_rate', part, ['row', 'numerator', 'denominator']) }}
    {%- endif -%}
{%- endmacro %}
