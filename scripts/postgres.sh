#!/usr/bin/env bash
# Makes sure a local PostgreSQL is running and holds an empty test database for roomservice.
# Uses Debian's PostgreSQL 15 (installed but stopped on a fresh machine); installs it if missing.
set -euo pipefail

DB_NAME=${ROOMSERVICE_TEST_DB_NAME:-roomservice_test}
DB_USER=${ROOMSERVICE_TEST_DB_USER:-roomservice}
DB_PASSWORD=${ROOMSERVICE_TEST_DB_PASSWORD:-roomservice}

as_postgres() {
  if [ "$(id -un)" = postgres ]; then "$@"; else su postgres -c "$(printf '%q ' "$@")"; fi
}

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  echo "PostgreSQL is not installed; installing Debian's postgresql package" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi

cluster=$(pg_lsclusters --no-header | awk 'NR==1 {print $1" "$2}')
if [ -z "$cluster" ]; then
  pg_createcluster 15 main >/dev/null
  cluster="15 main"
fi
# shellcheck disable=SC2086
if ! pg_lsclusters --no-header | awk 'NR==1 {print $4}' | grep -q online; then
  pg_ctlcluster $cluster start
fi
for _ in $(seq 1 30); do
  as_postgres pg_isready -q && break
  sleep 1
done

as_postgres psql -q -v ON_ERROR_STOP=1 -d postgres <<SQL >/dev/null
do \$\$ begin
  if not exists (select from pg_roles where rolname = '${DB_USER}') then
    create role ${DB_USER} login password '${DB_PASSWORD}';
  end if;
end \$\$;
SQL
if [ "${1:-}" = "--fresh" ]; then
  as_postgres psql -q -d postgres -c "drop database if exists ${DB_NAME} with (force)" >/dev/null
fi
if ! as_postgres psql -tA -d postgres -c "select 1 from pg_database where datname = '${DB_NAME}'" | grep -q 1; then
  as_postgres psql -q -d postgres -c "create database ${DB_NAME} owner ${DB_USER}" >/dev/null
fi
echo "PostgreSQL ready: jdbc:postgresql://127.0.0.1:5432/${DB_NAME} (user ${DB_USER})"
