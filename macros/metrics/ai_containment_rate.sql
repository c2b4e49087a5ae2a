{#- Share of AI-touched tickets (ai_only + ai_to_human) that stayed with the AI (ai_only). Legacy metric: read it beside ai_resolution_rate and repeat_contact_rate. -#}
{% macro ai_containment_rate(part) -%}
    {%- if part == 'numerator' -%}
        {{ count_if("support_path = 'ai_only'") }}
    {%- elif part == 'denominator' -%}
        {{ count_if('is_ai_touched') }}
    {%- else -%}
        {{ metric_part_error('ai_containment_rate', part, ['numerator', 'denominator']) }}
    {%- endif -%}
{%- endmacro %}
