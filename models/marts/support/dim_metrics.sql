-- One row per metric of the catalog: what BI tools and the dashboard show beside a number (its
-- label, definition, owner, direction, cadence and the action it should trigger). The catalog
-- seed lives outside the marts schema that BI readers are granted; this mart is their copy.
select
    metric_name,
    label,
    definition,
    unit,
    direction,
    owner,
    cadence,
    grain,
    kind,
    action,
    threshold_on,
    threshold_scope,
    cast(warn_threshold as {{ type_double() }}) as warn_threshold,
    cast(error_threshold as {{ type_double() }}) as error_threshold
from {{ ref('metric_catalog') }}
