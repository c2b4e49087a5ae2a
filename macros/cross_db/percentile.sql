{#- The continuous percentile `fraction` (0.5 = median) of `expression` over the group, as an
    aggregate. `median()` is not on PostgreSQL, so every engine gets the ordered-set form or its
    own equivalent. Nulls are ignored. -#}
{% macro percentile(expression, fraction) -%}
    {{ return(adapter.dispatch('percentile', 'support_metrics')(expression, fraction)) }}
{%- endmacro %}

{% macro default__percentile(expression, fraction) -%}
    percentile_cont({{ fraction }}) within group (order by {{ expression }})
{%- endmacro %}

{% macro duckdb__percentile(expression, fraction) -%}
    quantile_cont({{ expression }}, {{ fraction }})
{%- endmacro %}

{% macro spark__percentile(expression, fraction) -%}
    percentile({{ expression }}, {{ fraction }})
{%- endmacro %}

{#- Several continuous percentiles of `expression` over the group in one aggregate (the values
    are collected and sorted once, not once per fraction), as an array in the order of
    `fractions`; read one with array_element(). -#}
{% macro percentiles(expression, fractions) -%}
    {{ return(adapter.dispatch('percentiles', 'support_metrics')(expression, fractions)) }}
{%- endmacro %}

{% macro default__percentiles(expression, fractions) -%}
    percentile_cont(array[{{ fractions | join(', ') }}]) within group (order by {{ expression }})
{%- endmacro %}

{% macro duckdb__percentiles(expression, fractions) -%}
    quantile_cont({{ expression }}, [{{ fractions | join(', ') }}])
{%- endmacro %}

{% macro spark__percentiles(expression, fractions) -%}
    percentile({{ expression }}, array({{ fractions | join(', ') }}))
{%- endmacro %}

{#- The element at 1-based `position` of an array (Spark counts from 0). -#}
{% macro array_element(array_expression, position) -%}
    {{ return(adapter.dispatch('array_element', 'support_metrics')(array_expression, position)) }}
{%- endmacro %}

{% macro default__array_element(array_expression, position) -%}
    ({{ array_expression }})[{{ position }}]
{%- endmacro %}

{% macro spark__array_element(array_expression, position) -%}
    element_at({{ array_expression }}, {{ position }})
{%- endmacro %}
