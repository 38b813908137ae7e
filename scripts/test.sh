#!/usr/bin/env bash
# Runs roomservice's whole test suite on this machine: starts PostgreSQL (fresh test database),
# installs the pinned Synapse test bed, and runs every module's tests through the Maven wrapper.
set -euo pipefail
cd "$(dirname "$0")/.."

export AXONIQ_UPDATE_CHECKER_DISABLED=true

scripts/postgres.sh --fresh
# the console's browser tests drive Debian's Chromium through its chromedriver
scripts/browser.sh
# the tests' Synapse is its own: a fresh run directory and port, apart from the one scripts/run.sh uses
export SYNAPSE_DIR="$PWD/.synapse/test-run" SYNAPSE_PORT=${SYNAPSE_TEST_PORT:-8018}
unset SYNAPSE_URL SYNAPSE_APPSERVICE_DIR
if command -v python3 >/dev/null 2>&1; then
  scripts/synapse/install.sh
  # a fresh homeserver for every run: accounts a previous run left (its admin account among them)
  # would not match the fresh PostgreSQL database's secrets
  scripts/synapse/stop.sh >/dev/null 2>&1 || true
  rm -rf "$SYNAPSE_DIR"
  trap 'scripts/synapse/stop.sh >/dev/null 2>&1 || true' EXIT
fi

./mvnw -B -ntp verify "$@"
