#!/usr/bin/env bash
# Start a throwaway PostgreSQL server for the store tests and print how to reach it.
#
#   bash .ci/postgres.sh            # prints: export STORYDIFF_TEST_PG_URL=...
#   bash .ci/postgres.sh FILE       # writes that line to FILE instead (source it afterwards)
#
# Idempotent: installs PostgreSQL and psycopg only when missing, creates the cluster only once,
# starts the server only when it is not running. The cluster lives in $STORYDIFF_PG_DIR
# (default /tmp/storydiff-pg), listens on 127.0.0.1:$STORYDIFF_PG_PORT (default 54329, away from
# a system server on 5432) with trust auth: it holds nothing but test data.
set -euo pipefail

PGDIR=${STORYDIFF_PG_DIR:-/tmp/storydiff-pg}
PORT=${STORYDIFF_PG_PORT:-54329}
DB=storydiff_test
URL="postgresql+psycopg://postgres@127.0.0.1:${PORT}/${DB}"

find_bindir() {
    local d
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        [ -x "$d/initdb" ] && { echo "$d"; return 0; }
    done
    command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
    return 1
}

if ! BIN=$(find_bindir); then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq postgresql >/dev/null
    BIN=$(find_bindir)
fi

# The tests reach the server through psycopg 3.
if ! python -c "import psycopg" >/dev/null 2>&1; then
    python -m pip install -q "psycopg[binary]>=3.1" >/dev/null 2>&1
fi

# initdb and postgres refuse to run as root: run them as the postgres user then.
as_pg() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/sh postgres
    mkdir -p "$PGDIR"
    chown postgres "$PGDIR"
else
    mkdir -p "$PGDIR"
fi

if [ ! -s "$PGDIR/data/PG_VERSION" ]; then
    as_pg "$BIN/initdb" -D "$PGDIR/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
        >"$PGDIR/initdb.log" 2>&1 \
        || as_pg "$BIN/initdb" -D "$PGDIR/data" -U postgres --auth=trust --encoding=UTF8 --locale=C \
            >"$PGDIR/initdb.log" 2>&1
fi

if ! as_pg "$BIN/pg_ctl" -D "$PGDIR/data" status >/dev/null 2>&1; then
    # fsync off and a socket in our own folder: a throwaway server for tests, fast, touching nothing else.
    as_pg "$BIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w -t 60 \
        -o "-p $PORT -c listen_addresses=127.0.0.1 -k $PGDIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >/dev/null
fi

if ! as_pg "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -tAc \
        "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1; then
    as_pg "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -qc "CREATE DATABASE $DB" >/dev/null
fi

LINE="export STORYDIFF_TEST_PG_URL=$URL"
if [ $# -ge 1 ]; then
    echo "$LINE" >"$1"
else
    echo "$LINE"
fi
