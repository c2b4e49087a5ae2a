{#- The raw row as one readable text (`column=value; ...`, `null` for a missing value), so a
    quarantined row shows exactly what arrived. Built from the `<column>_raw` text columns. -#}
{% macro raw_values(columns) -%}
    {%- set parts = [] -%}
    {%- for column in columns -%}
        {%- do parts.append("'" ~ column ~ "='") -%}
        {%- do parts.append("coalesce(" ~ column ~ "_raw, 'null')") -%}
        {%- if not loop.last %}{% do parts.append("'; '") %}{% endif -%}
    {%- endfor -%}
    {{ dbt.concat(parts) }}
{%- endmacro %}
