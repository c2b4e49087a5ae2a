"""Command line: python -m supportgen --tickets 3000 --seed 7 --format csv --out DIR

With --shape zendesk (or intercom) the same operation is written as that helpdesk's tables, as
Fivetran lands them, for `dbt build --vars '{source_system: zendesk, raw_dir: DIR, zendesk: ...}'`;
the command prints the var the tables' conventions need."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
from pathlib import Path

from supportgen.config import MESSY_PROFILE_RATE, SHARE_FIELDS, ConfigError, GeneratorConfig
from supportgen.generate import FORMATS, generate


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    defaults = GeneratorConfig()
    parser = argparse.ArgumentParser(
        prog="python -m supportgen",
        description="Write the raw helpdesk tables (tickets, ticket_events, survey_responses, accounts, agents) "
        "of a simulated B2B SaaS support operation with an AI assistant in front.",
    )
    parser.add_argument("--tickets", type=int, default=defaults.tickets, help="number of tickets (default %(default)s)")
    parser.add_argument("--seed", type=int, default=defaults.seed, help="random seed (default %(default)s)")
    parser.add_argument("--out", type=Path, required=True, help="output folder")
    parser.add_argument("--format", choices=FORMATS, default="csv", help="file format (default %(default)s)")
    parser.add_argument(
        "--start-date",
        type=dt.date.fromisoformat,
        default=defaults.start_date,
        help="first day of ticket arrivals, YYYY-MM-DD (default %(default)s)",
    )
    parser.add_argument("--days", type=int, default=defaults.days, help="days of arrivals (default %(default)s)")
    parser.add_argument(
        "--chunk-size",
        type=int,
        default=defaults.chunk_size,
        help="tickets per written chunk; memory scales with it (default %(default)s)",
    )
    for name in SHARE_FIELDS:
        parser.add_argument(
            f"--{name.replace('_', '-')}",
            type=float,
            default=getattr(defaults, name),
            help="share between 0 and 1 (default %(default)s)",
        )
    parser.add_argument(
        "--shape",
        choices=SHAPES,
        default="contract",
        help="the raw contract's tables, or a helpdesk's own (CSV only; default %(default)s)",
    )
    parser.add_argument(
        "--profile",
        choices=PROFILES,
        default="default",
        help="default, or messy: the messy stories (AI acknowledgements on human tickets, silent AI triage, "
        "engineers without escalations, partial surveys, same-instant events, solved -> open reopens, late "
        f"context requests, owner changes) at --messy-rate {MESSY_PROFILE_RATE} unless given (default %(default)s)",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress on stderr")
    return parser.parse_args(argv)


SHAPES = ("contract", "zendesk", "intercom")
PROFILES = ("default", "messy")


def write_shape(config: GeneratorConfig, shape: str, out: Path, progress: bool) -> None:
    """Generate the operation as the contract in a scratch folder, then write it in `shape`."""
    with tempfile.TemporaryDirectory(prefix="supportgen-") as scratch:
        generate(config, Path(scratch), "csv", progress=progress)
        if shape == "zendesk":
            from supportgen.shapes.zendesk import write_zendesk_tables, zendesk_vars

            counts, variables = write_zendesk_tables(Path(scratch), out), {"zendesk": zendesk_vars()}
        else:
            from supportgen.shapes.intercom import intercom_vars, write_intercom_tables

            counts, variables = write_intercom_tables(Path(scratch), out), {"intercom": intercom_vars()}
    print(f"wrote {sum(counts.values()):,} rows in {len(counts)} {shape} tables to {out}", file=sys.stderr)
    print(json.dumps({"source_system": shape, "raw_dir": str(out.resolve()), **variables}))


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.profile == "messy" and args.messy_rate == GeneratorConfig().messy_rate:
        args.messy_rate = MESSY_PROFILE_RATE
    try:
        config = GeneratorConfig(
            tickets=args.tickets,
            seed=args.seed,
            start_date=args.start_date,
            days=args.days,
            chunk_size=args.chunk_size,
            **{name: getattr(args, name) for name in SHARE_FIELDS},
        )
        if args.shape == "contract":
            generate(config, args.out, args.format, progress=not args.quiet)
        else:
            if args.format != "csv":
                raise ConfigError(f"--shape {args.shape} writes CSV only; drop --format {args.format}")
            write_shape(config, args.shape, args.out, progress=not args.quiet)
    except ConfigError as error:
        print(f"supportgen: error: {error}", file=sys.stderr)
        return 2
    return 0
