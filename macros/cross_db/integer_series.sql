{#- A relation of the integers 0 .. 10^digits - 1 in a column `n`, built from a ten-row values list
    cross-joined with itself (portable: no generate_series, no recursive CTE). -#}
{% macro integer_series(digits) -%}
    {%- set powers = range(digits) | list -%}
    select
        {% for p in powers -%}
        d{{ p }}.digit * {{ 10 ** p }}{{ " + " if not loop.last }}
        {%- endfor %} as n
    from
        {% for p in powers -%}
        (select 0 as digit union all select 1 union all select 2 union all select 3 union all select 4
         union all select 5 union all select 6 union all select 7 union all select 8 union all select 9)
            as d{{ p }}{{ "\n        cross join" if not loop.last }}
        {% endfor %}
{%- endmacro %}
