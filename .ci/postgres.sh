#!/usr/bin/env bash
# Start a private PostgreSQL for the integration tests and print its URL.
# initdb refuses root, so the cluster belongs to the `postgres` user; it listens on loopback only,
# with its socket in a private directory, and lives under $PG_ROOT until stopped.
set -euo pipefail
PG_ROOT=${PG_ROOT:-/tmp/onething-pg}
PG_PORT=${PG_PORT:-54329}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bin" ] || [ ! -x "$bin/postgres" ]; then
  echo "installing postgresql…" >&2
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi
id postgres >/dev/null 2>&1 || useradd --system --home-dir "$PG_ROOT" postgres
mkdir -p "$PG_ROOT" && chown postgres "$PG_ROOT"
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
if [ ! -f "$PG_ROOT/data/PG_VERSION" ]; then
  as_pg "'$bin/initdb' -D '$PG_ROOT/data' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >&2
fi
if ! as_pg "'$bin/pg_ctl' -D '$PG_ROOT/data' status" >/dev/null 2>&1; then
  as_pg "'$bin/pg_ctl' -D '$PG_ROOT/data' -l '$PG_ROOT/log' -w -o \"-p $PG_PORT -k $PG_ROOT -c listen_addresses=127.0.0.1 -c fsync=on\" start" >&2
fi
echo "postgres://postgres@127.0.0.1:$PG_PORT/postgres"
