{#- Number of rows for which `condition` is true, as a portable aggregate of integer type (no
    engine's count_if, no boolean sum, no engine widening a sum to a 128-bit integer). -#}
{% macro count_if(condition) -%}
    count(case when {{ condition }} then 1 end)
{%- endmacro %}
