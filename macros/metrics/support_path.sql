{#- Definition, unit, owner and action: the metric catalog, macros/metrics/_metrics__macros.yml. -#}
{% macro support_path() -%}
    case
        when first_ai_public_message_at is null then 'human_only'
        when handoff_count > 0 or first_human_public_message_at is not null then 'ai_to_human'
        else 'ai_only'
    end
{%- endmacro %}
