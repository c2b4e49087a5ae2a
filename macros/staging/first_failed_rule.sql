{#- The reason a raw row breaks the contract, or null when it keeps every rule. `rules` is a list of
    [condition, reason] pairs in priority order: the first condition that holds names the reason, so
    each rejected row carries exactly one, the most basic. -#}
{% macro first_failed_rule(rules) -%}
    case
        {%- for rule in rules %}
        when {{ rule[0] }} then '{{ rule[1] }}'
        {%- endfor %}
    end
{%- endmacro %}
