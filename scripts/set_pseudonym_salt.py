"""Store the pseudonym salt in the warehouse, where the models read it (var pseudonym_salt_table).

The salt is read from the environment variable SUPPORT_PSEUDONYM_SALT or from a file, never from
the command line (which shells and process lists keep), and written over a one-row table. dbt
then reads it inside the query, so it appears in no compiled SQL and no log.

    SUPPORT_PSEUDONYM_SALT=... python scripts/set_pseudonym_salt.py --duckdb target/support.duckdb
    python scripts/set_pseudonym_salt.py --postgres --salt-file /run/secrets/pseudonym_salt
    dbt build --vars '{pseudonym_salt_table: support_private.pseudonym_salt}'
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

import duckdb

DEFAULT_TABLE = "support_private.pseudonym_salt"


def read_salt(salt_file: Path | None) -> str:
    if salt_file is not None:
        try:
            salt = salt_file.read_text(encoding="utf-8").strip()
        except OSError as error:
            raise SystemExit(f"set_pseudonym_salt: cannot read {salt_file}: {error.strerror}") from error
    else:
        salt = os.environ.get("SUPPORT_PSEUDONYM_SALT", "").strip()
    if len(salt) < 16:
        source = str(salt_file) if salt_file else "SUPPORT_PSEUDONYM_SALT"
        raise SystemExit(f"set_pseudonym_salt: the salt from {source} is missing or shorter than 16 characters")
    return salt


IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*")


def checked_table(table: str) -> str:
    """schema.table of letters, digits and underscores: the name is pasted into SQL."""
    if not IDENTIFIER.fullmatch(table):
        raise SystemExit(f"set_pseudonym_salt: --table must be schema.table (letters, digits, underscores): {table!r}")
    return table


def statements(table: str) -> list[str]:
    schema = checked_table(table).split(".")[0]
    return [
        f"create schema if not exists {schema}",
        f"create table if not exists {table} (salt text not null)",
        f"delete from {table}",
    ]


def store_duckdb(path: Path, table: str, salt: str) -> None:
    with duckdb.connect(str(path)) as connection:
        for statement in statements(table):
            connection.execute(statement)
        connection.execute(f"insert into {table} (salt) values (?)", [salt])


def store_postgres(table: str, salt: str) -> None:
    # Imported here: only PostgreSQL needs it.
    import psycopg2  # type: ignore[import-untyped]

    connection = psycopg2.connect("")  # the PG* environment variables
    with connection, connection.cursor() as cursor:
        for statement in statements(table):
            cursor.execute(statement)
        cursor.execute(f"insert into {table} (salt) values (%s)", (salt,))
        # Only the owner reads it; dbt runs as the owner, BI roles never see it.
        cursor.execute(f"revoke all on {table} from public")
    connection.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--duckdb", type=Path, help="the DuckDB file dbt builds into")
    target.add_argument("--postgres", action="store_true", help="the PostgreSQL database of the PG* variables")
    parser.add_argument("--salt-file", type=Path, help="read the salt from this file (else $SUPPORT_PSEUDONYM_SALT)")
    parser.add_argument("--table", default=DEFAULT_TABLE, help=f"schema.table to write (default {DEFAULT_TABLE})")
    args = parser.parse_args(argv)
    salt = read_salt(args.salt_file)
    if args.duckdb is not None:
        store_duckdb(args.duckdb, args.table, salt)
    else:
        store_postgres(args.table, salt)
    print(f"set_pseudonym_salt: stored in {args.table}; build with --vars '{{pseudonym_salt_table: {args.table}}}'")
    return 0


if __name__ == "__main__":
    sys.exit(main())
