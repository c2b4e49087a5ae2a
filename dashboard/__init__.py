"""A Streamlit dashboard over the DuckDB marts: every metric split by support path, the blend beside."""
