{#- The raw row as one readable text (`column=value; ...`, `null` for a missing value), so a
    quarantined row shows what arrived; each value is cut at 200 characters so that a runaway
    field does not flood the quarantine. Built from the `<column>_raw` text columns. -#}
{% macro raw_values(columns) -%}
    {%- set parts = [] -%}
    {%- for column in columns -%}
        {%- do parts.append("'" ~ column ~ "='") -%}
        {%- do parts.append("coalesce(left(" ~ column ~ "_raw, 200), 'null')") -%}
        {%- if not loop.last %}{% do parts.append("'; '") %}{% endif -%}
    {%- endfor -%}
    {{ dbt.concat(parts) }}
{%- endmacro %}
