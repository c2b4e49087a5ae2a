{#- Definition, unit, owner and action: the metric catalog, seeds/metric_catalog.csv. -#}
{% macro time_to_first_evidence(part) -%}
    {%- if part == 'row' -%}
        case
            when first_evidence_at is null or first_human_assignment_at is null then null
            when first_evidence_at >= first_human_assignment_at
                then {{ elapsed_minutes('first_human_assignment_at', 'first_evidence_at') }}
            else 0
        end
    {%- else -%}
        {{ duration_aggregate('time_to_first_evidence', 'time_to_first_evidence_minutes', part) }}
    {%- endif -%}
{%- endmacro %}
