#!/usr/bin/env bash
# Runs roomservice's benchmarks by hand (never in CI) against a fresh PostgreSQL database
# roomservice_bench (ROOMSERVICE_BENCH_DB_NAME names another, so two runs on one machine do not drop
# each other's database); each harness prints its figures (docs/benchmarks.md records them).
#
#   scripts/benchmark.sh [foundation|appservice|members|exports|bot|worlds|reconciliation|gateway|all]   (default: all)
#
# Knobs: BENCH_SECONDS (20), BENCH_WARMUP (5), BENCH_ROOMS (100000 rooms = 200000 events, foundation),
# BENCH_MEMBERS (500, members; needs python3 for the Synapse test bed), BENCH_MESSAGES (5000,20000, exports), BENCH_COMMANDS (200, bot), BENCH_PEOPLE (200, worlds), BENCH_SCHEDULER_THREADS (4, worlds: roomservice.scheduler.threads), BENCH_GROUPS (500 groups = 1,000 rooms, reconciliation), BENCH_SENDS (200, gateway). The foundation harness also takes
# -Dbench.threads=1,8, -Dbench.rounds=4, -Dbench.commands-only=true and -Dbench.stop=processor,... when
# run through Maven directly (see FoundationBenchmark).
set -euo pipefail
cd "$(dirname "$0")/.."
export AXONIQ_UPDATE_CHECKER_DISABLED=true
which="${1:-all}"
bench_db="${ROOMSERVICE_BENCH_DB_NAME:-roomservice_bench}"
export ROOMSERVICE_BENCH_DB_URL="jdbc:postgresql://127.0.0.1:5432/${bench_db}"

run() {
  ROOMSERVICE_TEST_DB_NAME="$bench_db" scripts/postgres.sh --fresh
  ./mvnw -B -ntp -pl infra -am test -Dtest="$1" -Dsurefire.failIfNoSpecifiedTests=false \
    -Dbench.seconds="${BENCH_SECONDS:-20}" -Dbench.warmup="${BENCH_WARMUP:-5}" \
    -Dbench.rooms="${BENCH_ROOMS:-100000}" -Dbench.members="${BENCH_MEMBERS:-500}" \
    -Dbench.messages="${BENCH_MESSAGES:-5000,20000}" -Dbench.commands="${BENCH_COMMANDS:-200}" -Dbench.people="${BENCH_PEOPLE:-200}" \
    -Dbench.scheduler-threads="${BENCH_SCHEDULER_THREADS:-4}" -Dbench.groups="${BENCH_GROUPS:-500}" -Dbench.sends="${BENCH_SENDS:-200}" \
    | sed -n '/===== roomservice/,/=====$/p;/Tests run:\|BUILD\|ERROR/p'
}

./mvnw -B -q -ntp -DskipTests package >/dev/null

case "$which" in
  foundation|all) run FoundationBenchmark ;;&
  appservice|all) run AppserviceBenchmark ;;&
  members|exports|bot|worlds|reconciliation|gateway|all)
    export SYNAPSE_DIR="$PWD/.synapse/test-run" SYNAPSE_PORT=${SYNAPSE_TEST_PORT:-8018}
    scripts/synapse/install.sh
    trap 'scripts/synapse/stop.sh >/dev/null 2>&1 || true' EXIT ;;&
  members|all) run MemberSyncBenchmark ;;&
  exports|all) run ExportBenchmark ;;&
  bot|all) run BotReplyBenchmark ;;&
  worlds|all) run WorldPresenceBenchmark ;;&
  reconciliation|all) run ReconciliationBenchmark ;;&
  gateway|all) run GatewayBenchmark ;;
  foundation|appservice|members|exports|bot|worlds|reconciliation) ;;
  *) echo "usage: $0 [foundation|appservice|members|exports|bot|worlds|reconciliation|gateway|all]" >&2; exit 2 ;;
esac
