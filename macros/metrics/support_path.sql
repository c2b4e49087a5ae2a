{#- Definition, unit, owner and action: the metric catalog, seeds/metric_catalog.csv.
    The path follows the work, not who wrote publicly. The AI took part when it wrote to the
    customer anything but an acknowledgement (an answer, a resolution, a clarifying question:
    `ai_reply_count`) or handed the conversation off (a silent triage that ends in a handoff); an
    AI acknowledgement alone is not work. Humans worked when an agent or engineer did
    anything but be assigned, or the ticket was escalated or engineering resolved its part
    (macro is_human_work). -#}
{% macro support_path() -%}
    case
        when handoff_count > 0 then 'ai_to_human'
        when ai_reply_count = 0 then 'human_only'
        when human_work_event_count > 0 then 'ai_to_human'
        else 'ai_only'
    end
{%- endmacro %}
