#!/usr/bin/env bash
# Runs roomservice's whole test suite on this machine: starts PostgreSQL (fresh test database),
# installs the pinned Synapse test bed, and runs every module's tests through the Maven wrapper.
set -euo pipefail
cd "$(dirname "$0")/.."

export AXONIQ_UPDATE_CHECKER_DISABLED=true

scripts/postgres.sh --fresh
if command -v python3 >/dev/null 2>&1; then
  scripts/synapse/install.sh
  trap 'scripts/synapse/stop.sh >/dev/null 2>&1 || true' EXIT
fi

./mvnw -B -ntp verify "$@"
