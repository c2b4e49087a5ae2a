"""Benchmark the dbt build against a hand-written DuckDB floor at several data scales.

For each scale: generate raw Parquet with supportgen (cached), time the floor script
(bench/floor.sql), then time `dbt run` (models) and `dbt test` (data tests) on a fresh DuckDB
file, with the peak memory of the dbt process and the slowest models from run_results.json.
Each figure is the median of --runs runs. Results go to bench/results/ as JSON and Markdown.

    python bench/run_bench.py                      # 10k, 100k, 1M tickets, 3 runs each
    python bench/run_bench.py --scales 10000 --runs 1
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import duckdb

ROOT = Path(__file__).resolve().parent.parent
DBT = Path(sys.executable).parent / "dbt"
TIME = shutil.which("time") or "/usr/bin/time"


def log(message: str) -> None:
    print(f"[bench {dt.datetime.now():%H:%M:%S}] {message}", file=sys.stderr, flush=True)


def generate(scale: int, seed: int, folder: Path) -> Path:
    raw = folder / f"raw_{scale}_{seed}"
    marker = raw / ".complete"
    if marker.exists():
        log(f"{scale:,} tickets: reusing {raw}")
        return raw
    log(f"{scale:,} tickets: generating Parquet in {raw}")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "supportgen",
            "--tickets",
            str(scale),
            "--seed",
            str(seed),
            "--format",
            "parquet",
            "--out",
            str(raw),
        ],
        cwd=ROOT,
        check=True,
    )
    marker.touch()
    return raw


def floor_seconds(raw: Path) -> float:
    script = (ROOT / "bench" / "floor.sql").read_text(encoding="utf-8").replace("{raw}", str(raw))
    connection = duckdb.connect()
    started = time.perf_counter()
    connection.execute(script)
    elapsed = time.perf_counter() - started
    connection.close()
    return elapsed


def timed_dbt(args: list[str], env: dict[str, str], workdir: Path) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of one dbt command; fails loudly with dbt's output."""
    rss_file = workdir / "rss.txt"
    command = [TIME, "-f", "%M", "-o", str(rss_file), str(DBT), *args]
    started = time.perf_counter()
    completed = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if completed.returncode != 0:
        raise SystemExit(f"bench: `dbt {' '.join(args)}` failed:\n{completed.stdout[-4000:]}{completed.stderr[-2000:]}")
    return elapsed, int(rss_file.read_text().strip().splitlines()[-1])


def one_build(raw: Path, workdir: Path) -> dict[str, Any]:
    database = workdir / "bench.duckdb"
    for path in (database, Path(f"{database}.wal")):
        path.unlink(missing_ok=True)
    env = {**os.environ, "DBT_PROFILES_DIR": str(ROOT), "DUCKDB_PATH": str(database)}
    common = [
        "--target-path",
        str(workdir / "target"),
        "--log-path",
        str(workdir / "logs"),
        "--vars",
        f"{{raw_dir: '{raw}'}}",
    ]
    subprocess.run([str(DBT), "seed", "--quiet", *common], cwd=ROOT, env=env, check=True, capture_output=True)
    run_wall, run_rss = timed_dbt(["run", *common], env, workdir)
    results = json.loads((workdir / "target" / "run_results.json").read_text(encoding="utf-8"))["results"]
    model_times = {r["unique_id"].split(".")[-1]: r["execution_time"] for r in results}
    test_wall, test_rss = timed_dbt(["test", "--exclude", "test_type:unit", *common], env, workdir)
    return {
        "run_wall_s": run_wall,
        "run_peak_rss_mib": run_rss / 1024,
        "test_wall_s": test_wall,
        "test_peak_rss_mib": test_rss / 1024,
        "model_time_sum_s": sum(model_times.values()),
        "model_times_s": model_times,
    }


def bench_scale(scale: int, seed: int, runs: int, folder: Path) -> dict[str, Any]:
    raw = generate(scale, seed, folder)
    events = duckdb.connect().execute(f"select count(*) from read_parquet('{raw}/ticket_events.parquet')").fetchone()
    event_count = int(events[0]) if events else 0
    floors = []
    for run in range(runs):
        floors.append(floor_seconds(raw))
        log(f"{scale:,} tickets: floor run {run + 1}/{runs}: {floors[-1]:.2f}s")
    builds = []
    for run in range(runs):
        builds.append(one_build(raw, folder / f"work_{scale}"))
        log(
            f"{scale:,} tickets: dbt run {run + 1}/{runs}: {builds[-1]['run_wall_s']:.1f}s wall, "
            f"models {builds[-1]['model_time_sum_s']:.1f}s, tests {builds[-1]['test_wall_s']:.1f}s"
        )
    median = {
        key: statistics.median(build[key] for build in builds)
        for key in ("run_wall_s", "run_peak_rss_mib", "test_wall_s", "test_peak_rss_mib", "model_time_sum_s")
    }
    models = {
        name: statistics.median(build["model_times_s"].get(name, 0.0) for build in builds)
        for name in builds[0]["model_times_s"]
    }
    floor = statistics.median(floors)
    return {
        "tickets": scale,
        "events": event_count,
        "runs": runs,
        "floor_s": floor,
        **median,
        "events_per_s": event_count / median["run_wall_s"],
        "model_sum_to_floor": median["model_time_sum_s"] / floor,
        "run_wall_to_floor": median["run_wall_s"] / floor,
        "slowest_models_s": dict(sorted(models.items(), key=lambda item: -item[1])[:10]),
    }


def markdown(results: list[dict[str, Any]], machine: str) -> str:
    lines = [
        f"Measured {dt.date.today()} on {machine}; medians of each figure's runs.",
        "",
        "| tickets | events | floor s | dbt run s | models s | models / floor | run / floor | tests s "
        "| peak RSS MiB | events/s |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        lines.append(
            f"| {r['tickets']:,} | {r['events']:,} | {r['floor_s']:.2f} | {r['run_wall_s']:.1f} "
            f"| {r['model_time_sum_s']:.1f} | {r['model_sum_to_floor']:.1f}x | {r['run_wall_to_floor']:.1f}x "
            f"| {r['test_wall_s']:.1f} | {max(r['run_peak_rss_mib'], r['test_peak_rss_mib']):.0f} "
            f"| {r['events_per_s']:,.0f} |"
        )
    for r in results:
        lines += ["", f"Slowest models at {r['tickets']:,} tickets (s):", ""]
        lines += [f"- `{name}`: {seconds:.2f}" for name, seconds in r["slowest_models_s"].items()]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scales", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "support-bench")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    args = parser.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    args.out.mkdir(parents=True, exist_ok=True)
    machine = (
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, duckdb {duckdb.__version__}"
    )
    results = [bench_scale(scale, args.seed, args.runs, args.workdir) for scale in args.scales]
    stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S")
    (args.out / f"bench_{stamp}.json").write_text(json.dumps({"machine": machine, "results": results}, indent=2))
    table = markdown(results, machine)
    (args.out / "latest.md").write_text(table, encoding="utf-8")
    print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
