"""Benchmark the dbt build against a hand-written DuckDB floor at several data scales.

For each scale: generate raw Parquet with supportgen (cached) and split it into the data known
the day before (the "earlier" data: the last day held back, with the late events of the day
before it) and the final data. Time the floor script (bench/floor.sql) on the earlier data, then
`dbt run` (models) and `dbt test` (data tests) on a fresh DuckDB file with it, then the
incremental `dbt run` once the final data has arrived; with the peak memory of the dbt process
and the slowest models from run_results.json. Each figure is the median of --runs runs.
Results go to bench/results/ as JSON and Markdown.

    python bench/run_bench.py                      # 10k, 100k, 1M tickets, 3 runs each
    python bench/run_bench.py --scales 10000 --runs 1
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
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


def split_last_day(raw: Path) -> tuple[Path, str, str]:
    """The earlier data (cached beside the raw folder) and the as_of of the earlier and final builds.
    Held back: every row from the last day on, and the events of every third ticket from the day
    before (they arrive late, with the increment)."""
    connection = duckdb.connect()
    events = f"read_parquet('{raw}/ticket_events.parquet')"
    [(last_event,)] = connection.execute(f"select max(occurred_at) from {events}").fetchall()
    final_as_of = last_event + dt.timedelta(minutes=1)
    cut = final_as_of - dt.timedelta(days=1)
    late_from = cut - dt.timedelta(days=1)
    earlier = raw.parent / f"{raw.name}_earlier"
    if not (earlier / ".complete").exists():
        log(f"writing the earlier data (up to {cut:%Y-%m-%d %H:%M}) to {earlier}")
        earlier.mkdir(exist_ok=True)
        filters = {
            "tickets": f"where created_at < '{cut}'",
            "ticket_events": f"where occurred_at < '{cut}' "
            f"and not (occurred_at >= '{late_from}' and hash(ticket_id) % 3 = 0)",
            "survey_responses": f"where responded_at < '{cut}'",
        }
        for table in ("tickets", "ticket_events", "survey_responses", "accounts", "agents"):
            connection.execute(
                f"copy (select * from read_parquet('{raw}/{table}.parquet') {filters.get(table, '')}) "
                f"to '{earlier}/{table}.parquet' (format parquet)"
            )
        (earlier / ".complete").touch()
    connection.close()
    return earlier, f"{cut:%Y-%m-%d %H:%M:%S}", f"{final_as_of:%Y-%m-%d %H:%M:%S}"


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


def memory_limit(scale: int) -> str:
    """DuckDB's memory limit for a scale: the profile's 3GB up to 1M tickets, then 2.4GB per
    million (exact percentiles keep every duration value of a grain in memory)."""
    return "3GB" if scale <= 1_000_000 else f"{math.ceil(scale / 1_000_000 * 2.4)}GB"


def one_build(raw: Path, workdir: Path, limit: str) -> dict[str, Any]:
    earlier, earlier_as_of, final_as_of = split_last_day(raw)
    # The input is one folder whose files the day's export replaces: another folder would be
    # another input, which rebuilds every ticket.
    current = workdir / "raw"
    shutil.rmtree(current, ignore_errors=True)
    shutil.copytree(earlier, current)
    database = workdir / "bench.duckdb"
    # dbt builds in its own file and publishes the marts to DUCKDB_PATH at the end (profiles.yml).
    build_database = workdir / "bench.build.duckdb"
    for path in (database, Path(f"{database}.wal"), build_database, Path(f"{build_database}.wal")):
        path.unlink(missing_ok=True)
    env = {
        **os.environ,
        "DBT_PROFILES_DIR": str(ROOT),
        "DUCKDB_PATH": str(database),
        "DUCKDB_BUILD_PATH": str(build_database),
        "DUCKDB_MEMORY_LIMIT": limit,
    }

    def options(folder: Path, as_of: str) -> list[str]:
        return [
            "--target-path",
            str(workdir / "target"),
            "--log-path",
            str(workdir / "logs"),
            "--vars",
            f"{{raw_dir: '{folder}', as_of: '{as_of}', pseudonym_demo_salt_allowed: true}}",
        ]

    def model_times() -> dict[str, float]:
        results = json.loads((workdir / "target" / "run_results.json").read_text(encoding="utf-8"))["results"]
        return {r["unique_id"].split(".")[-1]: r["execution_time"] for r in results}

    first = options(current, earlier_as_of)
    subprocess.run([str(DBT), "seed", "--quiet", *first], cwd=ROOT, env=env, check=True, capture_output=True)
    run_wall, run_rss = timed_dbt(["run", *first], env, workdir)
    full_times = model_times()
    test_wall, test_rss = timed_dbt(["test", "--exclude", "test_type:unit", *first], env, workdir)
    test_times = model_times()
    # New vars invalidate dbt's partial-parse cache; a scheduled daily run keeps its vars (as_of
    # defaults to the run's start), so parse outside the timing, as the seed does for the full run.
    for path in raw.glob("*.parquet"):
        shutil.copyfile(path, current / path.name)
    final = options(current, final_as_of)
    subprocess.run([str(DBT), "parse", *final], cwd=ROOT, env=env, check=True, capture_output=True)
    increment_wall, increment_rss = timed_dbt(["run", *final], env, workdir)
    increment_times = model_times()
    incremental_models = [name for name in increment_times if _is_incremental(workdir, name)]
    return {
        "run_wall_s": run_wall,
        "run_peak_rss_mib": run_rss / 1024,
        "test_wall_s": test_wall,
        "test_time_sum_s": sum(test_times.values()),
        "test_peak_rss_mib": test_rss / 1024,
        "model_time_sum_s": sum(full_times.values()),
        "model_times_s": full_times,
        "increment_wall_s": increment_wall,
        "increment_peak_rss_mib": increment_rss / 1024,
        "increment_model_time_sum_s": sum(increment_times.values()),
        "incremental_models_full_s": sum(full_times[name] for name in incremental_models),
        "incremental_models_increment_s": sum(increment_times[name] for name in incremental_models),
        "state_check_s": sum(increment_times.get(name, 0.0) for name in STATE_CHECK_MODELS),
    }


# The models that decide what an incremental run rebuilds (the fingerprints and the increment).
STATE_CHECK_MODELS = ("int_ticket_fingerprints", "int_tickets_in_increment")


def _is_incremental(workdir: Path, model: str) -> bool:
    manifest_path = workdir / "target" / "manifest.json"
    nodes = json.loads(manifest_path.read_text(encoding="utf-8"))["nodes"]
    return any(node["name"] == model and node["config"].get("materialized") == "incremental" for node in nodes.values())


def bench_scale(scale: int, seed: int, runs: int, folder: Path) -> dict[str, Any]:
    raw = generate(scale, seed, folder)
    earlier, _, _ = split_last_day(raw)
    counted = duckdb.connect().execute(f"select count(*) from read_parquet('{earlier}/ticket_events.parquet')")
    event_count = int(counted.fetchall()[0][0])
    floors = []
    for run in range(runs):
        floors.append(floor_seconds(earlier))
        log(f"{scale:,} tickets: floor run {run + 1}/{runs}: {floors[-1]:.2f}s")
    builds = []
    for run in range(runs):
        builds.append(one_build(raw, folder / f"work_{scale}", memory_limit(scale)))
        log(
            f"{scale:,} tickets: dbt run {run + 1}/{runs}: {builds[-1]['run_wall_s']:.1f}s wall, "
            f"models {builds[-1]['model_time_sum_s']:.1f}s, tests {builds[-1]['test_wall_s']:.1f}s, "
            f"incremental run {builds[-1]['increment_wall_s']:.1f}s"
        )
    median = {key: statistics.median(build[key] for build in builds) for key in builds[0] if key != "model_times_s"}
    models = {
        name: statistics.median(build["model_times_s"].get(name, 0.0) for build in builds)
        for name in builds[0]["model_times_s"]
    }
    floor = statistics.median(floors)
    return {
        "tickets": scale,
        "events": event_count,
        "runs": runs,
        "memory_limit": memory_limit(scale),
        "floor_s": floor,
        **median,
        "events_per_s": event_count / median["run_wall_s"],
        "model_sum_to_floor": median["model_time_sum_s"] / floor,
        "run_wall_to_floor": median["run_wall_s"] / floor,
        "increment_to_full_run": median["increment_wall_s"] / median["run_wall_s"],
        "incremental_models_ratio": median["incremental_models_increment_s"] / median["incremental_models_full_s"],
        "state_check_to_full_run": median["state_check_s"] / median["run_wall_s"],
        "slowest_models_s": dict(sorted(models.items(), key=lambda item: -item[1])[:10]),
    }


def markdown(results: list[dict[str, Any]], machine: str) -> str:
    lines = [
        f"Measured {dt.date.today()} on {machine}; medians of each figure's runs.",
        "",
        "Full build (the earlier data) against the floor (the same data):",
        "",
        "| tickets | events | floor s | dbt run s | models s | models / floor | run / floor | tests s "
        "| test time s | peak RSS MiB | events/s |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        peak = max(r["run_peak_rss_mib"], r["test_peak_rss_mib"], r["increment_peak_rss_mib"])
        lines.append(
            f"| {r['tickets']:,} | {r['events']:,} | {r['floor_s']:.2f} | {r['run_wall_s']:.1f} "
            f"| {r['model_time_sum_s']:.1f} | {r['model_sum_to_floor']:.1f}x | {r['run_wall_to_floor']:.1f}x "
            f"| {r['test_wall_s']:.1f} | {r['test_time_sum_s']:.1f} | {peak:.0f} | {r['events_per_s']:,.0f} |"
        )
    lines += [
        "",
        "Incremental run once the last day (and the late events of the day before) has arrived:",
        "",
        "| tickets | incremental dbt run s | / full run | incremental models s | same models in full s | ratio "
        "| state check s | / full run |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        lines.append(
            f"| {r['tickets']:,} | {r['increment_wall_s']:.1f} | {r['increment_to_full_run']:.0%} "
            f"| {r['incremental_models_increment_s']:.2f} | {r['incremental_models_full_s']:.2f} "
            f"| {r['incremental_models_ratio']:.0%} | {r['state_check_s']:.2f} | {r['state_check_to_full_run']:.0%} |"
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
