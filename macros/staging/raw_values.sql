{#- The raw row as one readable text (`column=value; ...`, `null` for a missing value), so a
    quarantined row shows what arrived; each value is cut at 200 characters so that a runaway
    field does not flood the quarantine. Built from the `<column>_raw` columns (text, or a value
    that arrived typed), optionally qualified by `relation_alias`. -#}
{% macro raw_values(columns, relation_alias='') -%}
    {%- set qualifier = relation_alias ~ '.' if relation_alias else '' -%}
    {%- set parts = [] -%}
    {%- for column in columns -%}
        {%- do parts.append("'" ~ column ~ "='") -%}
        {%- do parts.append("coalesce(left(cast(" ~ qualifier ~ column ~ "_raw as " ~ dbt.type_string() ~ "), 200), 'null')") -%}
        {%- if not loop.last %}{% do parts.append("'; '") %}{% endif -%}
    {%- endfor -%}
    {{ dbt.concat(parts) }}
{%- endmacro %}
