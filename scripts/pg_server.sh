#!/usr/bin/env bash
# A private PostgreSQL server for tests: its own data folder under $PG_TEST_DIR, bound to
# 127.0.0.1 on a non-default port, never a system cluster. Installs Debian's server package when
# no initdb is found.
#
#   scripts/pg_server.sh start   # prints the PG* variables to export
#   scripts/pg_server.sh stop
#
# As root the server runs as the `postgres` user (PostgreSQL refuses root).
set -euo pipefail

PG_TEST_DIR="${PG_TEST_DIR:-${TMPDIR:-/tmp}/support-metrics-pg}"
PGPORT="${PGPORT:-55432}"
DATA="$PG_TEST_DIR/data"
LOG="$PG_TEST_DIR/server.log"

find_bin() {
    local name="$1" found
    found="$(command -v "$name" 2>/dev/null || true)"
    if [[ -z "$found" ]]; then
        found="$(ls -1d /usr/lib/postgresql/*/bin/"$name" 2>/dev/null | sort -V | tail -n 1 || true)"
    fi
    echo "$found"
}

as_server_user() {
    if [[ "$(id -u)" == "0" ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

install_server() {
    if [[ -n "$(find_bin initdb)" ]]; then
        return
    fi
    echo "pg_server: no initdb found; installing Debian's postgresql package" >&2
    if [[ "$(id -u)" != "0" ]]; then
        echo "pg_server: installing PostgreSQL needs root (apt-get install postgresql); run as root or install it" >&2
        exit 1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null 2>&1 || {
        apt-get update -q >/dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null
    }
    # The package may start a system cluster; this script never uses it.
}

start() {
    install_server
    local initdb pg_ctl
    initdb="$(find_bin initdb)"
    pg_ctl="$(find_bin pg_ctl)"
    mkdir -p "$PG_TEST_DIR"
    if [[ "$(id -u)" == "0" ]]; then
        chown postgres "$PG_TEST_DIR"
    fi
    if as_server_user "$pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
        echo "pg_server: already running in $DATA" >&2
    else
        if [[ ! -f "$DATA/PG_VERSION" ]]; then
            as_server_user "$initdb" -D "$DATA" --auth=trust --username=postgres --encoding=UTF8 \
                --locale=C >/dev/null
        fi
        as_server_user "$pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 \
            -o "-p $PGPORT -c listen_addresses=127.0.0.1 -k $PG_TEST_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
            start >/dev/null
    fi
    echo "export PGHOST=127.0.0.1 PGPORT=$PGPORT PGUSER=postgres PGDATABASE=postgres"
}

stop() {
    local pg_ctl
    pg_ctl="$(find_bin pg_ctl)"
    if [[ -n "$pg_ctl" && -f "$DATA/PG_VERSION" ]]; then
        as_server_user "$pg_ctl" -D "$DATA" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$PG_TEST_DIR"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
