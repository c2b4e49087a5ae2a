{#- Every contract column of a raw table as `<column>_raw`: text columns trimmed (an empty string
    is null), columns that already arrive as a timestamp, boolean or integer passed through as they
    are (see raw_fast_type). `raw_types` comes from raw_column_types(). -#}
{% macro select_raw_columns(table_name, raw_types) -%}
    {%- for column in raw_contract_columns(table_name) %}
    {% if raw_fast_type(raw_types, column) %}{{ column }}{% else %}{{ clean_text(column) }}{% endif %} as {{ column }}_raw{{ "," if not loop.last }}
    {%- endfor %}
{%- endmacro %}

{#- The typed value of raw column `<column>_raw`: taken as it is when it arrives with the wanted
    type, else parsed from text with the staging parsers. `kind`: timestamp, boolean or integer. -#}
{% macro typed_raw_value(column, kind, raw_types) -%}
    {%- set raw = column ~ '_raw' -%}
    {%- if raw_fast_type(raw_types, column) == kind -%}
        {%- if kind == 'integer' -%}cast({{ raw }} as {{ dbt.type_bigint() }}){%- else -%}{{ raw }}{%- endif -%}
    {%- elif kind == 'timestamp' -%}{{ parse_timestamp_utc(raw) }}
    {%- elif kind == 'boolean' -%}{{ parse_boolean(raw) }}
    {%- elif kind == 'integer' -%}{{ parse_integer(raw) }}
    {%- else -%}{{ exceptions.raise_compiler_error("typed_raw_value: unknown kind '" ~ kind ~ "'") }}
    {%- endif -%}
{%- endmacro %}

{#- True when raw column `<column>_raw` holds a value that `parsed_expression` could not read; never
    for a column that arrives typed. -#}
{% macro raw_is_unparseable(column, parsed_expression, raw_types) -%}
    {%- if raw_fast_type(raw_types, column) -%}false{%- else -%}{{ is_unparseable(column ~ '_raw', parsed_expression) }}{%- endif -%}
{%- endmacro %}
