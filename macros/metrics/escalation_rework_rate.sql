{#- Share of handoffs and escalations that were rework (fct_escalations grain). Rework: the context packet lacked a required field (summary and identifiers for every kind; also repro and evidence for engineering), or the receiving side sent a context_request (before the next escalation) earlier than its first useful reply. -#}
{% macro escalation_rework_rate(part) -%}
    {%- if part == 'row' -%}
        (
            not packet_has_summary
            or not packet_has_identifiers
            or (escalation_kind = 'engineering' and (not packet_has_repro or not packet_has_evidence))
            or (
                first_context_request_at is not null
                and (first_human_useful_reply_at is null or first_context_request_at < first_human_useful_reply_at)
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
