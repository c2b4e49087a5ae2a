"""Command line: python -m supportgen --tickets 3000 --seed 7 --format csv --out DIR"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from supportgen.config import SHARE_FIELDS, ConfigError, GeneratorConfig
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
    parser.add_argument("--quiet", action="store_true", help="no progress on stderr")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        config = GeneratorConfig(
            tickets=args.tickets,
            seed=args.seed,
            start_date=args.start_date,
            days=args.days,
            chunk_size=args.chunk_size,
            **{name: getattr(args, name) for name in SHARE_FIELDS},
        )
        generate(config, args.out, args.format, progress=not args.quiet)
    except ConfigError as error:
        print(f"supportgen: error: {error}", file=sys.stderr)
        return 2
    return 0
