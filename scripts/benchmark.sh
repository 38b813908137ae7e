#!/usr/bin/env bash
# Runs roomservice's benchmarks by hand (never in CI) against a fresh PostgreSQL database
# roomservice_bench; each harness prints its figures (docs/benchmarks.md records them).
#
#   scripts/benchmark.sh [foundation|appservice|members|exports|all]   (default: all)
#
# Knobs: BENCH_SECONDS (20), BENCH_WARMUP (5), BENCH_ROOMS (100000 rooms = 200000 events, foundation),
# BENCH_MEMBERS (500, members; needs python3 for the Synapse test bed), BENCH_MESSAGES (5000,20000, exports). The foundation harness also takes
# -Dbench.threads=1,8, -Dbench.rounds=4, -Dbench.commands-only=true and -Dbench.stop=processor,... when
# run through Maven directly (see FoundationBenchmark).
set -euo pipefail
cd "$(dirname "$0")/.."
export AXONIQ_UPDATE_CHECKER_DISABLED=true
which="${1:-all}"

run() {
  ROOMSERVICE_TEST_DB_NAME=roomservice_bench scripts/postgres.sh --fresh
  ./mvnw -B -ntp -pl infra -am test -Dtest="$1" -Dsurefire.failIfNoSpecifiedTests=false \
    -Dbench.seconds="${BENCH_SECONDS:-20}" -Dbench.warmup="${BENCH_WARMUP:-5}" \
    -Dbench.rooms="${BENCH_ROOMS:-100000}" -Dbench.members="${BENCH_MEMBERS:-500}" \
    -Dbench.messages="${BENCH_MESSAGES:-5000,20000}" \
    | sed -n '/===== roomservice/,/=====$/p;/Tests run:\|BUILD\|ERROR/p'
}

./mvnw -B -q -ntp -DskipTests package >/dev/null

case "$which" in
  foundation|all) run FoundationBenchmark ;;&
  appservice|all) run AppserviceBenchmark ;;&
  members|exports|all)
    export SYNAPSE_DIR="$PWD/.synapse/test-run" SYNAPSE_PORT=${SYNAPSE_TEST_PORT:-8018}
    scripts/synapse/install.sh
    trap 'scripts/synapse/stop.sh >/dev/null 2>&1 || true' EXIT ;;&
  members|all) run MemberSyncBenchmark ;;&
  exports|all) run ExportBenchmark ;;
  foundation|appservice|members) ;;
  *) echo "usage: $0 [foundation|appservice|members|exports|all]" >&2; exit 2 ;;
esac
