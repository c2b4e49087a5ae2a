{#- Definition, unit, owner and action: the metric catalog, seeds/metric_catalog.csv. -#}
{% macro support_path() -%}
    case
        when first_ai_public_message_at is null then 'human_only'
        when handoff_count > 0 or first_human_public_message_at is not null then 'ai_to_human'
        else 'ai_only'
    end
{%- endmacro %}
