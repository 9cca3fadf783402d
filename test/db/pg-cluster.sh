#!/usr/bin/env bash
# A throwaway PostgreSQL 15 + PostGIS cluster for the database tests (CI and local runs).
#   test/db/pg-cluster.sh start   # initdb + start on $LIANJIAN_PG_PORT, apply supabase/migrations
#   test/db/pg-cluster.sh stop
# Prints nothing on success but the connection string. Needs root (runs the server as `postgres`).
set -euo pipefail
PORT="${LIANJIAN_PG_PORT:-54329}"
DIR="${LIANJIAN_PG_DIR:-/tmp/lianjian-pg}"
BIN="/usr/lib/postgresql/15/bin"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
as_pg() { runuser -u postgres -- "$@"; }
psql_su() { as_pg psql -X -q -v ON_ERROR_STOP=1 -h "$DIR" -p "$PORT" -U postgres "$@"; }

case "${1:-}" in
  start)
    if [ -f "$DIR/postmaster.pid" ]; then as_pg "$BIN/pg_ctl" -D "$DIR" -m fast stop >/dev/null || true; fi
    rm -rf "$DIR"
    mkdir -p "$DIR" && chown postgres:postgres "$DIR"
    as_pg "$BIN/initdb" -D "$DIR" -A trust -U postgres --locale=C.UTF-8 -E UTF8 >/dev/null
    as_pg "$BIN/pg_ctl" -D "$DIR" -l "$DIR/server.log" -w \
      -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" start >/dev/null
    psql_su -d postgres -c "create database lianjian"
    for f in "$ROOT"/supabase/migrations/*.sql; do psql_su -d lianjian -f "$f"; done
    # The test runner: not a superuser, owns no table; may act as the API roles like PostgREST does.
    psql_su -d lianjian -c "create extension if not exists pgtap with schema extensions" \
      -c "create extension if not exists plpgsql_check" \
      -c "create role tester login noinherit" \
      -c "grant anon, authenticated, service_role to tester" \
      -c "grant usage on schema extensions to tester" \
      -c "grant usage, create on schema realtime to tester" \
      -c "create role authenticator login noinherit" \
      -c "grant anon, authenticated, service_role to authenticator"
    echo "postgresql://tester@127.0.0.1:$PORT/lianjian"
    ;;
  stop)
    as_pg "$BIN/pg_ctl" -D "$DIR" -m fast stop >/dev/null
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
