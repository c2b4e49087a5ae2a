"""The Streamlit dashboard, driven without a browser (streamlit.testing.v1.AppTest): every view
renders the split by path with the blend beside it, the signals and the metric catalog's words;
a missing or unbuilt file gives a clear error; and the pure helpers behind it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard import cards, data
from dashboard.catalog import catalog_from_records, threshold_status, threshold_text
from dashboard.formatting import PATH_LABELS, PATHS, format_change, format_value, is_no_change
from dashboard.periods import is_complete, latest_complete_period, period_end, period_label
from dashboard.views import VIEWS
from dbt_project_runner import PROJECT_DIR

pytest_plugins = ["dashboard_fixtures"]

APP = PROJECT_DIR / "dashboard" / "app.py"
TIMEOUT = 120
VIEW_METRICS = {
    "Customer": ("csat", "ces", "nps", "repeat_contact_rate"),
    "Workflow": ("first_useful_reply_time", "time_to_first_evidence", "misroute_rate", "backlog_age"),
    "AI": ("ai_containment_rate", "ai_resolution_rate", "handoff_rate", "handoff_quality_rate"),
    "Human": (
        "first_contact_resolution_rate",
        "escalation_rework_rate",
        "engineering_interruption_rate",
        "solve_without_engineering_rate",
    ),
}
SPLIT_LABELS = [PATH_LABELS[path] for path in PATHS]
BLEND_LABEL = PATH_LABELS[data.BLEND]


def _app(db: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv("DUCKDB_PATH", str(db))
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.run()
    return at


def _show(at: AppTest, view: str) -> AppTest:
    at.sidebar.radio(key="view").set_value(view).run()
    assert not at.exception, [exception.value for exception in at.exception]
    return at


def _catalog(db: Path) -> dict[str, tuple[str, str, str]]:
    with duckdb.connect(str(db), read_only=True) as connection:
        rows = connection.execute("select metric_name, label, definition, owner from main_marts.dim_metrics").fetchall()
    return {name: (label, definition, owner) for name, label, definition, owner in rows}


@pytest.mark.parametrize("view", list(VIEW_METRICS))
def test_every_view_renders_its_metrics_split_by_path(dashboard_db: Path, monkeypatch, view: str) -> None:
    at = _show(_app(dashboard_db, monkeypatch), view)
    assert [header.value for header in at.header] == [VIEWS[view].header]
    subheaders = [subheader.value for subheader in at.subheader]
    captions = "\n".join(caption.value for caption in at.caption)
    catalog = _catalog(dashboard_db)
    for metric in VIEW_METRICS[view]:
        label, definition, owner = catalog[metric]
        assert label in subheaders, f"{view}: no card for {metric} ({label}) in {subheaders}"
        assert definition in captions, f"{view}: the definition of {metric} is not shown"
        assert f"**Owner:** {owner}" in captions, f"{view}: the owner of {metric} is not shown"
    labels = [metric.label for metric in at.metric]
    for path_label in SPLIT_LABELS:
        assert path_label in labels, f"{view}: no value for path {path_label}"
    # The blend stands beside the split, never alone: one blend value per row of three paths.
    assert labels.count(BLEND_LABEL) > 0
    assert all(labels.count(path_label) == labels.count(BLEND_LABEL) for path_label in SPLIT_LABELS), labels
    rows = [labels[index : index + 4] for index in range(0, len(labels), 4)]
    assert all(row == [*SPLIT_LABELS, BLEND_LABEL] for row in rows), rows
    assert any(subheader.startswith("Active signals") for subheader in subheaders)
    assert at.warning or at.success, "no signal box (active signals or the all-clear)"


def test_ai_view_lists_the_failed_handoffs(dashboard_db: Path, monkeypatch) -> None:
    at = _show(_app(dashboard_db, monkeypatch), "AI")
    assert "Failed handoffs to review" in [subheader.value for subheader in at.subheader]
    assert len(at.dataframe) == 1
    table = at.dataframe[0].value
    assert len(table) > 0
    assert {"Escalated at", "Kind", "Path", "Ticket", "Why to review", "Packet completeness"} <= set(table.columns)
    assert set(table["Path"]) <= set(PATH_LABELS.values())


def test_signals_of_the_selected_week_lead_every_view(dashboard_db: Path, monkeypatch) -> None:
    with duckdb.connect(str(dashboard_db), read_only=True) as connection:
        week, count = connection.execute(
            "select week_start, count(*) from main_marts.support_signals group by 1 order by 1 desc limit 1"
        ).fetchone()
    at = _app(dashboard_db, monkeypatch)
    at.sidebar.radio(key="cadence").set_value("week").run()
    at.sidebar.selectbox(key="period_week").set_value(week).run()
    for view in VIEW_METRICS:
        _show(at, view)
        assert f"Active signals · {period_label(week, 'week')}" in [subheader.value for subheader in at.subheader]
        signals = [box.value for box in at.warning if "**Owner:**" in box.value]
        assert len(signals) == count, f"{view}: {signals}"


def test_default_period_is_the_latest_complete_one(dashboard_db: Path, monkeypatch) -> None:
    at = _app(dashboard_db, monkeypatch)
    assert not at.exception
    assert at.sidebar.radio(key="cadence").value == "month"
    end = data.data_end(dashboard_db)
    starts = data.period_starts(dashboard_db, "month")
    chosen = at.sidebar.selectbox(key="period_month").value
    assert chosen == latest_complete_period(starts, "month", end)
    assert is_complete(chosen, "month", end)
    assert all(not is_complete(start, "month", end) for start in starts if start > chosen)


@pytest.mark.parametrize(
    ("cadence", "segment"), [("week", ("channel", "chat")), ("quarter", ("is_technical", "technical"))]
)
def test_cadence_and_segment_selectors(dashboard_db: Path, monkeypatch, cadence: str, segment: tuple[str, str]) -> None:
    at = _app(dashboard_db, monkeypatch)
    at.sidebar.radio(key="cadence").set_value(cadence).run()
    at.sidebar.selectbox(key="segment").set_value(segment).run()
    for view in VIEW_METRICS:
        _show(at, view)
        assert at.metric, f"{view} at {cadence} on {segment}: no metric"


def test_the_app_holds_no_connection_after_a_run(dashboard_db: Path, monkeypatch, tmp_path: Path) -> None:
    db = Path(shutil.copy(dashboard_db, tmp_path / "support.duckdb"))
    at = _app(db, monkeypatch)
    for view in VIEW_METRICS:
        _show(at, view)
    # A read-write connection (what dbt build opens) succeeds: the app left nothing open.
    with duckdb.connect(str(db)) as connection:
        connection.execute("create table main_marts.written_meanwhile as select 1 as x")


def test_a_file_locked_by_a_writer_gives_a_clear_error(dashboard_db: Path, monkeypatch, tmp_path: Path) -> None:
    db = Path(shutil.copy(dashboard_db, tmp_path / "support.duckdb"))
    holder = "import duckdb, sys; c = duckdb.connect(sys.argv[1]); print('holding', flush=True); sys.stdin.read()"
    # Another process writing the file, as `dbt build` does.
    with subprocess.Popen(
        [sys.executable, "-c", holder, str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    ) as writer:
        try:
            assert writer.stdout is not None and writer.stdout.readline().strip() == "holding"
            at = _app(db, monkeypatch)
        finally:
            writer.communicate("", timeout=30)
    assert not at.exception
    [error] = at.error
    assert str(db) in error.value and "dbt build" in error.value
    # Once the writer is gone the same session reads the marts again.
    at.run()
    assert not at.error and at.metric


def test_a_missing_database_gives_a_clear_error(monkeypatch, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "support.duckdb"
    at = _app(missing, monkeypatch)
    assert not at.exception
    [error] = at.error
    assert str(missing) in error.value and "make build" in error.value
    assert not at.header and not at.metric


def test_a_database_without_marts_gives_a_clear_error(monkeypatch, tmp_path: Path) -> None:
    empty = tmp_path / "empty.duckdb"
    duckdb.connect(str(empty)).close()
    at = _app(empty, monkeypatch)
    assert not at.exception
    [error] = at.error
    assert str(empty) in error.value and "make build" in error.value and "dim_metrics" in error.value


def test_database_path_defaults_to_the_build_and_resolves_relative_paths(tmp_path: Path) -> None:
    assert data.database_path({}) == PROJECT_DIR / "target" / "support.duckdb"
    assert data.database_path({"DUCKDB_PATH": "elsewhere/x.duckdb"}) == PROJECT_DIR / "elsewhere" / "x.duckdb"
    assert data.database_path({"DUCKDB_PATH": str(tmp_path / "x.duckdb")}) == tmp_path / "x.duckdb"


def test_latest_complete_period() -> None:
    months = [date(2026, 5, 1), date(2026, 6, 1), date(2026, 7, 1)]
    assert latest_complete_period(months, "month", date(2026, 7, 5)) == date(2026, 6, 1)
    assert latest_complete_period(months, "month", date(2026, 7, 31)) == date(2026, 7, 1)
    weeks = [date(2026, 6, 22), date(2026, 6, 29)]
    assert latest_complete_period(weeks, "week", date(2026, 7, 5)) == date(2026, 6, 29)  # Sunday: complete
    assert latest_complete_period(weeks, "week", date(2026, 7, 4)) == date(2026, 6, 22)
    quarters = [date(2026, 4, 1), date(2026, 7, 1)]
    assert latest_complete_period(quarters, "quarter", date(2026, 7, 5)) == date(2026, 4, 1)
    assert latest_complete_period([date(2026, 7, 1)], "quarter", date(2026, 7, 5)) == date(2026, 7, 1)  # none complete
    assert latest_complete_period([], "week", None) is None
    assert period_end(date(2026, 11, 1), "quarter") == date(2027, 2, 1)


def _cells(rows: list[tuple[str, str, float]]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "period_start": date(2026, 6, 1) if period == "now" else date(2026, 5, 1),
                "support_path": path,
                "metric_name": "csat",
                "numerator": value * 10,
                "denominator": 10.0,
                "metric_value": value,
                "is_final": True,
                "final_at": None,
            }
            for period, path, value in rows
        ]
    )


def test_the_blend_comes_only_beside_the_split() -> None:
    now, before = date(2026, 6, 1), date(2026, 5, 1)
    cells = _cells([("now", "all", 0.8), ("now", "ai_only", 0.9), ("now", "human_only", 0.7), ("before", "all", 0.75)])
    split = data.split_beside_blend(cells, "csat", now, before)
    assert [cell.path for cell in split] == [*PATHS, "all"]
    assert [cell.value for cell in split] == [0.9, None, 0.7, 0.8]
    assert split[-1].is_blend and split[-1].previous == 0.75
    # A blend without any path value is never shown alone.
    assert data.split_beside_blend(_cells([("now", "all", 0.8)]), "csat", now, before) == []
    assert (
        data.split_beside_blend(_cells([("now", "all", 0.8), ("now", "ai_only", float("nan"))]), "csat", now, None)
        == []
    )


def test_a_provisional_cell_says_so_and_is_not_judged(dashboard_db: Path) -> None:
    catalog = catalog_from_records(data.metric_catalog(dashboard_db))
    now = date(2026, 6, 1)
    cells = _cells([("now", "all", 0.5), ("now", "ai_only", 0.5), ("now", "human_only", 0.5)])
    cells.loc[cells["support_path"] == "ai_only", ["is_final", "final_at"]] = [False, pd.Timestamp("2026-06-12 08:00")]
    cells.loc[cells["support_path"] == "all", "is_final"] = False
    split = data.split_beside_blend(cells, "csat", now, None)
    assert [cell.is_final for cell in split] == [False, True, True, False]
    note = cards.provisional_note(split)
    assert note is not None and "AI only" in note and "Human only" not in note
    assert "when their open tickets are resolved" in note  # the blend cannot say when
    only_dated = cards.provisional_note(split[:3])
    assert only_dated is not None and "2026-06-12 08:00" in only_dated
    # 0.5 is below CSAT's error threshold: judged on the final human_only cell, not on ai_only.
    assert cards._status(catalog["csat"], "csat", split[2]) == "error"
    assert cards._status(catalog["csat"], "csat", split[0]) == "none"
    assert cards.provisional_note(split[1:3]) is None


def test_thresholds_and_formatting(dashboard_db: Path) -> None:
    catalog = catalog_from_records(data.metric_catalog(dashboard_db))
    csat, reply = catalog["csat"], catalog["first_useful_reply_time"]
    assert threshold_status(csat, "csat", 0.85) == "ok"
    assert threshold_status(csat, "csat", 0.75) == "warn"
    assert threshold_status(csat, "csat", 0.5) == "error"
    assert threshold_status(reply, "first_useful_reply_time_p90", 3000) == "error"
    assert threshold_status(reply, "first_useful_reply_time_median", 3000) == "none"  # judged on the p90
    assert "on each path" in threshold_text(csat)
    assert format_value(0.8571, "share") == "85.7%"
    assert format_value(None, "share") == "—"
    assert format_value(95, "minutes") == "95 min" and format_value(1440 * 3, "minutes") == "3.0 d"
    assert format_value(0.2, "score -100 to 100") == "0"
    assert format_change(0.6, 0.5, "share") == "+10.0 pp"
    assert is_no_change(format_change(0.5, 0.5, "share")) and not is_no_change("+0.1 pp")
