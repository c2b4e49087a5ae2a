{#- Aggregates `relation` (a CTE name) into metric cells: one group per period grain (of
    `grains`) x support path (each path and `all`) x segment (each segment type and `all`), with
    grouping sets so the rows are read once, then unpivots `metrics` into one row per cell and
    metric.

    The relation must have the columns period_week, period_month, period_quarter (dates),
    support_path, and one text column per segment type (segment_channel, segment_issue_type,
    segment_is_technical, segment_priority, segment_account_segment), never null, and the
    settlement columns of macro cell_settlement_columns (each cell carries their aggregates and
    its metric's catalog name, from which metrics_by_path says whether the cell is final).

    The CTEs it writes are prefixed with `name`; the last one, `<name>_cells`, holds the result.

    `metrics` is a list of [metric_macro_name, kind]: kind `ratio` emits the macro's numerator
    and denominator; kind `duration` emits `<name>_median` and `<name>_p90` (from the macro's
    `quantiles` part, one aggregate) with the count of rows with a value as denominator.

    With `pre_aggregate_ratios`, the ratio parts are first summed per finest cell (period, path
    and every segment together), and the grouping sets add those partial sums up: far fewer rows
    for the grouping sets to read. Valid because every ratio part is a count or a sum (the metric
    macros' contract; the parity tests would catch a part that is not). Durations always read
    the rows: a median does not add up. -#}
{% macro metric_cells(name, relation, metrics, grains=['week', 'month', 'quarter'], pre_aggregate_ratios=false) -%}
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
    {%- set keys = [] -%}
    {%- for grain in grains %}{% do keys.append('period_' ~ grain) %}{% endfor -%}
    {%- do keys.append('support_path') -%}
    {%- for segment in segments %}{% do keys.append('segment_' ~ segment) %}{% endfor -%}
    {%- set ratios = metrics | selectattr(1, 'equalto', 'ratio') | list -%}
    {%- set durations = metrics | selectattr(1, 'equalto', 'duration') | list -%}
    {%- set families = [] -%}

    {%- if ratios %}
    {%- do families.append('ratio') %}
    {%- if pre_aggregate_ratios %}
    {{ name }}_ratio_fine as (
        select
            {{ keys | join(',\n            ') }},
            {{ metric_cell_settlement('unresolved_rows', 'settles_at') }},
            {%- for metric in ratios %}
            {{ context[metric[0]]('numerator') }} as {{ metric[0] }}__numerator,
            {{ context[metric[0]]('denominator') }} as {{ metric[0] }}__denominator{{ "," if not loop.last }}
            {%- endfor %}
        from {{ relation }}
        group by {{ keys | join(', ') }}
    ),
    {%- endif %}

    {{ name }}_ratio_aggregated as (
        select
            {{ metric_cell_keys(grains) }},
            {%- if pre_aggregate_ratios %}
            {{ metric_cell_settlement('cell_unresolved_rows', 'cell_last_settles_at') }},
            {%- else %}
            {{ metric_cell_settlement('unresolved_rows', 'settles_at') }},
            {%- endif %}
            {%- for metric in ratios %}
            {%- if pre_aggregate_ratios %}
            sum({{ metric[0] }}__numerator) as {{ metric[0] }}__numerator,
            sum({{ metric[0] }}__denominator) as {{ metric[0] }}__denominator{{ "," if not loop.last }}
            {%- else %}
            {{ context[metric[0]]('numerator') }} as {{ metric[0] }}__numerator,
            {{ context[metric[0]]('denominator') }} as {{ metric[0] }}__denominator{{ "," if not loop.last }}
            {%- endif %}
            {%- endfor %}
        from {{ name ~ '_ratio_fine' if pre_aggregate_ratios else relation }}
        group by grouping sets (
            {{ grouping_sets | join(',\n            ') }}
        )
    ),
    {%- endif %}

    {%- if durations %}
    {%- do families.append('duration') %}
    {{ name }}_duration_aggregated as (
        select
            {{ metric_cell_keys(grains) }},
            {{ metric_cell_settlement('unresolved_rows', 'settles_at') }},
            {%- for metric in durations %}
            {{ context[metric[0]]('count') }} as {{ metric[0] }}__count,
            {{ context[metric[0]]('quantiles') }} as {{ metric[0] }}__quantiles{{ "," if not loop.last }}
            {%- endfor %}
        from {{ relation }}
        group by grouping sets (
            {{ grouping_sets | join(',\n            ') }}
        )
    ),
    {%- endif %}

    {%- for family in families %}
    {{ name }}_{{ family }}_labelled as (
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
        from {{ name }}_{{ family }}_aggregated
        -- A group of rows that carry no period of the set's grain (see metric_dimensions).
        where coalesce(period_week, period_month, period_quarter) is not null
    ),
    {%- endfor %}

    {%- set cells = [] %}
    {%- for metric in ratios %}
        {%- do cells.append(['ratio', metric[0], metric[0] ~ '__numerator', metric[0] ~ '__denominator',
            safe_divide(metric[0] ~ '__numerator', metric[0] ~ '__denominator'), metric[0]]) %}
    {%- endfor %}
    {%- for metric in durations %}
        {%- do cells.append(['duration', metric[0] ~ '_median', 'null', metric[0] ~ '__count',
            array_element(metric[0] ~ '__quantiles', 1), metric[0]]) %}
        {%- do cells.append(['duration', metric[0] ~ '_p90', 'null', metric[0] ~ '__count',
            array_element(metric[0] ~ '__quantiles', 2), metric[0]]) %}
    {%- endfor %}

    {{ name }}_cells as (
        {%- for cell in cells %}
        select
            period_grain,
            period_start,
            path_label as support_path,
            segment_type,
            segment_value,
            '{{ cell[1] }}' as metric_name,
            cast({{ cell[2] }} as {{ type_double() }}) as numerator,
            cast({{ cell[3] }} as {{ type_double() }}) as denominator,
            cast({{ cell[4] }} as {{ type_double() }}) as metric_value,
            '{{ cell[5] }}' as catalog_metric_name,
            cell_unresolved_rows,
            cell_last_settles_at
        from {{ name }}_{{ cell[0] }}_labelled
        {%- if not loop.last %}
        union all
        {%- endif %}
        {%- endfor %}
    )
{%- endmacro %}

{#- The settlement aggregates of a cell (see macro cell_final_at): how many of its rows are not
    resolved yet, and when the last of them settles. A count and a maximum, so they add up from
    the finest cells like the ratio parts. -#}
{% macro metric_cell_settlement(unresolved_rows, settles_at) -%}
    sum({{ unresolved_rows }}) as cell_unresolved_rows,
    max({{ settles_at }}) as cell_last_settles_at
{%- endmacro %}

{#- The key columns of a metric_cells aggregation: the period of each grain (null for a grain
    not computed here), the path and the segments. -#}
{% macro metric_cell_keys(grains) -%}
    {%- for grain in ['week', 'month', 'quarter'] %}
    {% if grain in grains %}period_{{ grain }}{% else %}cast(null as date) as period_{{ grain }}{% endif %},
    {%- endfor %}
    support_path,
    {%- for segment in metric_segment_types() %}
    segment_{{ segment }}{{ "," if not loop.last }}
    {%- endfor %}
{%- endmacro %}

{#- The segment types of the path-segmented metric tables, besides `all`. -#}
{% macro metric_segment_types() -%}
    {{ return(['channel', 'issue_type', 'is_technical', 'priority', 'account_segment']) }}
{%- endmacro %}

{#- The period and segment columns metric_cells groups by, for a relation with the ticket
    attributes: periods from `timestamp_column`. With `only_grain_column`, a row carries only the
    period of the grain that column names (null for the others), so that it counts in that
    grain alone (the backlog's period-end snapshots). With `path_column` none the relation
    already has its `support_path` column (selected with `*`), which is not repeated. -#}
{% macro metric_dimensions(timestamp_column, path_column='support_path', only_grain_column=none) -%}
    {%- for grain in ['week', 'month', 'quarter'] %}
    {%- set period = 'cast(' ~ dbt.date_trunc(grain, timestamp_column) ~ ' as date)' %}
    {%- if only_grain_column %}
    case when {{ only_grain_column }} = '{{ grain }}' then {{ period }} end as period_{{ grain }},
    {%- else %}
    {{ period }} as period_{{ grain }},
    {%- endif %}
    {%- endfor %}
    {%- if path_column %}
    {{ path_column }} as support_path,
    {%- endif %}
    channel as segment_channel,
    issue_type as segment_issue_type,
    case when is_technical then 'technical' else 'non_technical' end as segment_is_technical,
    priority as segment_priority,
    coalesce(account_segment, 'unknown') as segment_account_segment
{%- endmacro %}
