{#- Definition, unit, owner and action: the metric catalog, seeds/metric_catalog.csv. -#}
{% macro ai_resolution_rate(part) -%}
    {%- if part == 'row' -%}
        (support_path = 'ai_only' and is_resolved and not is_reopened and not has_repeat_contact)
    {%- elif part == 'numerator' -%}
        {{ count_if('is_ai_resolved') }}
    {%- elif part == 'denominator' -%}
        {{ count_if('is_ai_touched') }}
    {%- else -%}
        {{ metric_part_error('ai_resolution_rate', part, ['row', 'numerator', 'denominator']) }}
    {%- endif -%}
{%- endmacro %}
