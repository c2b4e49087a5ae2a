{#- Minutes from the first assignment to a human to the first evidence event (a verified log line, reproduction, trace or account check). Evidence already in hand before the assignment counts as 0. -#}
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
