"""Queries over the marts. Every query opens its own read-only DuckDB connection and closes it, so
`dbt build` can write the file between two queries; results are cached per file version (mtime)."""

from __future__ import annotations

import math
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd  # type: ignore[import-untyped]
import streamlit as st

from dashboard.formatting import BLEND, PATHS
from dashboard.periods import Grain

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATABASE = Path("target") / "support.duckdb"
SCHEMA = "main_marts"
REQUIRED_MARTS: tuple[str, ...] = (
    "dim_metrics",
    "metrics_by_path",
    "support_signals",
    "failed_handoffs_review",
    "fct_backlog_daily",
    "fct_tickets",
)


class DatabaseBusy(RuntimeError):
    """The file is locked by a writer (a dbt build is running)."""


def database_path(env: Mapping[str, str] | None = None) -> Path:
    """DUCKDB_PATH, else target/support.duckdb; a relative path is relative to the repository root."""
    raw = (os.environ if env is None else env).get("DUCKDB_PATH", "").strip()
    path = Path(raw).expanduser() if raw else DEFAULT_DATABASE
    return path if path.is_absolute() else REPO_ROOT / path


def _stamp(path: Path) -> tuple[int, int]:
    """The file's version: its mtime and its write-ahead log's (0 when there is none)."""
    wal = path.with_name(path.name + ".wal")
    return path.stat().st_mtime_ns, wal.stat().st_mtime_ns if wal.exists() else 0


def _read(path: str, sql: str, params: tuple[Any, ...]) -> pd.DataFrame:
    try:
        with duckdb.connect(path, read_only=True) as connection:
            return connection.execute(sql, list(params)).df()
    except duckdb.IOException as error:
        raise DatabaseBusy(str(error)) from error


@st.cache_data(show_spinner=False, max_entries=256)
def _cached_read(path: str, stamp: tuple[int, int], sql: str, params: tuple[Any, ...]) -> pd.DataFrame:
    del stamp  # part of the cache key only: a rebuilt file is a new version
    return _read(path, sql, params)


def query(db: Path, sql: str, params: Sequence[Any] = ()) -> pd.DataFrame:
    """The rows of `sql` as a DataFrame, from a short-lived read-only connection (cached per file version)."""
    return _cached_read(str(db), _stamp(db), sql, tuple(params))


def missing_marts(db: Path) -> list[str]:
    """The required marts the file lacks (all of them when the file does not exist)."""
    if not db.is_file():
        return list(REQUIRED_MARTS)
    found = query(db, "select table_name from information_schema.tables where table_schema = ?", (SCHEMA,))
    present = set(found["table_name"])
    return [mart for mart in REQUIRED_MARTS if mart not in present]


def _as_date(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return pd.Timestamp(value).date()  # type: ignore[no-any-return]


def _date_column(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    frame[column] = [_as_date(value) for value in frame[column]]
    return frame


def metric_catalog(db: Path) -> list[dict[str, Any]]:
    """dim_metrics, one dict per metric."""
    frame = query(db, f"select * from {SCHEMA}.dim_metrics order by metric_name")
    return list(frame.to_dict("records"))


def period_starts(db: Path, grain: Grain) -> list[date]:
    frame = query(
        db,
        f"select distinct period_start from {SCHEMA}.metrics_by_path where period_grain = ? order by 1",
        (grain,),
    )
    return [_as_date(value) for value in frame["period_start"]]


def data_end(db: Path) -> date | None:
    """The last day the data reaches (the latest ticket's creation day)."""
    frame = query(db, f"select max(created_at)::date as last_day from {SCHEMA}.fct_tickets")
    value = frame["last_day"].iloc[0] if len(frame) else None
    return None if value is None or pd.isna(value) else _as_date(value)


def segments(db: Path) -> list[tuple[str, str]]:
    """The (segment_type, segment_value) pairs, 'all' first."""
    frame = query(
        db,
        f"""select distinct segment_type, segment_value from {SCHEMA}.metrics_by_path
        order by segment_type != 'all', segment_type, segment_value""",
    )
    return [(str(kind), str(value)) for kind, value in frame.itertuples(index=False)]


def metric_cells(db: Path, grain: Grain, segment_type: str, segment_value: str) -> pd.DataFrame:
    """Every metric of one grain and segment, all periods and paths (the blend included), with
    each cell's maturity (is_final, final_at)."""
    frame = query(
        db,
        f"""select period_start, support_path, metric_name, numerator, denominator, metric_value,
            is_final, final_at
        from {SCHEMA}.metrics_by_path
        where period_grain = ? and segment_type = ? and segment_value = ?
        order by period_start, support_path, metric_name""",
        (grain, segment_type, segment_value),
    )
    return _date_column(frame, "period_start")


def signals(db: Path, start: date, end: date) -> pd.DataFrame:
    """The support signals of the weeks starting in [start, end)."""
    frame = query(
        db,
        f"""select * from {SCHEMA}.support_signals where week_start >= ? and week_start < ?
        order by week_start desc, owner_team, signal_name, support_path, queue""",
        (start, end),
    )
    return _date_column(frame, "week_start")


def failed_handoffs(db: Path, start: date, end: date) -> pd.DataFrame:
    """The failed handoffs and escalations to review escalated in [start, end)."""
    frame = query(
        db,
        f"""select * from {SCHEMA}.failed_handoffs_review
        where escalated_at >= ?::timestamp and escalated_at < ?::timestamp
        order by escalated_at desc, escalation_id""",
        (start, end),
    )
    return _date_column(frame, "week_start")


def backlog_daily(db: Path) -> pd.DataFrame:
    """Open tickets at the end of each day by path and age band, summed over queues."""
    frame = query(
        db,
        f"""select date_day, support_path, age_band, age_band_order,
            sum(open_tickets) as open_tickets, sum(total_age_days) as total_age_days
        from {SCHEMA}.fct_backlog_daily
        group by all order by date_day, support_path, age_band_order""",
    )
    return _date_column(frame, "date_day")


@dataclass(frozen=True)
class PathCell:
    """One path's (or the blend's) value of a metric in a period, with the previous period's, and
    whether the value is final (all its windows closed) or provisional (it may still change; then
    `final_at` says when it will be final, None when it waits for unresolved tickets)."""

    path: str
    value: float | None
    numerator: float | None
    denominator: float | None
    previous: float | None
    is_final: bool = True
    final_at: datetime | None = None

    @property
    def is_blend(self) -> bool:
        return self.path == BLEND


def _number(value: Any) -> float | None:
    if value is None or pd.isna(value):
        return None
    number = float(value)
    return None if math.isnan(number) else number


def _timestamp(value: Any) -> datetime | None:
    if value is None or pd.isna(value):
        return None
    return pd.Timestamp(value).to_pydatetime()  # type: ignore[no-any-return]


def split_beside_blend(cells: pd.DataFrame, metric: str, period: date, previous: date | None) -> list[PathCell]:
    """The three paths in order, then the blend. The blend never comes alone: without a value on
    any path there is nothing to show (an empty list)."""
    rows = cells[cells["metric_name"] == metric]
    current = {str(row.support_path): row for row in rows[rows["period_start"] == period].itertuples(index=False)}
    before = {str(row.support_path): row for row in rows[rows["period_start"] == previous].itertuples(index=False)}
    if not any(path in current and _number(current[path].metric_value) is not None for path in PATHS):
        return []
    split = []
    for path in (*PATHS, BLEND):
        row = current.get(path)
        prior = before.get(path)
        split.append(
            PathCell(
                path=path,
                value=None if row is None else _number(row.metric_value),
                numerator=None if row is None else _number(row.numerator),
                denominator=None if row is None else _number(row.denominator),
                previous=None if prior is None else _number(prior.metric_value),
                is_final=row is None or bool(row.is_final),
                final_at=None if row is None else _timestamp(row.final_at),
            )
        )
    return split
