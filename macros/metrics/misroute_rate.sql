{#- Definition, unit, owner and action: the metric catalog, seeds/metric_catalog.csv.
    Lumen: sent to the wrong queue or owner. Before the first escalation, the ticket was routed to
    a second human queue or to a second owner (inside one queue too). The AI's front-line
    assignments do not count as routing. -#}
{% macro misroute_rate(part) -%}
    {%- if part == 'row' -%}
        (routed_queue_count > 1 or routed_owner_count > 1)
    {%- elif part == 'was_routed' -%}
        (human_routing_count > 0)
    {%- elif part == 'numerator' -%}
        {{ count_if('is_misrouted') }}
    {%- elif part == 'denominator' -%}
        {{ count_if('was_assigned') }}
    {%- else -%}
        {{ metric_part_error('misroute_rate', part, ['row', 'was_routed', 'numerator', 'denominator']) }}
    {%- endif -%}
{%- endmacro %}
