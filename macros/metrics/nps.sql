{#- Net promoter score over survey answers, -100 to 100: per cent of promoters (9-10) minus per cent of detractors (0-6). Numerator: (promoters - detractors) x 100; denominator: answers. -#}
{% macro nps(part) -%}
    {%- if part == 'numerator' -%}
        100 * ({{ count_if('nps_score >= 9') }} - {{ count_if('nps_score <= 6') }})
    {%- elif part == 'denominator' -%}
        count(nps_score)
    {%- else -%}
        {{ metric_part_error('nps', part, ['numerator', 'denominator']) }}
    {%- endif -%}
{%- endmacro %}
