{#- Raw text to integer. A fractional value (`3.5`) is not silently rounded: it gives null, so the
    row is quarantined as invalid. `3.0` is accepted as 3. A value of 10^15 or more in size gives
    null too (no count, score or duration of the contract comes near), so a 20-digit export
    error is quarantined with the column's reason instead of overflowing the integer cast. -#}
{% macro parse_integer(column) -%}
    {%- set number = guarded_cast(clean_text(column), dbt.type_numeric()) -%}
    case
        when {{ number }} = floor({{ number }}) and abs({{ number }}) < 1000000000000000
            then cast({{ number }} as {{ dbt.type_bigint() }})
    end
{%- endmacro %}
