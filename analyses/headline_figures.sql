-- The headline figures of a dataset over its whole span, each from its metric macro: the share
-- of assigned tickets that were reassigned to another queue (misroute_rate), the share of
-- resolved tickets that were reopened (reopen_rate), the median resolution time, and the share of
-- tickets whose customer came back with the same issue type within the repeat window
-- (repeat_contact_rate, var repeat_contact_window_days). The README reports them for the
-- ServiceNow incident log; tests/python/test_source_servicenow.py computes them.
select
    count(*) as tickets,
    {{ misroute_rate('numerator') }} as misrouted_tickets,
    {{ misroute_rate('denominator') }} as assigned_tickets,
    {{ reopen_rate('numerator') }} as reopened_tickets,
    {{ reopen_rate('denominator') }} as ever_resolved_tickets,
    {{ percentile('resolution_minutes', 0.5) }} as median_resolution_minutes,
    {{ repeat_contact_rate('numerator') }} as repeat_contact_tickets,
    {{ repeat_contact_rate('denominator') }} as repeat_contact_base
from {{ ref('fct_tickets') }}
