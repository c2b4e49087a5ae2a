{#- Custom incremental strategy `replace_window`: delete the target rows of the window an
    incremental run rebuilds (config `window_column` at or after incremental_cutoff(), or null),
    then insert the window's new rows. Unlike delete+insert it needs no unique key, so rows whose
    key is null or repeated (quarantined raw rows) are replaced exactly once. The cutoff is
    rendered here, at run time, never at parse time (where a cached parse would freeze it). -#}
{% macro get_incremental_replace_window_sql(arg_dict) -%}
    {%- set column = config.get('window_column') -%}
    {%- if not column -%}
        {{ exceptions.raise_compiler_error(
            "incremental_strategy 'replace_window' needs the config window_column: the timestamp "
            ~ "column that places a row in the window (see macros/incremental/replace_window.sql).") }}
    {%- endif -%}
    {%- set columns = get_quoted_csv(arg_dict['dest_columns'] | map(attribute='name')) -%}
    delete from {{ arg_dict['target_relation'] }}
    where {{ in_incremental_window(column) }};

    insert into {{ arg_dict['target_relation'] }} ({{ columns }})
    select {{ columns }} from {{ arg_dict['temp_relation'] }}
{%- endmacro %}
