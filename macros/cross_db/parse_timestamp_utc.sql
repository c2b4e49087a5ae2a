{#- Parse raw text into a UTC timestamp without time zone. A value with an explicit offset (`Z`,
    `+02:00`) is converted to UTC; a value without one is taken as UTC already (the raw contract).
    Unparseable text gives null. The offset is detected on the text itself, so the result never
    depends on the session time zone. -#}
{% macro parse_timestamp_utc(expression) -%}
    {{ return(adapter.dispatch('parse_timestamp_utc', 'support_metrics')(expression)) }}
{%- endmacro %}

{% macro default__parse_timestamp_utc(expression) -%}
    {%- set text = "trim(cast(" ~ expression ~ " as " ~ dbt.type_string() ~ "))" -%}
    case
        when {{ text }} is null or {{ text }} = '' then null
        when {{ has_utc_offset(text) }}
            then timezone('UTC', {{ guarded_cast(text, 'timestamptz') }})
        else {{ guarded_cast(text, dbt.type_timestamp()) }}
    end
{%- endmacro %}

{#- True when a timestamp text ends in a zone designator after its time of day. -#}
{% macro has_utc_offset(text) -%}
    {{ return(adapter.dispatch('has_utc_offset', 'support_metrics')(text)) }}
{%- endmacro %}

{% macro default__has_utc_offset(text) -%}
    regexp_matches({{ text }}, '[0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)? *([zZ]|[+-][0-9]{2}(:?[0-9]{2})?)$')
{%- endmacro %}

{% macro postgres__has_utc_offset(text) -%}
    ({{ text }} ~ '[0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)? *([zZ]|[+-][0-9]{2}(:?[0-9]{2})?)$')
{%- endmacro %}

{% macro spark__has_utc_offset(text) -%}
    ({{ text }} rlike '[0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)? *([zZ]|[+-][0-9]{2}(:?[0-9]{2})?)$')
{%- endmacro %}

{#- Spark's timestamp is an instant shown in the session time zone (UTC, set in the profile): a
    cast applies a text's offset itself and reads a text without one as UTC. -#}
{% macro spark__parse_timestamp_utc(expression) -%}
    {%- set text = "trim(cast(" ~ expression ~ " as " ~ dbt.type_string() ~ "))" -%}
    case
        when {{ text }} is null or {{ text }} = '' then null
        else {{ guarded_cast(text, dbt.type_timestamp()) }}
    end
{%- endmacro %}
