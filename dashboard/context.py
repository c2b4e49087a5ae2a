"""What a view needs to draw itself: the file, the chosen cadence, period and segment, the catalog."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd  # type: ignore[import-untyped]

from dashboard import data
from dashboard.catalog import MetricInfo
from dashboard.periods import Grain, period_end, period_label, weeks_starting_in

ALL_SEGMENT: tuple[str, str] = ("all", "all")


@dataclass(frozen=True)
class ViewContext:
    db: Path
    grain: Grain
    period: date
    previous: date | None
    period_starts: tuple[date, ...]
    week_starts: tuple[date, ...]
    data_end: date | None
    segment: tuple[str, str]
    catalog: Mapping[str, MetricInfo]

    @property
    def period_end(self) -> date:
        return period_end(self.period, self.grain)

    @property
    def period_label(self) -> str:
        return period_label(self.period, self.grain)

    @property
    def signal_week(self) -> date | None:
        """The week whose signals lead every view: the latest week starting in the period."""
        weeks = weeks_starting_in(self.week_starts, self.period, self.grain)
        return weeks[-1] if weeks else None

    def cells(self, segment: tuple[str, str] | None = None) -> pd.DataFrame:
        kind, value = segment or self.segment
        return data.metric_cells(self.db, self.grain, kind, value)
