{#- A stable pseudonym for a personal identifier: the md5 of a salt and the value, so joins and
    repeat-contact pairing still work while no raw customer identifier leaves staging. The salt
    comes from the env var SUPPORT_PSEUDONYM_SALT; the documented default is for the demo only. -#}
{% macro pseudonymize(expression) -%}
    {%- set salt = env_var('SUPPORT_PSEUDONYM_SALT', 'demo-salt-not-secret') -%}
    case
        when {{ expression }} is not null
            then {{ dbt.hash(dbt.concat(["'" ~ salt | replace("'", "''") ~ "|'", expression])) }}
    end
{%- endmacro %}
