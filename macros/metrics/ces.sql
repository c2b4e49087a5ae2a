{#- Customer effort score: the mean CES answer, 1 (very easy) to 7 (very hard); lower is better. Numerator: sum of scores; denominator: answers. -#}
{% macro ces(part) -%}
    {%- if part == 'numerator' -%}
        sum(ces_score)
    {%- elif part == 'denominator' -%}
        count(ces_score)
    {%- else -%}
        {{ metric_part_error('ces', part, ['numerator', 'denominator']) }}
    {%- endif -%}
{%- endmacro %}
