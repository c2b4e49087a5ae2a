"""The semantic layer: MetricFlow validates the semantic models and metrics against the warehouse,
and every catalog metric queried through `mf query` equals the same metric in metrics_by_path
(built from the metric macros): one definition, two routes, the same answer. Both on the demo and
on a small generated operation known mid-way (var `as_of`), with more unresolved tickets and
provisional periods than the demo (a denominator of ever-resolved tickets against one of tickets
received differs only where tickets are unresolved: 3 demo cells, every generated comparison)."""

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
from supportgen import GeneratorConfig, generate

MF = Path(sys.executable).parent / "mf"
CATALOG = PROJECT_DIR / "seeds" / "metric_catalog.csv"
# The metrics whose semantic model holds accounts per quarter (filtered to the quarter rows).
QUARTERLY_ONLY = {"revenue_at_risk_rate", "renewal_arr_at_risk"}
RELATIVE_TOLERANCE = 1e-9
# A small operation (ten weeks from Monday 2026-01-05), known seven weeks in.
GENERATED = GeneratorConfig(tickets=400, seed=29, days=70)
GENERATED_AS_OF = "2026-02-23 12:00:00"
# The fewest values a comparison must reach: per metric by week or month, and for the account
# metrics (the generated operation has two months in one quarter; the demo six in three).
MIN_VALUES_PER_METRIC = {"demo": 6, "generated": 2}
MIN_ACCOUNT_VALUES = {"demo": 8, "generated": 4}


@dataclass(frozen=True)
class SemanticProject:
    project: DbtProject
    env: dict[str, str]
    dataset: str

    def mf(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(MF), *args], cwd=PROJECT_DIR, env=self.env, capture_output=True, text=True, check=False
        )


def metricflow_names(grain: str | None = None) -> list[str]:
    """The MetricFlow metric behind each metrics_by_path metric_name, from the catalog (of the
    metrics computed from the fact `grain`, if given)."""
    with CATALOG.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    names: list[str] = []
    for row in rows:
        if grain is not None and row["grain"] != grain:
            continue
        name = row["metric_name"]
        names += [f"{name}_median", f"{name}_p90"] if row["kind"] == "duration" else [name]
    return names


def build(project: DbtProject, dataset: str) -> None:
    """The demo (seeds), or the generated operation as known at GENERATED_AS_OF."""
    variables: dict[str, Any] = {}
    if dataset == "generated":
        raw = project.workdir / "raw"
        generate(GENERATED, raw, "csv", progress=False)
        # Everything after as_of is "in the future" and quarantined: a third of the rows here.
        variables = {
            "raw_dir": str(raw),
            "as_of": GENERATED_AS_OF,
            "quarantine_share_thresholds": {"warn": 1.0, "error": 1.0},
        }
    for command in (("seed",), ("run",)):
        result = project.dbt(*command, variables=variables)
        assert result.ok, result.output


@pytest.fixture(scope="module", params=["demo", "generated"])
def semantic_project(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[SemanticProject]:
    """The dataset built into a private DuckDB file; the semantic manifest parsed where `mf`
    reads it (the project's own target/, the only place MetricFlow looks)."""
    dataset = str(request.param)
    project = DbtProject(tmp_path_factory.mktemp(f"semantic_{dataset}"))
    build(project, dataset)
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
    yield SemanticProject(project, env, dataset)


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
    minimum = len(metrics) * MIN_VALUES_PER_METRIC[semantic_project.dataset]
    assert compared >= minimum, f"only {compared} values compared"


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
    assert compared >= MIN_ACCOUNT_VALUES[semantic_project.dataset], f"only {compared} values compared"


# How the maturity test slices the periods: the mf group-bys besides metric_time, and the
# metrics_by_path segment_type the same cells have.
MATURITY_GROUPS = {
    "blended": ([], "all"),
    "by_path": (["ticket__support_path"], "all"),
    "by_path_and_channel": (["ticket__support_path", "ticket__channel"], "channel"),
}


# Per fact: a metric of it to query beside, and the maturity count of its rows.
MATURITY_COUNTS = {
    "fct_tickets": ("deflection_rate", "provisional_tickets"),
    "fct_escalations": ("escalation_rework_rate", "provisional_escalations"),
}


@pytest.mark.parametrize("grain", ["week", "month", "quarter"])
@pytest.mark.parametrize("group", sorted(MATURITY_GROUPS))
@pytest.mark.parametrize("fact", sorted(MATURITY_COUNTS))
def test_provisional_rows_say_which_cells_are_final(
    semantic_project: SemanticProject, fact: str, grain: str, group: str, tmp_path: Path
) -> None:
    """A period and group the semantic layer returns is final exactly when its count of
    provisional rows (tickets, or escalations) is 0: the same verdict as metrics_by_path.is_final
    for every metric of that fact in that cell. Queried beside a metric, as a BI user would."""
    dimensions, segment_type = MATURITY_GROUPS[group]
    metric, count = MATURITY_COUNTS[fact]
    measure = f"{count}_{grain}"
    rows = mf_query(
        semantic_project,
        [metric, measure],
        [f"metric_time__{grain}", *dimensions],
        tmp_path / "maturity.csv",
    )
    semantic_final = {
        (row[f"metric_time__{grain}"][:10], *(row[dimension] for dimension in dimensions)): float(row[measure]) == 0
        for row in rows
    }
    metrics = ", ".join(f"'{name}'" for name in metricflow_names(fact))
    path_filter = "support_path <> 'all'" if dimensions else "support_path = 'all'"
    cells = semantic_project.project.query(
        "select period_start, support_path, segment_value, metric_name, is_final from main_marts.metrics_by_path "
        f"where period_grain = '{grain}' and segment_type = '{segment_type}' and {path_filter} "
        f"and metric_name in ({metrics})"
    )
    differences = []
    for period, path, segment, metric, is_final in cells:
        key = (str(period), *([path, segment] if segment_type != "all" else [path] if dimensions else []))
        if semantic_final.get(key) != is_final:
            differences.append(f"{key} {metric}: metrics_by_path is_final {is_final}, mf {semantic_final.get(key)}")
    assert not differences, f"{len(differences)} differences, e.g.:\n" + "\n".join(differences[:10])
    # Final and provisional periods both; the generated operation's one quarter is not over.
    expected = {False} if (semantic_project.dataset, grain) == ("generated", "quarter") else {True, False}
    verdicts = {is_final for *_, is_final in cells}
    assert verdicts == expected, f"{grain}s of the {semantic_project.dataset}: final {verdicts}, expected {expected}"


def test_a_maturity_count_refuses_a_finer_grain(semantic_project: SemanticProject) -> None:
    """A quarter's provisional tickets summed by week would say nothing about the week: MetricFlow
    refuses the query (the measure's time dimension has quarter granularity)."""
    result = semantic_project.mf("query", "--metrics", "provisional_tickets_quarter", "--group-by", "metric_time__week")
    assert result.returncode != 0 or "ERROR" in result.stdout + result.stderr, result.stdout
    assert "does not match any of the available group-by-items" in result.stdout + result.stderr
