"""The support metrics dashboard: `streamlit run dashboard/app.py` from the repository root.

Reads the DuckDB file DUCKDB_PATH (default target/support.duckdb) read-only, one connection per query.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

import duckdb  # noqa: E402
import streamlit as st  # noqa: E402

from dashboard import data  # noqa: E402
from dashboard.sidebar import sidebar  # noqa: E402
from dashboard.signals import render_signals  # noqa: E402
from dashboard.views import TITLE, VIEWS  # noqa: E402

# Metric values a little smaller than Streamlit's default, so four of them fit beside a chart; less
# empty space above the title.
STYLE = """<style>
[data-testid='stMetricValue'] { font-size: 1.75rem; }
[data-testid='stMainBlockContainer'] { padding-top: 2.5rem; }
</style>"""
FIX = "Build it from the repository root with `make build`, or point DUCKDB_PATH at a built file."


def database_ready(db: Path) -> bool:
    """Whether the file exists with its marts; otherwise a clear error naming the file and the fix."""
    if not db.is_file():
        st.error(f"No DuckDB database at `{db}`. {FIX}", icon="🚫")
        return False
    missing = data.missing_marts(db)
    if missing:
        st.error(
            f"The DuckDB file `{db}` lacks the marts {', '.join(missing)} (schema {data.SCHEMA}). {FIX}", icon="🚫"
        )
        return False
    return True


def main() -> None:
    st.set_page_config(page_title=TITLE, page_icon="📊", layout="wide")
    st.html(STYLE)
    st.title(TITLE, anchor=False)
    st.caption(
        "Every number is split by support path (AI only, AI → human, human only); the blend of all paths "
        "stands beside the split, never alone."
    )
    db = data.database_path()
    try:
        if not database_ready(db):
            return
        selection = sidebar(db)
        if selection is None:
            return
        view = VIEWS[selection.view]
        ctx = selection.context
        st.header(view.header, anchor=False)
        st.caption(f"{view.summary}  \n**{ctx.period_label}** · {ctx.grain}ly cadence")
        render_signals(ctx)
        view.render(ctx)
    except data.DatabaseBusy as error:
        st.error(
            f"`{db}` is locked by a writer (a `dbt build` is running?). Reload when it has finished.\n\n{error}",
            icon="⏳",
        )
    except duckdb.Error as error:
        st.error(f"Could not read the marts in `{db}`: {error}. {FIX}", icon="🚫")


if __name__ == "__main__":  # streamlit runs the script as __main__; importing it draws nothing
    main()
