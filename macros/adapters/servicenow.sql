{#- ServiceNow's vocabularies mapped onto the raw contract's (docs/DECISIONLOG.md, "Source
    systems"). A value outside a mapping gives null, which the contract checks quarantine with
    the reason (unknown_channel, unknown_priority, unknown_status). -#}

{% macro servicenow_channel(column) -%}
    case {{ column }}
        when 'Phone' then 'phone'
        when 'IVR' then 'phone'
        when 'Email' then 'email'
        when 'Self service' then 'web'
        when 'Direct opening' then 'web'
    end
{%- endmacro %}

{% macro servicenow_priority(column) -%}
    case {{ column }}
        when '1 - Critical' then 'urgent'
        when '2 - High' then 'high'
        when '3 - Moderate' then 'normal'
        when '4 - Low' then 'low'
    end
{%- endmacro %}

{#- An incident is technical (IT operations) unless its category is listed in the var
    `servicenow_non_technical_categories` (default none). -#}
{% macro servicenow_is_technical(column) -%}
    {%- set non_technical = var('servicenow_non_technical_categories', []) -%}
    {%- if non_technical -%}
        {%- set literals = [] -%}
        {%- for category in non_technical -%}{%- do literals.append(sql_string_literal(category)) -%}{%- endfor %}
        coalesce({{ column }} not in ({{ literals | join(', ') }}), true)
    {%- else -%}
        true
    {%- endif -%}
{%- endmacro %}

{#- The contract status an incident state stands for; a state after a reopen is `reopened`. -#}
{% macro servicenow_status(state_column, reopened) -%}
    case
        when {{ reopened }} then 'reopened'
        when {{ state_column }} in ('New', 'Active') then 'open'
        when {{ state_column }} like 'Awaiting %' then 'pending'
        when {{ state_column }} = 'Resolved' then 'solved'
        when {{ state_column }} = 'Closed' then 'closed'
    end
{%- endmacro %}
