{#- The one ordering rule for the events of a ticket. Events are ordered by time; events at the
    same instant by their place in a ticket's life (the rank below), then by event_id, so that
    every model that orders events (the per-ticket aggregation, the status and queue intervals of
    the backlog, the escalation windows) sees the same sequence. Within one instant:
      1 the customer writes (the question comes before anything answers it),
      2 routing (an assignment),
      3 work: replies and notes by ai, agent or engineer, evidence, problem confirmed, workflows,
      4 a handoff or an escalation (an answer at the instant of a handoff was handed off past),
      5 what the receiver does about it: a context request, an engineering resolution,
      6 a status change to open or pending, 7 to solved, 8 to closed, 9 to reopened
        (a ticket opened and solved at one instant is solved; solved and reopened at one
        instant is reopened: a reopen can only follow a solve).
    The conditions read the columns of int_ticket_events_conformed. -#}
{% macro event_tie_rank() -%}
    (case
        when event_type = 'message' and actor_type = 'customer' then 1
        when event_type = 'assignment' then 2
        when event_type in ('handoff', 'escalation') then 4
        when event_type in ('context_request', 'engineering_resolution') then 5
        when event_type = 'status_change' and status = 'solved' then 7
        when event_type = 'status_change' and status = 'closed' then 8
        when event_type = 'status_change' and status = 'reopened' then 9
        when event_type = 'status_change' then 6
        else 3
    end)
{%- endmacro %}

{#- The ORDER BY list of the rule: time, rank at the same instant, event_id. -#}
{% macro event_order() -%}
    occurred_at, {{ event_tie_rank() }}, event_id
{%- endmacro %}

{#- Each event's position in its ticket (1, 2, ...), by the rule. -#}
{% macro event_sequence() -%}
    row_number() over (partition by ticket_id order by {{ event_order() }})
{%- endmacro %}

{#- Status changes that start a resolution: a solved or closed status whose previous status (by
    the rule) was not solved or closed; `previous_status` is that previous status (null for the
    first). A `closed` after `solved` is bookkeeping, not a new resolution. -#}
{% macro is_resolution_start() -%}
    (status in ('solved', 'closed') and coalesce(previous_status, 'open') not in ('solved', 'closed'))
{%- endmacro %}

{#- Status changes that are a reopen: an explicit `reopened` status, or an open or pending status
    right after a solved or closed one (solved -> open -> solved is a reopen). -#}
{% macro is_reopen() -%}
    (
        status = 'reopened'
        or (status in ('open', 'pending') and coalesce(previous_status, 'open') in ('solved', 'closed'))
    )
{%- endmacro %}
