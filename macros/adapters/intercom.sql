{#- Intercom (as Fivetran lands it) mapped onto the raw contract's vocabularies. Every setting of
    the Intercom adapter is one key of the dict var `intercom`, read here with its default, so a
    workspace's conventions are configured in one place:
      --vars '{source_system: intercom, intercom: {ai_admin_ids: ["4077640"], engineering_teams: [Engineering]}}'
    A value outside a mapping gives null, which the contract checks quarantine with the reason
    (unknown_channel, unknown_priority, unknown_segment, unknown_actor_type). -#}

{#- One setting of the var `intercom`, or its default. A key the adapter does not know stops the
    run (a misspelt setting would otherwise be ignored in silence). -#}
{% macro intercom_setting(name) -%}
    {%- set defaults = {
        'ai_admin_ids': [],
        'automation_bot_ids': [],
        'acknowledgement_patterns': [],
        'packet_note_patterns': {
            'summary': ['%summary:%'],
            'identifiers': ['%identifiers:%'],
            'repro': ['%repro:%'],
            'evidence': ['%evidence:%'],
        },
        'engineering_teams': [],
        'l2_teams': [],
        'technical_teams': [],
        'technical_tags': [],
        'issue_type_attribute': '',
        'issue_type_tag_prefix': '',
        'default_issue_type': 'unclassified',
        'product_area_tag_prefix': '',
        'channel_map': {},
        'plan_segments': {},
        'segment_size_thresholds': [100, 1000],
        'default_segment': '',
    } -%}
    {%- set configured = var('intercom', {}) or {} -%}
    {%- if configured is not mapping -%}
        {{ exceptions.raise_compiler_error(
            "var intercom must be a dict of settings, got: " ~ configured) }}
    {%- endif -%}
    {%- set unknown = configured.keys() | reject('in', defaults.keys() | list) | list -%}
    {%- if unknown -%}
        {{ exceptions.raise_compiler_error(
            "var intercom: unknown setting(s) " ~ unknown | join(', ') ~ "; the settings are "
            ~ defaults.keys() | sort | join(', ')) }}
    {%- endif -%}
    {%- if name not in defaults -%}
        {{ exceptions.raise_compiler_error("intercom_setting: no setting '" ~ name ~ "'") }}
    {%- endif -%}
    {%- set value = configured.get(name, defaults[name]) -%}
    {%- if name == 'packet_note_patterns' -%}
        {#- Each packet field may be given alone; the others keep their default. -#}
        {%- set merged = {} -%}
        {%- do merged.update(defaults[name]) -%}
        {%- do merged.update(value or {}) -%}
        {{ return(merged) }}
    {%- endif -%}
    {{ return(value) }}
{%- endmacro %}

{#- A list of values as SQL string literals (sql_string_literal). -#}
{% macro intercom_literals(values) -%}
    {%- set quoted = [] -%}
    {%- for value in values -%}
        {%- do quoted.append(sql_string_literal(value)) -%}
    {%- endfor -%}
    {{ return(quoted | join(', ')) }}
{%- endmacro %}

{#- True when `expression` is one of `values` (false for an empty list). Ids compare exactly;
    names (`ignore_case`) trimmed and lower-cased on both sides. -#}
{% macro intercom_is_listed(expression, values, ignore_case=false) -%}
    {%- if not values -%}
        false
    {%- elif ignore_case -%}
        coalesce(lower(trim({{ expression }})) in ({{ intercom_literals(values | map('string') | map('trim') | map('lower') | list) }}), false)
    {%- else -%}
        coalesce({{ expression }} in ({{ intercom_literals(values) }}), false)
    {%- endif -%}
{%- endmacro %}

{#- True when the text `expression` matches one of the LIKE `patterns`, case-insensitively (false
    for an empty list or a null text). -#}
{% macro intercom_matches_any(expression, patterns) -%}
    {%- if not patterns -%}
        false
    {%- else -%}
        coalesce(
        {%- for pattern in patterns %}
            lower({{ expression }}) like {{ intercom_literals([pattern | lower]) }}{{ " or" if not loop.last }}
        {%- endfor %}
        , false)
    {%- endif -%}
{%- endmacro %}

{#- The contract channel of a conversation's source type: Messenger conversations are chat, email
    email, social networks and WhatsApp social, phone calls phone. Setting `channel_map` adds or
    overrides entries ({sms: chat}); an unmapped type gives null (quarantined as unknown_channel). -#}
{% macro intercom_channel(source_type) -%}
    {%- set mapping = {
        'conversation': 'chat',
        'chat': 'chat',
        'messenger': 'chat',
        'email': 'email',
        'facebook': 'social',
        'twitter': 'social',
        'instagram': 'social',
        'whatsapp': 'social',
        'phone_call': 'phone',
        'phone_switch': 'phone',
        'phone': 'phone',
    } -%}
    {%- for key, value in (intercom_setting('channel_map') or {}).items() -%}
        {%- do mapping.update({key | string | lower: value}) -%}
    {%- endfor -%}
    case lower({{ source_type }})
    {%- for key, value in mapping.items() | sort %}
        when {{ intercom_literals([key]) }} then {{ intercom_literals([value]) }}
    {%- endfor %}
    end
{%- endmacro %}

{#- Intercom's priority flag: `priority` is high, `not_priority` normal (Intercom has no low or
    urgent); anything else null (quarantined as unknown_priority). -#}
{% macro intercom_priority(priority) -%}
    case lower({{ priority }})
        when 'priority' then 'high'
        when 'not_priority' then 'normal'
    end
{%- endmacro %}

{#- The author or source types that are the customer (a contact): user, lead, contact. -#}
{% macro intercom_is_contact(author_type) -%}
    coalesce(lower({{ author_type }}) in ('user', 'lead', 'contact'), false)
{%- endmacro %}

{#- The tier a team stands for: `engineering` for the teams of setting `engineering_teams`, `l2`
    for those of `l2_teams`, else null (a first-line team). Names compare case-insensitively. -#}
{% macro intercom_team_tier(team_name) -%}
    case
        when {{ intercom_is_listed(team_name, intercom_setting('engineering_teams'), ignore_case=true) }} then 'engineering'
        when {{ intercom_is_listed(team_name, intercom_setting('l2_teams'), ignore_case=true) }} then 'l2'
    end
{%- endmacro %}

{#- The contract actor type of an admin: `ai` for the admins of setting `ai_admin_ids` (the AI
    agent set up as a teammate, e.g. Fin), `engineer` for members of an engineering team, else
    `agent`. `tier` is the admin's tier (intercom_team_tier of their teams). -#}
{% macro intercom_admin_actor_type(admin_id, tier) -%}
    case
        when {{ intercom_is_listed(admin_id, intercom_setting('ai_admin_ids')) }} then 'ai'
        when {{ tier }} = 'engineering' then 'engineer'
        else 'agent'
    end
{%- endmacro %}

{#- The contract actor type of a part's author: contacts are the customer; bots are the AI, except
    the rule-based automation of setting `automation_bot_ids` (Operator, workflows), which is the
    system; admins are ai, engineer or agent (`admin_actor_type`, from intercom__admin_roles; an
    admin missing there is an agent unless listed in `ai_admin_ids`). Another author type gives
    null (quarantined as unknown_actor_type). -#}
{% macro intercom_actor_type(author_type, author_id, admin_actor_type) -%}
    case
        when {{ intercom_is_contact(author_type) }} then 'customer'
        when lower({{ author_type }}) = 'bot' and {{ intercom_is_listed(author_id, intercom_setting('automation_bot_ids')) }}
            then 'system'
        when lower({{ author_type }}) = 'bot' then 'ai'
        when lower({{ author_type }}) = 'admin' and {{ intercom_is_listed(author_id, intercom_setting('ai_admin_ids')) }}
            then 'ai'
        when lower({{ author_type }}) = 'admin' then coalesce({{ admin_actor_type }}, 'agent')
    end
{%- endmacro %}

{#- The part types of each kind, as Intercom names them. -#}
{% macro intercom_part_types(kind) -%}
    {%- set kinds = {
        'comment': ['comment'],
        'note': ['note', 'note_and_reopen'],
        'assignment': ['assignment', 'default_assignment', 'away_mode_assignment', 'assign_and_reopen', 'assign_and_unsnooze'],
        'close': ['close'],
        'snooze': ['snoozed'],
        'open': ['open', 'unsnoozed', 'timer_unsnooze', 'assign_and_reopen', 'note_and_reopen', 'assign_and_unsnooze'],
    } -%}
    {%- if kind not in kinds -%}
        {{ exceptions.raise_compiler_error("intercom_part_types: no kind '" ~ kind ~ "'") }}
    {%- endif -%}
    {{ return(kinds[kind]) }}
{%- endmacro %}

{#- The conversation state a part leaves behind: closed, snoozed or open for the state parts; a
    contact's comment reopens a closed conversation and wakes a snoozed one (Intercom does both,
    without an `open` part); null for a part that does not change the state. -#}
{% macro intercom_state_after(part_type, author_type) -%}
    case
        when lower({{ part_type }}) in ({{ intercom_literals(intercom_part_types('close')) }}) then 'closed'
        when lower({{ part_type }}) in ({{ intercom_literals(intercom_part_types('snooze')) }}) then 'snoozed'
        when lower({{ part_type }}) in ({{ intercom_literals(intercom_part_types('open')) }}) then 'open'
        when
            lower({{ part_type }}) in ({{ intercom_literals(intercom_part_types('comment')) }})
            and {{ intercom_is_contact(author_type) }}
            then 'open'
    end
{%- endmacro %}

{#- The contract status of a state change: a close is `solved` (Intercom has no solved-versus-closed
    distinction), a snooze `pending`, an open after a close `reopened`, else `open`. -#}
{% macro intercom_status(state_after, state_before) -%}
    case
        when {{ state_after }} = 'closed' then 'solved'
        when {{ state_after }} = 'snoozed' then 'pending'
        when {{ state_after }} = 'open' and {{ state_before }} = 'closed' then 'reopened'
        when {{ state_after }} = 'open' then 'open'
    end
{%- endmacro %}

{#- The message kind of a public comment by the AI or a teammate: `acknowledgement` when its body
    matches one of the LIKE patterns of setting `acknowledgement_patterns` (the auto-reply or
    macro text that says "we got your message"), else `answer`. -#}
{% macro intercom_reply_kind(body) -%}
    case
        when {{ intercom_matches_any(body, intercom_setting('acknowledgement_patterns')) }} then 'acknowledgement'
        else 'answer'
    end
{%- endmacro %}

{#- Whether a handoff or escalation note mentions one packet field (summary, identifiers, repro or
    evidence): its body matches one of that field's LIKE patterns (setting
    `packet_note_patterns`, default `%summary:%`, `%identifiers:%`, `%repro:%`, `%evidence:%`). -#}
{% macro intercom_note_has(field, body) -%}
    {%- set patterns = intercom_setting('packet_note_patterns') -%}
    {%- if field not in patterns -%}
        {{ exceptions.raise_compiler_error("intercom_note_has: no packet field '" ~ field ~ "'") }}
    {%- endif -%}
    {{ intercom_matches_any(body, patterns[field]) }}
{%- endmacro %}

{#- A company's segment: from its plan (setting `plan_segments`, plan name to segment), else from
    its size in employees (setting `segment_size_thresholds` [a, b]: below a smb, below b
    mid_market, else enterprise), else setting `default_segment` (empty: null, quarantined as
    unknown_segment). -#}
{% macro intercom_segment(plan_name, size) -%}
    {%- set plans = intercom_setting('plan_segments') or {} -%}
    {%- set thresholds = intercom_setting('segment_size_thresholds') or [] -%}
    {%- set fallback = intercom_setting('default_segment') -%}
    {%- if thresholds and thresholds | length != 2 -%}
        {{ exceptions.raise_compiler_error(
            "var intercom.segment_size_thresholds: give two employee counts [smb_below, mid_market_below], got "
            ~ thresholds) }}
    {%- endif -%}
    {%- if not (plans or thresholds or fallback) -%}
        cast(null as {{ dbt.type_string() }})
    {%- else -%}
    case
    {%- for plan, segment in plans.items() | sort %}
        when lower(trim({{ plan_name }})) = {{ intercom_literals([plan | string | trim | lower]) }} then {{ intercom_literals([segment]) }}
    {%- endfor %}
    {%- if thresholds %}
        when {{ size }} < {{ thresholds[0] | int }} then 'smb'
        when {{ size }} < {{ thresholds[1] | int }} then 'mid_market'
        when {{ size }} >= {{ thresholds[1] | int }} then 'enterprise'
    {%- endif %}
    {%- if fallback %}
        else {{ intercom_literals([fallback]) }}
    {%- endif %}
    end
    {%- endif -%}
{%- endmacro %}

{#- The value after a tag prefix (`issue: billing` with prefix `issue:` gives `billing`), or null
    when the tag does not start with the prefix (case-insensitively) or no prefix is set. -#}
{% macro intercom_tag_value(tag_name, prefix) -%}
    {%- if prefix -%}
        case
            when lower(substr({{ tag_name }}, 1, {{ prefix | length }})) = {{ intercom_literals([prefix | lower]) }}
                then nullif(trim(substr({{ tag_name }}, {{ prefix | length + 1 }})), '')
        end
    {%- else -%}
        cast(null as {{ dbt.type_string() }})
    {%- endif -%}
{%- endmacro %}
