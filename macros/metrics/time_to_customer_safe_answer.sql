{#- Definition, unit, owner and action: the metric catalog, seeds/metric_catalog.csv.
    Lumen: how quickly the company reaches a defensible answer. Failed answers are not dropped:
    the time runs from the ticket's creation until an answer held. A reopened ticket's answer held
    at its final resolution; a ticket the customer came back on (repeat contact) held when the
    returns charged to it, and theirs in turn, were resolved (int_customer_safe_answers). Parts:
    `held_at` (aggregate over a ticket and every return below it: the latest final resolution,
    null while any of them is unresolved) and `row` (minutes from creation to
    customer_safe_answer_at; null until an answer held). -#}
{% macro time_to_customer_safe_answer(part) -%}
    {%- if part == 'held_at' -%}
        case when count(resolved_at) = count(*) then max(resolved_at) end
    {%- elif part == 'row' -%}
        case
            when customer_safe_answer_at is not null
                then {{ elapsed_minutes('created_at', 'customer_safe_answer_at') }}
        end
    {%- else -%}
        {{ duration_aggregate('time_to_customer_safe_answer', 'time_to_customer_safe_answer_minutes', part) }}
    {%- endif -%}
{%- endmacro %}
