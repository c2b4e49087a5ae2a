{#- Contract constraints on Spark: `not null` can only be set on Delta tables; the local session
    writes Parquet, where dbt-spark's ALTER fails. On another format the constraint is left to the
    column's not_null data test (every constrained column has one), with a log line saying so. -#}
{% macro spark__alter_column_set_constraints(relation, column_dict) %}
    {%- set file_format = config.get('file_format', 'parquet') -%}
    {%- for column_name in column_dict -%}
        {%- for constraint in column_dict[column_name]['constraints'] -%}
            {%- if constraint.type != 'not_null' -%}
                {{ exceptions.warn('Invalid constraint for column ' ~ column_name ~ '. Only `not_null` is supported.') }}
            {%- elif file_format == 'delta' -%}
                {%- set quoted_name = adapter.quote(column_name) if column_dict[column_name]['quote'] else column_name -%}
                {%- call statement() -%}
                    alter table {{ relation }} change column {{ quoted_name }} set not null {{ constraint.expression or "" }};
                {%- endcall -%}
            {%- else -%}
                {%- do log(relation ~ '.' ~ column_name ~ ': not null is not enforced on ' ~ file_format
                    ~ ' tables; its not_null data test checks it', info=false) -%}
            {%- endif -%}
        {%- endfor -%}
    {%- endfor -%}
{% endmacro %}
