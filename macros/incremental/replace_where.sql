{#- Custom incremental strategy `replace_where`: delete the target rows that match the model's
    `incremental_predicates` (the window an incremental run rebuilds), then insert the new rows of
    that window. Unlike delete+insert it needs no unique key, so rows whose key is null or repeated
    (quarantined raw rows) are replaced exactly once. Plain SQL on any adapter with DELETE. -#}
{% macro get_incremental_replace_where_sql(arg_dict) -%}
    {%- set predicates = arg_dict['incremental_predicates'] -%}
    {%- if not predicates -%}
        {{ exceptions.raise_compiler_error(
            "incremental_strategy 'replace_where' needs incremental_predicates: the condition on the "
            ~ "target's rows that the run rebuilds (see macros/incremental/replace_where.sql).") }}
    {%- endif -%}
    {%- set columns = get_quoted_csv(arg_dict['dest_columns'] | map(attribute='name')) -%}
    delete from {{ arg_dict['target_relation'] }}
    where {% for predicate in predicates %}({{ predicate }}){{ ' and ' if not loop.last }}{% endfor %};

    insert into {{ arg_dict['target_relation'] }} ({{ columns }})
    select {{ columns }} from {{ arg_dict['temp_relation'] }}
{%- endmacro %}
