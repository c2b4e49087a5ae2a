{#- Zendesk (as Fivetran lands it) mapped onto the raw contract (docs/DECISIONLOG.md, "Source
    systems"). Every per-installation choice is one key of the dict var `zendesk`, read here with
    its default; a key this adapter does not know stops the run, so a typo cannot pass silently.
    A value outside a mapping gives null, which the contract checks quarantine with the reason
    (unknown_channel, unknown_priority, unknown_status, unknown_actor_type, ...). -#}

{#- The defaults of every key of var `zendesk`. -#}
{% macro zendesk_setting_defaults() -%}
    {{ return({
        'bot_user_ids': [],
        'ai_user_tags': [],
        'ai_comment_via_channels': [
            'answer_bot', 'answer_bot_api', 'answer_bot_for_agents', 'answer_bot_for_sdk',
            'answer_bot_for_slack', 'answer_bot_for_web_widget'],
        'acknowledgement_patterns': [],
        'handoff_patterns': [],
        'packet_patterns': {},
        'default_issue_type': 'unspecified',
        'issue_type_tag_prefix': '',
        'product_area_tag_prefix': '',
        'default_priority': 'normal',
        'technical_ticket_types': ['problem', 'incident'],
        'technical_tags': [],
        'l2_group_names': [],
        'engineering_group_names': [],
        'segment_tag_prefix': '',
        'csat_scores': {'good': 5, 'bad': 1},
        'channel_map': {},
    }) }}
{%- endmacro %}

{#- One key of var `zendesk`, or its default. -#}
{% macro zendesk_setting(name) -%}
    {%- set defaults = zendesk_setting_defaults() -%}
    {%- set given = var('zendesk', {}) or {} -%}
    {%- set unknown = given.keys() | reject('in', defaults.keys() | list) | list -%}
    {%- if unknown -%}
        {{ exceptions.raise_compiler_error(
            "var zendesk: unknown key(s) " ~ unknown | join(', ') ~ "; the keys are "
            ~ defaults.keys() | list | join(', ') ~ " (see dbt_project.yml)") }}
    {%- endif -%}
    {%- if name not in defaults -%}
        {{ exceptions.raise_compiler_error("zendesk_setting: no key '" ~ name ~ "'") }}
    {%- endif -%}
    {%- set value = given.get(name, defaults[name]) -%}
    {%- if name == 'packet_patterns' -%}
        {%- set fields = ['summary', 'identifiers', 'repro', 'evidence'] -%}
        {%- set bad_fields = value.keys() | reject('in', fields) | list -%}
        {%- if bad_fields -%}
            {{ exceptions.raise_compiler_error(
                "var zendesk: packet_patterns has unknown field(s) " ~ bad_fields | join(', ')
                ~ "; the fields are " ~ fields | join(', ')) }}
        {%- endif -%}
    {%- endif -%}
    {{ return(value) }}
{%- endmacro %}

{#- A setting's value as a SQL string literal (sql_string_literal). -#}
{% macro zendesk_literal(value) -%}
    {{ sql_string_literal(value ~ "") }}
{%- endmacro %}

{#- `expression in (values)` with the values as text literals (lower-cased when `lowercase`, for
    tags and names compared with lower(...)); false for an empty list. -#}
{% macro zendesk_in_list(expression, values, lowercase=true) -%}
    {%- if values | length == 0 -%}
        false
    {%- else -%}
        ({{ expression }} in (
            {%- for value in values -%}
                {{ zendesk_literal((value ~ '') | lower if lowercase else value) }}{{ ", " if not loop.last }}
            {%- endfor -%}
        ))
    {%- endif -%}
{%- endmacro %}

{#- True when the text matches one of the LIKE `patterns`, case-insensitively (`%` any text, `_`
    one character); false for no patterns or a null text. -#}
{% macro zendesk_matches_any(expression, patterns) -%}
    {%- if patterns | length == 0 -%}
        false
    {%- else -%}
        coalesce(
            {%- for pattern in patterns %}
            lower({{ expression }}) like {{ zendesk_literal(pattern | lower) }}{{ " or" if not loop.last }}
            {%- endfor %},
            false
        )
    {%- endif -%}
{%- endmacro %}

{#- The rest of a tag after `prefix` (a tag `issue_billing` with prefix `issue_` gives `billing`),
    null when the tag lacks the prefix or no prefix is configured. Zendesk writes a tag for each
    option of a drop-down ticket or organisation field, which is how a field reaches the tags. -#}
{% macro zendesk_tag_value(tag_expression, prefix) -%}
    {%- if not prefix -%}
        cast(null as {{ dbt.type_string() }})
    {%- else -%}
        case
            when
                substr({{ tag_expression }}, 1, {{ prefix | length }}) = {{ zendesk_literal(prefix | lower) }}
                and length({{ tag_expression }}) > {{ prefix | length }}
                then substr({{ tag_expression }}, {{ prefix | length + 1 }})
        end
    {%- endif -%}
{%- endmacro %}

{#- A ticket's via channel as a contract channel: email; web, the API and forms web; chat and
    messaging chat; voice phone; social networks social. Var key `channel_map` adds or overrides
    values ({via value: contract channel}); anything else is null (quarantined unknown_channel). -#}
{% macro zendesk_channel(column) -%}
    {%- set mapping = {
        'email': 'email',
        'web': 'web', 'web_form': 'web', 'web_widget': 'web', 'api': 'web', 'mobile': 'web',
        'mobile_sdk': 'web', 'help_center': 'web',
        'chat': 'chat', 'native_messaging': 'chat', 'sunshine_conversations_api': 'chat', 'sms': 'chat',
        'voice': 'phone',
        'twitter': 'social', 'facebook': 'social', 'instagram_dm': 'social', 'whatsapp': 'social',
        'line': 'social', 'wechat': 'social', 'telegram': 'social', 'viber': 'social',
        'kakaotalk': 'social', 'apple_business_chat': 'social', 'google_business_messages': 'social',
    } -%}
    {%- for via, channel in zendesk_setting('channel_map').items() -%}
        {%- do mapping.update({(via ~ '') | lower: channel}) -%}
    {%- endfor -%}
    case lower({{ column }})
        {%- for via, channel in mapping.items() | sort %}
        when {{ zendesk_literal(via) }} then {{ zendesk_literal(channel) }}
        {%- endfor %}
    end
{%- endmacro %}

{#- A Zendesk status as the contract's, before reopens are marked: new and open are open, pending
    and hold (on-hold) pending, solved solved, closed closed; anything else (deleted) null. -#}
{% macro zendesk_status(column) -%}
    case lower({{ column }})
        when 'new' then 'open'
        when 'open' then 'open'
        when 'pending' then 'pending'
        when 'hold' then 'pending'
        when 'on-hold' then 'pending'
        when 'solved' then 'solved'
        when 'closed' then 'closed'
    end
{%- endmacro %}

{#- The support tier a group stands for: 2 for an engineering group (var key
    `engineering_group_names`), 1 for a tier-2 group (`l2_group_names`), else 0. Moving a ticket
    into a group of a higher tier than its previous group is an escalation. -#}
{% macro zendesk_group_tier_rank(name_column) -%}
    case
        when {{ zendesk_in_list('lower(' ~ name_column ~ ')', zendesk_setting('engineering_group_names')) }} then 2
        when {{ zendesk_in_list('lower(' ~ name_column ~ ')', zendesk_setting('l2_group_names')) }} then 1
        else 0
    end
{%- endmacro %}

{#- A satisfaction rating (field history value good or bad, also the older good_with_comment and
    bad_with_comment) as a CSAT score on the contract's 1-5 scale (var key `csat_scores`,
    default good 5, bad 1); another value gives null. -#}
{% macro zendesk_csat_score(value_column) -%}
    {%- set scores = zendesk_setting('csat_scores') -%}
    case
        when lower({{ value_column }}) in ('good', 'good_with_comment') then {{ scores.get('good', 5) | int }}
        when lower({{ value_column }}) in ('bad', 'bad_with_comment') then {{ scores.get('bad', 1) | int }}
    end
{%- endmacro %}

{#- Whether a Zendesk raw table, as this run reads it (the `zendesk` source's table, or its file
    in raw_dir), has a column that not every Fivetran landing carries. False at parse time. -#}
{% macro zendesk_has_column(table_name, column) -%}
    {%- if not execute -%}{{ return(false) }}{%- endif -%}
    {%- set raw_dir = var('raw_dir', '') -%}
    {%- set present = [] -%}
    {%- if raw_dir -%}
        {%- set described = run_query("describe select * from " ~ read_raw_file(table_name, raw_dir, 'zendesk')) -%}
        {%- for name in described.columns[0].values() -%}
            {%- do present.append(name | lower) -%}
        {%- endfor -%}
    {%- else -%}
        {%- set relation = source('zendesk', table_name) -%}
        {%- set found = adapter.get_relation(
            database=relation.database, schema=relation.schema, identifier=relation.identifier) -%}
        {%- if found is not none -%}
            {%- for col in adapter.get_columns_in_relation(found) -%}
                {%- do present.append(col.name | lower) -%}
            {%- endfor -%}
        {%- endif -%}
    {%- endif -%}
    {{ return(column | lower in present) }}
{%- endmacro %}

{#- An optional column of a Zendesk raw table as trimmed text: the column where the landing has
    it, else null. -#}
{% macro zendesk_optional_column(table_name, column) -%}
    {%- if zendesk_has_column(table_name, column) -%}
        {{ clean_text(column) }}
    {%- else -%}
        cast(null as {{ dbt.type_string() }})
    {%- endif -%}
{%- endmacro %}
