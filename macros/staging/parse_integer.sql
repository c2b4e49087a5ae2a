{#- Raw text to integer. A fractional value (`3.5`) is not silently rounded: it gives null, so the
    row is quarantined as invalid. `3.0` is accepted as 3. -#}
{% macro parse_integer(column) -%}
    case
        when {{ guarded_cast(clean_text(column), dbt.type_numeric()) }}
            = floor({{ guarded_cast(clean_text(column), dbt.type_numeric()) }})
            then cast({{ guarded_cast(clean_text(column), dbt.type_numeric()) }} as {{ dbt.type_bigint() }})
    end
{%- endmacro %}
