{#- Definition, unit, owner and action: the metric catalog, seeds/metric_catalog.csv. -#}
{% macro evidence_completeness(part) -%}
    {%- if part == 'fields_present' -%}
        (
            (case when packet_has_summary then 1 else 0 end)
            + (case when packet_has_identifiers then 1 else 0 end)
            + (case when escalation_kind = 'engineering' and packet_has_repro then 1 else 0 end)
            + (case when escalation_kind = 'engineering' and packet_has_evidence then 1 else 0 end)
        )
    {%- elif part == 'fields_required' -%}
        (case when escalation_kind = 'engineering' then 4 else 2 end)
    {%- elif part == 'row' -%}
        cast({{ evidence_completeness('fields_present') }} as {{ type_double() }}) / {{ evidence_completeness('fields_required') }}
    {%- elif part == 'numerator' -%}
        sum(packet_completeness)
    {%- elif part == 'denominator' -%}
        count(packet_completeness)
    {%- else -%}
        {{ metric_part_error('evidence_completeness', part, ['row', 'fields_present', 'fields_required', 'numerator', 'denominator']) }}
    {%- endif -%}
{%- endmacro %}
