{#- Parse raw text into a UTC timestamp without time zone. Only ISO 8601 is read (the raw
    contract): `YYYY-MM-DD`, `T` or a space, `HH:MM`, optional `:SS` and fraction, then optionally
    `Z` or a numeric offset (`+02:00`, `+0200`, `+02`), which is converted to UTC; a value without
    one is taken as UTC already. Anything else gives null, so staging quarantines it as
    unparseable: a date alone, a 12-hour clock (`10:00:00 PM`), a zone name or abbreviation
    (`11:00 CET`, `Europe/Paris`), other orders. The shape is checked on the text itself, so the
    result never depends on the session time zone or on how lenient an engine's cast is. -#}
{% macro parse_timestamp_utc(expression) -%}
    {{ return(adapter.dispatch('parse_timestamp_utc', 'support_metrics')(expression)) }}
{%- endmacro %}

{#- The ISO-8601 shape the contract accepts, and the part of it that is a zone designator. -#}
{% macro iso_timestamp_pattern() -%}
    {{ return('^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)? *([zZ]|[+-][0-9]{2}(:?[0-9]{2})?)?$') }}
{%- endmacro %}

{% macro default__parse_timestamp_utc(expression) -%}
    {%- set text = "trim(cast(" ~ expression ~ " as " ~ dbt.type_string() ~ "))" -%}
    case
        when {{ text }} is null or {{ text }} = '' then null
        when not {{ text_matches(text, iso_timestamp_pattern()) }} then null
        when {{ has_utc_offset(text) }}
            then timezone('UTC', {{ guarded_cast(text, 'timestamptz') }})
        else {{ guarded_cast(text, dbt.type_timestamp()) }}
    end
{%- endmacro %}

{#- True when a timestamp text ends in a zone designator after its time of day. -#}
{% macro has_utc_offset(text) -%}
    {{ return(text_matches(text, '[0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)? *([zZ]|[+-][0-9]{2}(:?[0-9]{2})?)$')) }}
{%- endmacro %}

{#- True when text matches a regular expression (a pattern of the project's own, never a var). -#}
{% macro text_matches(text, pattern) -%}
    {{ return(adapter.dispatch('text_matches', 'support_metrics')(text, pattern)) }}
{%- endmacro %}

{% macro default__text_matches(text, pattern) -%}
    regexp_matches({{ text }}, '{{ pattern }}')
{%- endmacro %}

{% macro postgres__text_matches(text, pattern) -%}
    ({{ text }} ~ '{{ pattern }}')
{%- endmacro %}

{#- Spark reads backslashes in a literal as escapes: a pattern's backslashes are doubled. -#}
{% macro spark__text_matches(text, pattern) -%}
    ({{ text }} rlike '{{ pattern | replace("\\", "\\\\") }}')
{%- endmacro %}

{#- Spark's timestamp is an instant shown in the session time zone (UTC, set in the profile): a
    cast applies a text's offset itself and reads a text without one as UTC. -#}
{% macro spark__parse_timestamp_utc(expression) -%}
    {%- set text = "trim(cast(" ~ expression ~ " as " ~ dbt.type_string() ~ "))" -%}
    case
        when {{ text }} is null or {{ text }} = '' then null
        when not {{ text_matches(text, iso_timestamp_pattern()) }} then null
        else {{ guarded_cast(text, dbt.type_timestamp()) }}
    end
{%- endmacro %}
