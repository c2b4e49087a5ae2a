{#- Event-level definitions shared by every metric. Each returns a SQL condition on one row of
    int_ticket_events_conformed (or a model with the same columns). -#}

{#- The actor types that count as a human: people answering tickets, never the AI. -#}
{% macro human_actor_types() -%}
    {{ return(['agent', 'engineer']) }}
{%- endmacro %}

{#- The event was made by a human (agent or engineer). -#}
{% macro is_human_actor() -%}
    (actor_type in ('{{ human_actor_types() | join("', '") }}'))
{%- endmacro %}

{#- A public message by one of `actor_types` (default: anyone answering: ai, agent, engineer). -#}
{% macro is_public_reply(actor_types=['ai', 'agent', 'engineer']) -%}
    (event_type = 'message' and is_public and actor_type in ('{{ actor_types | join("', '") }}'))
{%- endmacro %}

{#- A useful reply: a public answer or resolution by one of `actor_types` (default ai, agent,
    engineer). An acknowledgement ("we got your message") is a response but not useful. -#}
{% macro is_useful_reply(actor_types=['ai', 'agent', 'engineer']) -%}
    ({{ is_public_reply(actor_types) }} and message_kind in ('answer', 'resolution'))
{%- endmacro %}
