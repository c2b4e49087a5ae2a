-- sqlfluff:dialect:postgres
-- (Linted as PostgreSQL: sqlfluff's DuckDB dialect cannot parse GROUPING SETS, which both run.)
-- The metric cells of the quarter grain, for metrics_by_path (see macro metric_cells_for_grain for why
-- each grain is its own model).
{{ metric_cells_for_grain('quarter') }}
