"""The semantic layer: MetricFlow validates the semantic models and metrics against the warehouse,
and every catalog metric queried through `mf query` equals the same metric in metrics_by_path
(built from the metric macros): one definition, two routes, the same answer."""

from __future__ import annotations

import csv
import math
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from dbt_project_runner import PROJECT_DIR, DbtProject

MF = Path(sys.executable).parent / "mf"
CATALOG = PROJECT_DIR / "seeds" / "metric_catalog.csv"
# The metrics whose semantic model holds accounts per quarter (filtered to the quarter rows).
QUARTERLY_ONLY = {"revenue_at_risk_rate", "renewal_arr_at_risk"}
RELATIVE_TOLERANCE = 1e-9


@dataclass(frozen=True)
class SemanticProject:
    project: DbtProject
    env: dict[str, str]

    def mf(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(MF), *args], cwd=PROJECT_DIR, env=self.env, capture_output=True, text=True, check=False
        )


def metricflow_names() -> list[str]:
    """The MetricFlow metric behind each metrics_by_path metric_name, from the catalog."""
    with CATALOG.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    names: list[str] = []
    for row in rows:
        name = row["metric_name"]
        names += [f"{name}_median", f"{name}_p90"] if row["kind"] == "duration" else [name]
    return names


@pytest.fixture(scope="module")
def semantic_project(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SemanticProject]:
    """The demo built into a private DuckDB file; the semantic manifest parsed where `mf` reads it
    (the project's own target/, the only place MetricFlow looks)."""
    project = DbtProject(tmp_path_factory.mktemp("semantic"))
    for command in (("seed",), ("run",)):
        result = project.dbt(*command)
        assert result.ok, result.output
    env = {
        **os.environ,
        "DBT_PROFILES_DIR": str(PROJECT_DIR),
        "DBT_PROJECT_DIR": str(PROJECT_DIR),
        "DUCKDB_PATH": str(project.database),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
    }
    parse = subprocess.run(
        [str(Path(sys.executable).parent / "dbt"), "parse", "--quiet"],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert parse.returncode == 0, parse.stdout + parse.stderr
    yield SemanticProject(project, env)


def mf_query(semantic: SemanticProject, metrics: list[str], group_by: list[str], out: Path) -> list[dict[str, str]]:
    result = semantic.mf("query", "--metrics", ",".join(metrics), "--group-by", ",".join(group_by), "--csv", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    with out.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def as_number(text: str) -> float | None:
    return None if text == "" else float(text)


def same(left: float | None, right: Any) -> bool:
    if left is None or right is None:
        return left is None and right is None
    return math.isclose(left, float(right), rel_tol=RELATIVE_TOLERANCE, abs_tol=1e-9)


def assert_routes_agree(
    semantic: SemanticProject,
    grain: str,
    metrics: list[str],
    path_dimension: str | None,
    tmp_path: Path,
    blend_is_a_path: bool = False,
) -> int:
    """mf query by `grain` (and path, if given) against metrics_by_path's segment `all` cells;
    returns the number of values compared. `blend_is_a_path`: the path dimension has the value
    `all` itself (rows rolled up per path beforehand)."""
    group_by = [f"metric_time__{grain}"] + ([path_dimension] if path_dimension else [])
    rows = mf_query(semantic, metrics, group_by, tmp_path / f"{grain}_{bool(path_dimension)}.csv")
    assert rows, f"mf query by {group_by} returned nothing"
    path_filter = "support_path <> 'all'" if path_dimension else "support_path = 'all'"
    if blend_is_a_path:
        path_filter = "true"
    expected = {
        (str(period), path, metric): value
        for period, path, metric, value in semantic.project.query(
            "select period_start, support_path, metric_name, metric_value from main_marts.metrics_by_path "
            f"where period_grain = '{grain}' and segment_type = 'all' and {path_filter}"
        )
    }
    compared, differences = 0, []
    for row in rows:
        period = row[f"metric_time__{grain}"][:10]
        path = row[path_dimension] if path_dimension else "all"
        for metric in metrics:
            semantic_value = as_number(row[metric])
            key = (period, path, metric)
            if key not in expected:
                # A group the metric has no rows in: MetricFlow fills counts with 0 or leaves null.
                if semantic_value not in (None, 0.0):
                    differences.append(f"{key}: mf {semantic_value}, not in metrics_by_path")
                continue
            compared += 1
            if not same(semantic_value, expected[key]):
                differences.append(f"{key}: mf {semantic_value}, metrics_by_path {expected[key]}")
    assert not differences, f"{len(differences)} differences by {group_by}, e.g.:\n" + "\n".join(differences[:10])
    return compared


def test_validate_configs_against_the_warehouse(semantic_project: SemanticProject) -> None:
    result = semantic_project.mf("validate-configs")
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "Successfully validated measures against data warehouse" in output, output


def test_every_catalog_metric_has_a_metricflow_metric(semantic_project: SemanticProject) -> None:
    result = semantic_project.mf("list", "metrics")
    assert result.returncode == 0, result.stdout + result.stderr
    missing = [name for name in metricflow_names() if f"• {name}:" not in result.stdout]
    assert not missing, f"catalog metrics without a MetricFlow metric: {missing}"


@pytest.mark.parametrize("grain", ["week", "month"])
@pytest.mark.parametrize("by_path", [True, False], ids=["by_path", "blended"])
def test_mf_query_equals_metrics_by_path(
    semantic_project: SemanticProject, grain: str, by_path: bool, tmp_path: Path
) -> None:
    metrics = [name for name in metricflow_names() if name not in QUARTERLY_ONLY]
    compared = assert_routes_agree(
        semantic_project, grain, metrics, "ticket__support_path" if by_path else None, tmp_path
    )
    assert compared >= len(metrics) * 6, f"only {compared} values compared"


def test_quarterly_account_metrics_equal_metrics_by_path(semantic_project: SemanticProject, tmp_path: Path) -> None:
    # The account rows carry their own path, `all` included (an account on two paths counts once there).
    compared = assert_routes_agree(
        semantic_project,
        "quarter",
        sorted(QUARTERLY_ONLY),
        "account_period__support_path",
        tmp_path,
        blend_is_a_path=True,
    )
    assert compared >= 8, f"only {compared} values compared"
