{#- Definition, unit, owner and action: the metric catalog, seeds/metric_catalog.csv. -#}
{% macro time_to_customer_safe_answer(part) -%}
    {%- if part == 'row' -%}
        case
            when is_resolved and not is_reopened and not has_repeat_contact
                then {{ elapsed_minutes('created_at', 'resolved_at') }}
        end
    {%- else -%}
        {{ duration_aggregate('time_to_customer_safe_answer', 'time_to_customer_safe_answer_minutes', part) }}
    {%- endif -%}
{%- endmacro %}
