"""Write the five raw tables for a config, chunk by chunk, with progress on stderr."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

from supportgen.config import ConfigError, GeneratorConfig
from supportgen.population import account_rows, build_population
from supportgen.simulate import Simulator
from supportgen.writers import SCHEMAS, open_writer

FORMATS = ("csv", "parquet")


def generate(config: GeneratorConfig, out_dir: Path, fmt: str = "csv", progress: bool = True) -> dict[str, int]:
    """Generate the raw tables into out_dir as <table>.<fmt>; returns the row count per table."""
    if fmt not in FORMATS:
        raise ConfigError(f"format must be one of {', '.join(FORMATS)}, got {fmt!r}")
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ConfigError(
            f"cannot create the output folder {out_dir}: {error.strerror}; choose a writable --out"
        ) from error
    population = build_population(config)
    simulator = Simulator(config, population)
    writers = {table: open_writer(out_dir, table, fmt) for table in SCHEMAS}
    counts = dict.fromkeys(SCHEMAS, 0)
    started = time.monotonic()
    try:
        for chunk_start in range(0, config.tickets, config.chunk_size):
            tickets: list[Any] = []
            events: list[Any] = []
            surveys: list[Any] = []
            for index in range(chunk_start, min(config.tickets, chunk_start + config.chunk_size)):
                sim = simulator.ticket(index)
                tickets.append(sim.row)
                ticket_id = sim.row[0]
                for number, event in enumerate(sim.events, start=1):
                    events.append((f"{ticket_id}-{number:03d}", ticket_id, *event))
                surveys.extend(sim.surveys)
            for table, rows in (("tickets", tickets), ("ticket_events", events), ("survey_responses", surveys)):
                writers[table].write(rows)
                counts[table] += len(rows)
            if progress:
                done = min(config.tickets, chunk_start + config.chunk_size)
                rate = done / max(time.monotonic() - started, 1e-9)
                print(
                    f"supportgen: {done:,}/{config.tickets:,} tickets, {counts['ticket_events']:,} events "
                    f"({rate:,.0f} tickets/s)",
                    file=sys.stderr,
                )
        accounts = account_rows(config, population)
        writers["accounts"].write(accounts)
        counts["accounts"] = len(accounts)
        agents = population.agent_rows()
        writers["agents"].write(agents)
        counts["agents"] = len(agents)
    finally:
        for writer in writers.values():
            writer.close()
    if progress:
        print(
            f"supportgen: wrote {', '.join(f'{table} {count:,}' for table, count in counts.items())} "
            f"to {out_dir} in {time.monotonic() - started:.1f}s",
            file=sys.stderr,
        )
    return counts
