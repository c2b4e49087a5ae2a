"""Chunked writers: every raw table as CSV or Parquet, appended chunk by chunk (bounded memory)."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

import pyarrow as pa  # type: ignore[import-untyped]
import pyarrow.parquet as pq  # type: ignore[import-untyped]

# The raw data contract's tables, columns and (Parquet) types, in contract order.
SCHEMAS: dict[str, list[tuple[str, pa.DataType]]] = {
    "tickets": [
        ("ticket_id", pa.string()),
        ("customer_id", pa.string()),
        ("account_id", pa.string()),
        ("created_at", pa.timestamp("us")),
        ("channel", pa.string()),
        ("issue_type", pa.string()),
        ("product_area", pa.string()),
        ("priority", pa.string()),
        ("is_technical", pa.bool_()),
        ("updated_at", pa.timestamp("us")),
    ],
    "ticket_events": [
        ("event_id", pa.string()),
        ("ticket_id", pa.string()),
        ("occurred_at", pa.timestamp("us")),
        ("event_type", pa.string()),
        ("actor_type", pa.string()),
        ("actor_id", pa.string()),
        ("is_public", pa.bool_()),
        ("message_kind", pa.string()),
        ("to_tier", pa.string()),
        ("packet_has_summary", pa.bool_()),
        ("packet_has_identifiers", pa.bool_()),
        ("packet_has_repro", pa.bool_()),
        ("packet_has_evidence", pa.bool_()),
        ("queue", pa.string()),
        ("status", pa.string()),
        ("workflow_id", pa.string()),
        ("resolution_code", pa.string()),
        ("handle_seconds", pa.int64()),
    ],
    "survey_responses": [
        ("response_id", pa.string()),
        ("ticket_id", pa.string()),
        ("responded_at", pa.timestamp("us")),
        ("csat_score", pa.int64()),
        ("ces_score", pa.int64()),
        ("nps_score", pa.int64()),
    ],
    "accounts": [
        ("account_id", pa.string()),
        ("segment", pa.string()),
        ("arr_usd", pa.float64()),
        ("renewal_date", pa.date32()),
    ],
    "agents": [("agent_id", pa.string()), ("team", pa.string()), ("tier", pa.string()), ("is_ai", pa.bool_())],
}
TIMESTAMP_COLUMNS = {name for schema in SCHEMAS.values() for name, kind in schema if pa.types.is_timestamp(kind)}
DATE_COLUMNS = {"renewal_date"}


class TableWriter(Protocol):
    def write(self, rows: Sequence[Sequence[Any]]) -> None: ...

    def close(self) -> None: ...


class _DayCache:
    """Formats epoch seconds as 'YYYY-MM-DD HH:MM:SS' fast: the date part is cached per day."""

    def __init__(self) -> None:
        self._days: dict[int, str] = {}

    def __call__(self, epoch: int) -> str:
        day, second = divmod(epoch, 86_400)
        text = self._days.get(day)
        if text is None:
            text = dt.date.fromordinal(719_163 + day).isoformat()
            self._days[day] = text
        hours, rest = divmod(second, 3600)
        minutes, seconds = divmod(rest, 60)
        return f"{text} {hours:02d}:{minutes:02d}:{seconds:02d}"


class CsvTableWriter:
    """Header row; empty field for null; booleans true/false; timestamps in UTC without zone."""

    def __init__(self, path: Path, table: str) -> None:
        self._handle = path.open("w", newline="", encoding="utf-8")
        self._writer = csv.writer(self._handle, lineterminator="\n")
        columns = SCHEMAS[table]
        self._writer.writerow([name for name, _ in columns])
        self._timestamps = [index for index, (name, _) in enumerate(columns) if name in TIMESTAMP_COLUMNS]
        self._format_time = _DayCache()

    def write(self, rows: Sequence[Sequence[Any]]) -> None:
        format_time = self._format_time
        timestamps = self._timestamps
        out = []
        for row in rows:
            values = [
                "" if value is None else ("true" if value is True else "false" if value is False else value)
                for value in row
            ]
            for index in timestamps:
                if row[index] is not None:
                    values[index] = format_time(row[index])
            out.append(values)
        self._writer.writerows(out)

    def close(self) -> None:
        self._handle.close()


class ParquetTableWriter:
    """One row group per chunk, typed per the contract (timestamps in microseconds, UTC)."""

    def __init__(self, path: Path, table: str) -> None:
        self._columns = SCHEMAS[table]
        self._schema = pa.schema(self._columns)
        self._writer = pq.ParquetWriter(path, self._schema)

    def write(self, rows: Sequence[Sequence[Any]]) -> None:
        if not rows:
            return
        arrays = []
        for index, (name, kind) in enumerate(self._columns):
            values = [row[index] for row in rows]
            if name in TIMESTAMP_COLUMNS:
                seconds = pa.array([None if value is None else value * 1_000_000 for value in values], pa.int64())
                arrays.append(seconds.cast(kind))
            elif name in DATE_COLUMNS:
                arrays.append(pa.array([None if v is None else dt.date.fromisoformat(v) for v in values], kind))
            else:
                arrays.append(pa.array(values, kind))
        self._writer.write_table(pa.Table.from_arrays(arrays, schema=self._schema))

    def close(self) -> None:
        self._writer.close()


def open_writer(folder: Path, table: str, fmt: str) -> TableWriter:
    if fmt == "csv":
        return CsvTableWriter(folder / f"{table}.csv", table)
    if fmt == "parquet":
        return ParquetTableWriter(folder / f"{table}.parquet", table)
    raise ValueError(f"unknown format {fmt!r}: use csv or parquet")
