#!/usr/bin/env bash
# Stops and starts the test-bed Synapse, e.g. to load changed appservice registrations.
# Arguments are passed to start.sh (e.g. --fresh).
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
"${SCRIPT_DIR}/stop.sh"
exec "${SCRIPT_DIR}/start.sh" "$@"
