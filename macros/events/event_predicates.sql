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

{#- An answer: a public answer or resolution by one of `actor_types` (default ai, agent,
    engineer). An acknowledgement ("we got your message") is a response but not an answer. -#}
{% macro is_answer_reply(actor_types=['ai', 'agent', 'engineer']) -%}
    ({{ is_public_reply(actor_types) }} and message_kind in ('answer', 'resolution'))
{%- endmacro %}

{#- A handoff or an escalation: the ticket moved past whoever held it. -#}
{% macro is_transfer() -%}
    (event_type in ('handoff', 'escalation'))
{%- endmacro %}

{#- A useful reply: an answer (above), unless it is the AI's and a handoff or escalation follows
    it in its ticket: an AI answer the ticket then had to be handed off or escalated past did not
    resolve anything. A human answer stays useful when an escalation follows it: it is the
    contextual human answer the customer was waiting for, and the wait for engineering's fix is
    measured by resolution time and time to customer-safe answer (an escalated ticket is never a
    first contact resolution). Needs the columns `event_sequence` (event_sequence()) and
    `last_transfer_sequence` (the sequence of the ticket's last handoff or escalation, null
    without one). -#}
{% macro is_useful_reply(actor_types=['ai', 'agent', 'engineer']) -%}
    (
        {{ is_answer_reply(actor_types) }}
        and (actor_type <> 'ai' or last_transfer_sequence is null or event_sequence > last_transfer_sequence)
    )
{%- endmacro %}

{#- AI work in the conversation: a public AI message that is not an acknowledgement (an answer, a
    resolution, a clarifying question). An automatic "we got your message" is not work. -#}
{% macro is_ai_reply() -%}
    ({{ is_public_reply(['ai']) }} and coalesce(message_kind, '') <> 'acknowledgement')
{%- endmacro %}

{#- Human work: anything an agent or engineer did on the ticket except being assigned it (a routing
    assignment names the assignee, it is not work), and any escalation or engineering resolution
    (engineering worked on it, whoever logged the event). -#}
{% macro is_human_work() -%}
    (
        ({{ is_human_actor() }} and event_type <> 'assignment')
        or event_type in ('escalation', 'engineering_resolution')
    )
{%- endmacro %}
