{#- True when text holds a control character (U+0000 to U+001F, U+007F: NUL, tab, newline,
    escape...). No id, code or label of the raw contract has one; a row that does is quarantined
    as `control_character` (docs/raw_contract.md). PostgreSQL text cannot hold NUL at all. -#}
{% macro has_control_character(text) -%}
    {{ return(adapter.dispatch('has_control_character', 'support_metrics')(text)) }}
{%- endmacro %}

{% macro default__has_control_character(text) -%}
    {{ text_matches(text, '[\\x00-\\x1f\\x7f]') }}
{%- endmacro %}

{% macro postgres__has_control_character(text) -%}
    {{ text_matches(text, '[\\x01-\\x1f\\x7f]') }}
{%- endmacro %}
