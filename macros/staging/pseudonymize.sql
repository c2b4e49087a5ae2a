{#- A stable pseudonym for a personal identifier: the md5 of a salt and the value, so joins and
    repeat-contact pairing still work while no raw customer identifier leaves staging.

    The salt is read by the query from a table the operator fills once (var
    `pseudonym_salt_table`, e.g. `support_private.pseudonym_salt`, one row, column `salt`; see
    scripts/set_pseudonym_salt.py), so it never appears in the SQL text, dbt's compiled files or
    its logs. Without that var the demo salt is used, which is not a secret: only for the demo
    seeds (check_pseudonym_salt, macros/access, refuses it for any other input). -#}
{% macro pseudonymize(expression) -%}
    case
        when {{ expression }} is not null
            then {{ dbt.hash(dbt.concat([pseudonym_salt(), "'|'", expression])) }}
    end
{%- endmacro %}

{#- SQL for the pseudonym salt: a scalar subquery on the salt table, or the demo literal. -#}
{% macro pseudonym_salt() -%}
    {%- do check_pseudonym_salt() -%}
    {%- set table = var('pseudonym_salt_table', '') | string | trim -%}
    {%- if table -%}
        (select max(salt) from {{ table }})
    {%- else -%}
        'demo-salt-not-secret'
    {%- endif -%}
{%- endmacro %}
