"""Maturity of the metric cells (issue 15): a cell says whether it is final as of the build.

One generated operation is built twice: as known early on (var `as_of` in the middle of its
arrivals: every later ticket, event and survey is "in the future" and stays out) and as known
after it ended. A cell that was provisional early becomes final later, and a cell that was
already final early has exactly the same numbers once the later data has arrived: final means
the later data cannot move it.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from dbt_project_runner import DbtProject
from supportgen import GeneratorConfig, generate

OPERATION = GeneratorConfig(tickets=300, seed=43, days=28)
# Two weeks and a half into the operation's arrivals (it starts on Monday 2026-01-05).
EARLY_AS_OF = "2026-01-21 12:00:00"
LATE_AS_OF = "2026-11-01 00:00:00"
CELLS = """
    select period_grain, cast(period_start as varchar), support_path, segment_type, segment_value,
           metric_name, numerator, denominator, metric_value, is_final, final_at
    from main_marts.metrics_by_path
"""

Cell = tuple[str, str, str, str, str, str]


def _build(workdir: Path, raw: Path, as_of: str) -> dict[Cell, tuple[Any, ...]]:
    project = DbtProject(workdir)
    # Built as known mid-way, the rest of the operation is "in the future" and quarantined (a
    # third of it): expected here, so the quarantine share thresholds must let it through.
    variables: dict[str, Any] = {"as_of": as_of, "quarantine_share_thresholds": {"warn": 1.0, "error": 1.0}}
    result = project.build_from_files(raw, variables=variables)
    assert result.ok, result.output
    return {tuple(row[:6]): tuple(row[6:]) for row in project.query(CELLS)}


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[Cell, tuple[Any, ...]], dict[Cell, tuple[Any, ...]]]:
    """metrics_by_path as known early and as known late."""
    workdir = tmp_path_factory.mktemp("maturity")
    generate(OPERATION, workdir / "raw", "csv", progress=False)
    with ThreadPoolExecutor(max_workers=2) as pool:
        early = pool.submit(_build, workdir / "early", workdir / "raw", EARLY_AS_OF)
        late = pool.submit(_build, workdir / "late", workdir / "raw", LATE_AS_OF)
        return early.result(), late.result()


def _same(left: Any, right: Any) -> bool:
    if left is None or right is None:
        return left is right
    if isinstance(left, float) or isinstance(right, float):
        return abs(float(left) - float(right)) <= 1e-9 * max(1.0, abs(float(left)))
    return bool(left == right)


def test_a_provisional_cell_becomes_final_as_as_of_advances(
    builds: tuple[dict[Cell, tuple[Any, ...]], dict[Cell, tuple[Any, ...]]],
) -> None:
    early, late = builds
    # The week of 2026-01-12: its tickets' repeat-contact windows (7 days after resolution) are
    # still open on 2026-01-21 12:00, and closed long before the late build.
    cell = ("week", "2026-01-12", "all", "all", "all", "repeat_contact_rate")
    assert early[cell][3] is False, f"provisional early: {early[cell]}"
    assert late[cell][3] is True, f"final late: {late[cell]}"
    # Every cell of the early build's last week is provisional (tickets still arriving), and the
    # late build's last weeks are provisional too: their windows close after its data ends.
    assert not any(values[3] for key, values in early.items() if key[0] == "week" and key[1] == "2026-01-19")
    flipped = [key for key, values in early.items() if not values[3] and key in late and late[key][3]]
    assert len(flipped) > 100, f"only {len(flipped)} cells flip from provisional to final"


def test_a_final_cell_does_not_change_when_later_data_arrives(
    builds: tuple[dict[Cell, tuple[Any, ...]], dict[Cell, tuple[Any, ...]]],
) -> None:
    early, late = builds
    final = {key: values for key, values in early.items() if values[3]}
    # Enough final cells early to mean something: the first week's resolution-bound metrics.
    assert len(final) > 50, f"only {len(final)} final cells in the early build"
    assert {key[5] for key in final} >= {"resolution_time_median", "misroute_rate", "backlog_age_median"}
    changed = [
        f"  {key}: early {values[:3]} (final at {values[4]}), late {late.get(key)}"
        for key, values in sorted(final.items())
        if key not in late or not all(_same(a, b) for a, b in zip(values[:3], late[key][:3], strict=True))
    ]
    assert not changed, f"{len(changed)} final cells changed with later data:\n" + "\n".join(changed[:40])
    moved = [key for key, values in final.items() if not late[key][3]]
    assert not moved, f"final cells that became provisional again: {moved[:20]}"
