{#- Aggregates `relation` (a CTE name) into metric cells: one group per period grain x support path
    (each path and `all`) x segment (each segment type and `all`), with grouping sets so the rows
    are read once, then unpivots `metrics` into one row per cell and metric.

    The relation must have the columns period_week, period_month, period_quarter (dates),
    support_path, and one text column per segment type (segment_channel, segment_issue_type,
    segment_is_technical, segment_priority, segment_account_segment), never null.

    The CTEs it writes are prefixed with `name`; the last one, `<name>_cells`, holds the result.

    `metrics` is a list of [metric_macro_name, kind]: kind `ratio` emits the macro's numerator
    and denominator; kind `duration` emits `<name>_median` and `<name>_p90` with the count of
    rows with a value as denominator. -#}
{% macro metric_cells(name, relation, metrics) -%}
    {%- set grains = ['week', 'month', 'quarter'] -%}
    {%- set segments = metric_segment_types() -%}
    {%- set grouping_sets = [] -%}
    {%- for grain in grains -%}
        {%- for path in [true, false] -%}
            {%- for segment in [none] + segments -%}
                {%- set columns = ['period_' ~ grain] -%}
                {%- if path %}{% do columns.append('support_path') %}{% endif -%}
                {%- if segment %}{% do columns.append('segment_' ~ segment) %}{% endif -%}
                {%- do grouping_sets.append('(' ~ columns | join(', ') ~ ')') -%}
            {%- endfor -%}
        {%- endfor -%}
    {%- endfor -%}
    {{ name }}_aggregated as (
        select
            period_week,
            period_month,
            period_quarter,
            support_path,
            {%- for segment in segments %}
            segment_{{ segment }},
            {%- endfor %}
            {%- for metric in metrics %}
            {%- set macro_fn = context[metric[0]] %}
            {%- if metric[1] == 'ratio' %}
            {{ macro_fn('numerator') }} as {{ metric[0] }}__numerator,
            {{ macro_fn('denominator') }} as {{ metric[0] }}__denominator{{ "," if not loop.last }}
            {%- else %}
            {{ macro_fn('count') }} as {{ metric[0] }}__count,
            {{ macro_fn('median') }} as {{ metric[0] }}__median,
            {{ macro_fn('p90') }} as {{ metric[0] }}__p90{{ "," if not loop.last }}
            {%- endif %}
            {%- endfor %}
        from {{ relation }}
        group by grouping sets (
            {{ grouping_sets | join(',\n            ') }}
        )
    ),

    {{ name }}_labelled as (
        select
            *,
            case
                when period_week is not null then 'week'
                when period_month is not null then 'month'
                else 'quarter'
            end as period_grain,
            coalesce(period_week, period_month, period_quarter) as period_start,
            coalesce(support_path, 'all') as path_label,
            case
                {%- for segment in segments %}
                when segment_{{ segment }} is not null then '{{ segment }}'
                {%- endfor %}
                else 'all'
            end as segment_type,
            coalesce(
                {%- for segment in segments %}
                segment_{{ segment }},
                {%- endfor %}
                'all'
            ) as segment_value
        from {{ name }}_aggregated
        -- A group of rows that carry no period of the set's grain (see metric_dimensions).
        where coalesce(period_week, period_month, period_quarter) is not null
    ),

    {%- set cells = [] %}
    {%- for metric in metrics %}
        {%- if metric[1] == 'ratio' %}
            {%- do cells.append([metric[0], metric[0] ~ '__numerator', metric[0] ~ '__denominator',
                safe_divide(metric[0] ~ '__numerator', metric[0] ~ '__denominator')]) %}
        {%- else %}
            {%- do cells.append([metric[0] ~ '_median', 'null', metric[0] ~ '__count', metric[0] ~ '__median']) %}
            {%- do cells.append([metric[0] ~ '_p90', 'null', metric[0] ~ '__count', metric[0] ~ '__p90']) %}
        {%- endif %}
    {%- endfor %}

    {{ name }}_cells as (
        {%- for cell in cells %}
        select
            period_grain,
            period_start,
            path_label as support_path,
            segment_type,
            segment_value,
            '{{ cell[0] }}' as metric_name,
            cast({{ cell[1] }} as {{ type_double() }}) as numerator,
            cast({{ cell[2] }} as {{ type_double() }}) as denominator,
            cast({{ cell[3] }} as {{ type_double() }}) as metric_value
        from {{ name }}_labelled
        {%- if not loop.last %}
        union all
        {%- endif %}
        {%- endfor %}
    )
{%- endmacro %}

{#- The segment types of the path-segmented metric tables, besides `all`. -#}
{% macro metric_segment_types() -%}
    {{ return(['channel', 'issue_type', 'is_technical', 'priority', 'account_segment']) }}
{%- endmacro %}

{#- The period and segment columns metric_cells groups by, for a relation with the ticket
    attributes: periods from `timestamp_column`. With `only_grain_column`, a row carries only the
    period of the grain that column names (null for the others), so that it counts in that
    grain alone (the backlog's period-end snapshots). -#}
{% macro metric_dimensions(timestamp_column, path_column='support_path', only_grain_column=none) -%}
    {%- for grain in ['week', 'month', 'quarter'] %}
    {%- set period = 'cast(' ~ dbt.date_trunc(grain, timestamp_column) ~ ' as date)' %}
    {%- if only_grain_column %}
    case when {{ only_grain_column }} = '{{ grain }}' then {{ period }} end as period_{{ grain }},
    {%- else %}
    {{ period }} as period_{{ grain }},
    {%- endif %}
    {%- endfor %}
    {{ path_column }} as support_path,
    channel as segment_channel,
    issue_type as segment_issue_type,
    case when is_technical then 'technical' else 'non_technical' end as segment_is_technical,
    priority as segment_priority,
    coalesce(account_segment, 'unknown') as segment_account_segment
{%- endmacro %}
