"""The dbt-duckdb plugin that keeps the file BI tools read apart from the file dbt builds in.

profiles.yml loads it on the `duckdb` target. dbt builds in a private file (DUCKDB_BUILD_PATH,
default: DUCKDB_PATH with `.build` before its extension) that holds everything: raw seeds, staged
rows, the quarantine, the salt table. At the end of a successful `dbt run` or `dbt build`, the
macro `publish_marts` copies the marts schema into a temporary file beside DUCKDB_PATH and calls
`support_publish_commit()`, which renames it over DUCKDB_PATH: readers see the previous marts or
the new ones, never a half-built state, and a reader's open connection never blocks a build.

Two dbt commands cannot use the build file at once: the first takes a lock (`<build file>.lock`)
for its whole life, and a second one stops at once with one line naming the first.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import os
import sys
from pathlib import Path
from typing import IO, Any

from dbt.adapters.duckdb.plugins import BasePlugin
from duckdb import DuckDBPyConnection

# One lock per process, held until it exits (dbt opens and closes its connection several times
# during one command; the lock must cover the whole command).
_HELD: dict[Path, IO[str]] = {}


class BuildFileBusy(RuntimeError):
    """Another dbt command holds the build file. dbt-duckdb turns a RuntimeError raised while it
    connects into a dbt error, which dbt prints as its message alone, without a traceback."""


def build_path(publish_path: Path) -> Path:
    """The default build file beside a published file: `support.duckdb` -> `support.build.duckdb`
    (the same rule as the `path` of profiles.yml's duckdb target)."""
    if "." in publish_path.name:
        stem, extension = publish_path.name.rsplit(".", 1)
        return publish_path.with_name(f"{stem}.build.{extension}")
    return publish_path.with_name(f"{publish_path.name}.build")


def lock_path(database: Path) -> Path:
    return database.with_name(database.name + ".lock")


def temporary_path(publish_path: Path) -> Path:
    return publish_path.with_name(f".{publish_path.name}.publishing")


def describe_holder(lock_file: Path) -> str:
    """What the lock file says about the command holding it (written when it was taken)."""
    try:
        holder = lock_file.read_text(encoding="utf-8").strip()
    except OSError:
        holder = ""
    return holder or "another dbt command"


def hold_lock(database: Path) -> None:
    """Take the build file's lock for the rest of this process, or stop with one line."""
    database = database.resolve()
    if database in _HELD:
        return
    lock_file = lock_path(database)
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    handle = lock_file.open("a+", encoding="utf-8")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        raise BuildFileBusy(
            f"Another build holds {database}: {describe_holder(lock_file)}. "
            "Wait for it to finish (or stop it), then run this command again."
        ) from None
    started = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    command = " ".join(["dbt", *sys.argv[1:2]])
    handle.seek(0)
    handle.truncate()
    handle.write(f"`{command}` (PID {os.getpid()}, started {started})\n")
    handle.flush()
    _HELD[database] = handle


def commit(temporary: Path, publish_path: Path) -> str:
    """Rename the finished temporary file over the published one (atomic on one file system)."""
    with temporary.open("rb") as handle:
        os.fsync(handle.fileno())
    # A write-ahead log left by a writer of the old file must not be replayed on the new one.
    Path(f"{publish_path}.wal").unlink(missing_ok=True)
    os.replace(temporary, publish_path)
    directory = os.open(publish_path.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)
    return str(publish_path)


def prepare(temporary: Path) -> str:
    """A clean temporary path: what a killed earlier publish left there is removed."""
    temporary.parent.mkdir(parents=True, exist_ok=True)
    for stale in (temporary, Path(f"{temporary}.wal")):
        stale.unlink(missing_ok=True)
    return str(temporary)


class Plugin(BasePlugin):
    """Config: `publish_path`, the file BI tools and the dashboard read (DUCKDB_PATH)."""

    def initialize(self, plugin_config: dict[str, Any]) -> None:
        published = str(plugin_config.get("publish_path") or "").strip()
        if not published:
            raise BuildFileBusy("profiles.yml: the duckdb_build_plugin needs `publish_path` (DUCKDB_PATH).")
        self.publish_path = Path(published).expanduser().resolve()

    def update_connection_config(self, creds: Any, config: dict[str, Any]) -> None:
        database = Path(str(creds.path)).expanduser().resolve()
        if database == self.publish_path:
            raise BuildFileBusy(
                f"DUCKDB_BUILD_PATH and DUCKDB_PATH are both {database}: the build needs its own file "
                "(unset DUCKDB_BUILD_PATH to use the default beside DUCKDB_PATH)."
            )
        hold_lock(database)

    def configure_connection(self, conn: DuckDBPyConnection) -> None:
        temporary = temporary_path(self.publish_path)
        conn.create_function(
            "support_publish_temporary_path", lambda: prepare(temporary), [], "VARCHAR", side_effects=True
        )
        conn.create_function(
            "support_publish_commit",
            lambda: commit(temporary, self.publish_path),
            [],
            "VARCHAR",
            side_effects=True,
        )
