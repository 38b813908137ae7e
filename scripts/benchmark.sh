#!/usr/bin/env bash
# Runs roomservice's benchmarks by hand (never in CI): a fresh PostgreSQL database
# roomservice_bench, then infra's FoundationBenchmark, which prints its figures.
# Knobs: BENCH_SECONDS (20), BENCH_WARMUP (5), BENCH_ROOMS (100000 rooms = 200000 events).
set -euo pipefail
cd "$(dirname "$0")/.."
export AXONIQ_UPDATE_CHECKER_DISABLED=true
ROOMSERVICE_TEST_DB_NAME=roomservice_bench scripts/postgres.sh --fresh
./mvnw -B -q -ntp install -DskipTests
./mvnw -B -ntp -pl infra test -Dtest=FoundationBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.seconds="${BENCH_SECONDS:-20}" -Dbench.warmup="${BENCH_WARMUP:-5}" -Dbench.rooms="${BENCH_ROOMS:-100000}" \
  | sed -n '/===== roomservice/,/=====$/p;/Tests run:\|BUILD/p'
