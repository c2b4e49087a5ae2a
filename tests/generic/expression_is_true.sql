{#- Fails with the rows for which `expression` is false (null passes: a missing value is not a
    broken one; pair with not_null where it must be present). On a column, `column_name` is put in
    front of the expression (`expression: ">= 0"`); on a model the expression stands alone. -#}
{% test expression_is_true(model, expression, column_name=none) %}

select *
from {{ model }}
where not ({{ column_name ~ ' ' if column_name }}{{ expression }})

{% endtest %}
