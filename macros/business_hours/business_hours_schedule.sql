{#- The support schedule from the `business_hours` var, checked, as a dict: time_zone (IANA name),
    working_days (ISO numbers, 1 = Monday), start_hour and end_hour (local, 0-24), and
    seconds_per_day. Default: Monday to Friday, 09:00-17:00 UTC. -#}
{% macro business_hours_schedule() -%}
    {%- set defaults = {'time_zone': 'UTC', 'working_days': [1, 2, 3, 4, 5], 'start_hour': 9, 'end_hour': 17} -%}
    {%- set configured = var('business_hours', {}) -%}
    {%- set schedule = {} -%}
    {%- for key, value in defaults.items() -%}
        {%- do schedule.update({key: configured.get(key, value)}) -%}
    {%- endfor -%}
    {%- if not (0 <= schedule.start_hour < schedule.end_hour <= 24) -%}
        {{ exceptions.raise_compiler_error(
            "var business_hours: start_hour and end_hour must satisfy 0 <= start_hour < end_hour <= 24, got "
            ~ schedule.start_hour ~ " and " ~ schedule.end_hour) }}
    {%- endif -%}
    {%- for day in schedule.working_days if day not in [1, 2, 3, 4, 5, 6, 7] -%}
        {{ exceptions.raise_compiler_error(
            "var business_hours: working_days are ISO day numbers 1 (Monday) to 7 (Sunday), got " ~ day) }}
    {%- endfor -%}
    {%- do schedule.update({'seconds_per_day': ((schedule.end_hour - schedule.start_hour) * 3600) | int}) -%}
    {{ return(schedule) }}
{%- endmacro %}

{#- The business clock of a UTC timestamp column: business seconds elapsed since the calendar began.
    `calendar` is the alias of util_business_calendar joined on the timestamp's local date (see
    `business_local_date`). The difference of two clocks is the business time between them. -#}
{% macro business_clock_seconds(utc_timestamp, calendar) -%}
    {%- set schedule = business_hours_schedule() -%}
    {%- set local_ts = to_local_timestamp(utc_timestamp, schedule.time_zone) -%}
    {%- set since_midnight = elapsed_seconds('cast(cast(' ~ local_ts ~ ' as date) as ' ~ dbt.type_timestamp() ~ ')', local_ts) -%}
    (
        {{ calendar }}.business_seconds_before
        + case
            when not {{ calendar }}.is_working_day then 0
            when {{ since_midnight }} <= {{ schedule.start_hour * 3600 }} then 0
            when {{ since_midnight }} >= {{ schedule.end_hour * 3600 }} then {{ schedule.seconds_per_day }}
            else {{ since_midnight }} - {{ schedule.start_hour * 3600 }}
        end
    )
{%- endmacro %}

{#- The local calendar date of a UTC timestamp under the support schedule's time zone. -#}
{% macro business_local_date(utc_timestamp) -%}
    cast({{ to_local_timestamp(utc_timestamp, business_hours_schedule().time_zone) }} as date)
{%- endmacro %}
