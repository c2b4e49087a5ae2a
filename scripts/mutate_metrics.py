"""Mutation testing of the metric macros: does a dbt unit test notice a moved boundary?

For each macro in macros/metrics/ (or the ones named), every comparison is mutated one at a
time (`>` and `>=` swap, `<` and `<=` swap) and every SQL `and` becomes `or`, in a scratch copy
of the project; the dbt unit tests run against a copy of an already built DuckDB file (the unit
tests need the upstream relations, run `make build` first). A mutant that leaves every unit test
green survived: no test pins that boundary. Jinja comments and `{% %}` control tags are not
mutated; an `and` that closes a `between` is skipped (the mutant would not parse). A mutant that
no input can tell apart from the macro (an equivalent mutant) is listed in EQUIVALENT with the
reason, keyed by its macro and mutated line, and is reported but not run; an entry that matches
no mutant any more (the line changed) is reported as stale, so the mutant is judged again.

    python scripts/mutate_metrics.py --list                    # the mutants, nothing run
    python scripts/mutate_metrics.py revenue_at_risk_rate      # one macro's mutants
    python scripts/mutate_metrics.py                           # every macro (slow: ~20 s a mutant)

Exit status 1 when a mutant survived (the report lists them), 2 when the unit tests fail on the
unmutated project.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MACROS = Path("macros") / "metrics"
DBT = Path(sys.executable).parent / "dbt"
COMPARISONS = {">=": ">", ">": ">=", "<=": "<", "<": "<="}
# A comparison operator not part of `<>`, `->`, `=>`, `%}`, `-}` or a Jinja delimiter.
COMPARISON = re.compile(r"(?<![<>=!\-%{])(>=|<=|>|<)(?![>=%}])")
AND = re.compile(r"\band\b")
EXCLUDED_SPANS = re.compile(r"\{#.*?#\}|\{%.*?%\}", re.DOTALL)
SKIPPED_FILES = {"metric_part_error.sql"}
# Equivalent mutants: (macro, the mutated line stripped of indentation) -> why no input tells the
# mutant from the macro. Keep each reason to one line; a test that could fail belongs in dbt.
EQUIVALENT: dict[tuple[str, str], str] = {
    (
        "first_contact_resolution_rate",
        "and coalesce(last_customer_message_sequence <= first_useful_reply_sequence, true)",
    ): (
        "both are event_sequence values (a row_number per ticket) of different events, a customer "
        "message and a reply by ai, agent or engineer, so they are never equal"
    ),
    ("time_to_first_evidence", "when first_evidence_at > first_human_assignment_at"): (
        "at equal instants the elapsed branch gives 0 minutes and the else branch gives 0: the same value"
    ),
}


@dataclass(frozen=True)
class Mutant:
    """One change to one macro file."""

    macro: str
    start: int
    end: int
    original: str
    replacement: str
    line: int

    column: int

    @property
    def label(self) -> str:
        return f"{self.macro}:{self.line}:{self.column} {self.original!r} -> {self.replacement!r}"

    def apply(self, text: str) -> str:
        return text[: self.start] + self.replacement + text[self.end :]

    def mutated_line(self, text: str) -> str:
        """The line of the mutant, mutated and stripped (the allow-list's key)."""
        return self.apply(text).splitlines()[self.line - 1].strip()

    def equivalence(self, text: str) -> str | None:
        """Why the mutant is equivalent, when EQUIVALENT says so."""
        return EQUIVALENT.get((self.macro, self.mutated_line(text)))


def _excluded(text: str) -> list[tuple[int, int]]:
    return [(match.start(), match.end()) for match in EXCLUDED_SPANS.finditer(text)]


def _inside(position: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in spans)


def _closes_between(text: str, position: int) -> bool:
    """Whether the `and` at `position` is the second bound of a `between`."""
    before = text[max(0, position - 120) : position].lower()
    last_between = before.rfind("between")
    return last_between >= 0 and not AND.search(before[last_between:])


def mutants(macro_file: Path) -> Iterator[Mutant]:
    """Every mutant of one macro file, in file order."""
    text = macro_file.read_text(encoding="utf-8")
    spans = _excluded(text)
    found: list[Mutant] = []
    for match in COMPARISON.finditer(text):
        if not _inside(match.start(), spans):
            found.append(_mutant(macro_file, text, match.start(), match.group(0), COMPARISONS[match.group(0)]))
    for match in AND.finditer(text):
        if not _inside(match.start(), spans) and not _closes_between(text, match.start()):
            found.append(_mutant(macro_file, text, match.start(), "and", "or"))
    yield from sorted(found, key=lambda mutant: mutant.start)


def _mutant(macro_file: Path, text: str, start: int, original: str, replacement: str) -> Mutant:
    return Mutant(
        macro=macro_file.stem,
        start=start,
        end=start + len(original),
        original=original,
        replacement=replacement,
        line=text.count("\n", 0, start) + 1,
        column=start - (text.rfind("\n", 0, start) + 1) + 1,
    )


def macro_files(names: Sequence[str]) -> list[Path]:
    """The metric macro files to mutate: the named ones, else all of them."""
    folder = ROOT / MACROS
    if names:
        missing = [name for name in names if not (folder / f"{name}.sql").is_file()]
        if missing:
            raise SystemExit(f"no metric macro named {', '.join(missing)} in {MACROS}")
        return [folder / f"{name}.sql" for name in names]
    return sorted(path for path in folder.glob("*.sql") if path.name not in SKIPPED_FILES)


def scratch_copy(workdir: Path, database: Path) -> Path:
    """A copy of the project (without target/, logs/ and the venv) and of dbt's build file (the
    published file holds the marts alone; the unit tests need the intermediate relations too)."""
    project = workdir / "project"
    shutil.copytree(
        ROOT,
        project,
        ignore=shutil.ignore_patterns(".git", ".venv", "target", "logs", "dbt_packages", "__pycache__", "*.duckdb*"),
    )
    shutil.copy2(database, workdir / "support.build.duckdb")
    return project


def run_unit_tests(project: Path, workdir: Path, selector: str) -> tuple[bool, str]:
    """dbt's unit tests in the scratch project; True when all pass."""
    env = {
        **os.environ,
        "DBT_PROFILES_DIR": str(project),
        "DUCKDB_PATH": str(workdir / "support.duckdb"),
        "DUCKDB_BUILD_PATH": str(workdir / "support.build.duckdb"),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
    }
    command = [
        str(DBT),
        "test",
        "--select",
        selector,
        "--project-dir",
        str(project),
        "--target-path",
        str(workdir / "target"),
        "--log-path",
        str(workdir / "logs"),
        "--vars",
        "{as_of: '2026-11-01 00:00:00'}",
    ]
    completed = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    return completed.returncode == 0, completed.stdout + completed.stderr


def _failed_tests(output: str) -> str:
    names = re.findall(r"(?:FAIL|ERROR)\s+(?:\d+\s+)?(\w+::\w+)", output)
    return ", ".join(sorted(set(names))) or "dbt error"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("macros", nargs="*", help="metric macros to mutate (default: every one in macros/metrics)")
    parser.add_argument("--list", action="store_true", help="list the mutants and stop")
    parser.add_argument(
        "--database",
        type=Path,
        default=ROOT / "target" / "support.build.duckdb",
        help="dbt's DuckDB build file (make build) the unit tests read their upstream relations from",
    )
    parser.add_argument("--select", default="test_type:unit", help="dbt selector of the tests to run")
    args = parser.parse_args(argv)

    files = macro_files(args.macros)
    planned = [mutant for path in files for mutant in mutants(path)]
    texts = {path.stem: path.read_text(encoding="utf-8") for path in files}
    equivalent = {mutant: reason for mutant in planned if (reason := mutant.equivalence(texts[mutant.macro]))}
    if args.list:
        for mutant in planned:
            note = f" (equivalent: {equivalent[mutant]})" if mutant in equivalent else ""
            print(mutant.label + note)
        print(f"{len(planned)} mutants in {len(files)} macros, {len(equivalent)} of them equivalent")
        return 0
    if not args.database.is_file():
        raise SystemExit(f"{args.database} does not exist: run `make build` first")
    to_run = [mutant for mutant in planned if mutant not in equivalent]
    survivors = run_mutants(to_run, args.database, args.select)
    if survivors is None:
        return 2
    matched = {(mutant.macro, mutant.mutated_line(texts[mutant.macro])) for mutant in equivalent}
    stale = [key for key in EQUIVALENT if key[0] in texts and key not in matched]
    report(planned, equivalent, survivors, stale)
    return 1 if survivors else 0


def run_mutants(planned: Sequence[Mutant], database: Path, selector: str) -> list[Mutant] | None:
    """Each mutant applied alone to a scratch project; the survivors (None: the unit tests fail
    on the unmutated project)."""
    with tempfile.TemporaryDirectory(prefix="mutate_metrics_") as tmp:
        workdir = Path(tmp)
        project = scratch_copy(workdir, database)
        passed, output = run_unit_tests(project, workdir, selector)
        if not passed:
            print(output)
            print("The unit tests fail on the unmutated project: fix them first.")
            return None
        survivors: list[Mutant] = []
        for number, mutant in enumerate(planned, start=1):
            target = project / MACROS / f"{mutant.macro}.sql"
            original = target.read_text(encoding="utf-8")
            target.write_text(mutant.apply(original), encoding="utf-8")
            started = time.monotonic()
            try:
                passed, output = run_unit_tests(project, workdir, selector)
            finally:
                target.write_text(original, encoding="utf-8")
            verdict = "SURVIVED" if passed else f"killed by {_failed_tests(output)}"
            elapsed = time.monotonic() - started
            print(f"[{number}/{len(planned)}] {mutant.label}: {verdict} ({elapsed:.0f} s)", flush=True)
            if passed:
                survivors.append(mutant)
    return survivors


def report(
    planned: Sequence[Mutant],
    equivalent: dict[Mutant, str],
    survivors: Sequence[Mutant],
    stale: Sequence[tuple[str, str]],
) -> None:
    """The summary: killed, equivalent (with the reason), survived, and stale allow-list entries."""
    killed = len(planned) - len(equivalent) - len(survivors)
    print(f"\n{killed} of {len(planned)} mutants killed; {len(equivalent)} equivalent (not run):")
    for mutant, reason in equivalent.items():
        print(f"  {mutant.label}: {reason}")
    for macro, line in stale:
        print(f"  stale allow-list entry, no such mutant (judge it again): {macro}: {line}")
    print(f"{len(survivors)} survived:")
    for mutant in survivors:
        print(f"  {mutant.label}")


if __name__ == "__main__":
    sys.exit(main())
