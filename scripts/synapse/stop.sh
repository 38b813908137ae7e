#!/usr/bin/env bash
# Stops the test-bed Synapse started from $SYNAPSE_DIR (pid file homeserver.pid) and waits until it
# has exited (SIGTERM, then SIGKILL after $SYNAPSE_STOP_TIMEOUT seconds, default 30).
# Not running: nothing to do, exit 0.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
# shellcheck source=SCRIPTDIR/env.sh
. "${SCRIPT_DIR}/env.sh"

log() { echo "stop.sh: $*"; }

if [ ! -d "${SYNAPSE_DIR}" ]; then
  exit 0
fi
SYNAPSE_DIR="$(cd "${SYNAPSE_DIR}" && pwd -P)"
CONFIG="${SYNAPSE_DIR}/homeserver.yaml"
PID_FILE="${SYNAPSE_DIR}/homeserver.pid"
timeout="${SYNAPSE_STOP_TIMEOUT:-30}"

# Serialise with start.sh, unless start.sh itself is calling us while holding the lock.
if [ "${_SYNAPSE_LOCK_HELD:-0}" != 1 ] && [ -f "${SYNAPSE_DIR}/.roomservice-synapse-run" ]; then
  exec 9>"${SYNAPSE_DIR}/.lock"
  flock 9
fi

[ -f "${PID_FILE}" ] || exit 0
pid="$(cat "${PID_FILE}" 2>/dev/null || true)"

is_ours() {
  kill -0 "${pid}" 2>/dev/null &&
    tr '\0' ' ' < "/proc/${pid}/cmdline" 2>/dev/null | grep -q -F -- "${CONFIG}"
}

if ! [[ "${pid}" =~ ^[0-9]+$ ]] || ! is_ours; then
  log "not running (removing stale pid file)"
  rm -f "${PID_FILE}"
  exit 0
fi

log "stopping Synapse (pid ${pid})"
kill -TERM "${pid}" 2>/dev/null || true
deadline=$(( $(date +%s) + timeout ))
while is_ours; do
  if [ "$(date +%s)" -ge "${deadline}" ]; then
    log "still running after ${timeout} s: SIGKILL"
    kill -KILL "${pid}" 2>/dev/null || true
    for _ in $(seq 50); do is_ours || break; sleep 0.1; done
    break
  fi
  sleep 0.1
done
rm -f "${PID_FILE}"
log "stopped"
