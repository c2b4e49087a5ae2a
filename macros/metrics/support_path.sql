{#- The one support path of a ticket, from its aggregated events:
    - `human_only`: the AI never wrote to the customer (an AI internal note or a silent AI triage
      followed by a handoff does not make the AI a participant);
    - `ai_only`: the AI wrote to the customer, no human (agent or engineer) did, and there was no
      handoff;
    - `ai_to_human`: the AI wrote to the customer, and there was a handoff or a human wrote to the
      customer (also when the human wrote first: the AI took part and a human had to).
    A handoff with no human reply yet is already `ai_to_human`. -#}
{% macro support_path() -%}
    case
        when first_ai_public_message_at is null then 'human_only'
        when handoff_count > 0 or first_human_public_message_at is not null then 'ai_to_human'
        else 'ai_only'
    end
{%- endmacro %}
