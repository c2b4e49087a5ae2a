{#- The select list of one row of a raw contract table, for an adapter (models/adapters/<system>/):
    every contract column in the contract's order (read from the helpdesk sources YAML), each the
    SQL expression given in `values` or null, cast to the column's type. The types follow the
    contract's names: `*_at` timestamps, `is_*` and `packet_has_*` booleans, scores and
    handle_seconds integers, renewal_date a date, arr_usd a decimal, the rest text. Adapters emit
    typed columns; the contract staging takes them as they are and checks every rule. -#}
{% macro contract_row(table_name, values) -%}
    {%- set columns = raw_contract_columns(table_name) -%}
    {%- set unknown = values.keys() | reject('in', columns) | list -%}
    {%- if execute and unknown -%}
        {{ exceptions.raise_compiler_error(
            "contract_row('" ~ table_name ~ "'): " ~ unknown | join(', ')
            ~ " not in the raw contract's columns (" ~ columns | join(', ') ~ ")") }}
    {%- endif -%}
    {%- for column in columns %}
    cast({{ values.get(column, 'null') }} as {{ contract_column_type(column) }}) as {{ column }}{{ "," if not loop.last }}
    {%- endfor -%}
{%- endmacro %}

{% macro contract_column_type(column) -%}
    {%- if column.endswith('_at') -%}
        {{ return(dbt.type_timestamp()) }}
    {%- elif column.startswith('is_') or column.startswith('packet_has_') -%}
        {{ return(dbt.type_boolean()) }}
    {%- elif column.endswith('_score') or column == 'handle_seconds' -%}
        {{ return(dbt.type_int()) }}
    {%- elif column == 'renewal_date' -%}
        {{ return('date') }}
    {%- elif column == 'arr_usd' -%}
        {{ return(dbt.type_numeric()) }}
    {%- endif -%}
    {{ return(dbt.type_string()) }}
{%- endmacro %}
