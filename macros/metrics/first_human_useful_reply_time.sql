{#- Minutes from a handoff (AI to human) to the first useful reply by a human (agent or engineer) after it. Ticket grain: from the ticket's first handoff; escalation grain: from each handoff or escalation. -#}
{% macro first_human_useful_reply_time(part) -%}
    {%- if part == 'row' -%}
        {{ elapsed_minutes('escalated_at', 'first_human_useful_reply_at') }}
    {%- else -%}
        {{ duration_aggregate('first_human_useful_reply_time', 'first_human_useful_reply_minutes', part) }}
    {%- endif -%}
{%- endmacro %}
