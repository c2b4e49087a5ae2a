{#- numerator / denominator as a double, null when the denominator is zero or null. Computed in
    double precision on every engine: decimal division keeps an engine-specific number of digits
    (Spark cut a ratio to 7 decimals), a double keeps the same ~16 everywhere. -#}
{% macro safe_divide(numerator, denominator) -%}
    cast({{ numerator }} as {{ type_double() }}) / nullif(cast({{ denominator }} as {{ type_double() }}), 0)
{%- endmacro %}
