#!/usr/bin/env bash
# Starts the test-bed Synapse from $SYNAPSE_DIR (default <repo>/.synapse/run) in the background
# and waits until http://127.0.0.1:$SYNAPSE_PORT/health answers 200.
#
#   scripts/synapse/start.sh [--fresh]
#
# --fresh (or SYNAPSE_FRESH=1): stop a running server, wipe the run directory (database, media,
# config, keys, log; the appservice registrations and homeserver.local.yaml are kept) and start
# from a copy of the migrated template database.
#
# - Installs Synapse first if needed (install.sh, a no-op when installed).
# - Rewrites homeserver.yaml from the environment on every start (see env.sh); for hand-made
#   tweaks put a file homeserver.local.yaml into the run directory: it is loaded last.
# - Every *.yaml in $SYNAPSE_APPSERVICE_DIR becomes an appservice registration. Synapse reads
#   them only at start: when they (or the generated config) changed since the running server
#   was started, this script restarts it.
# - Already running and healthy with the same configuration: returns at once.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
# shellcheck source=SCRIPTDIR/env.sh
. "${SCRIPT_DIR}/env.sh"

fresh="${SYNAPSE_FRESH:-0}"
for arg in "$@"; do
  case "${arg}" in
    --fresh) fresh=1 ;;
    -h|--help) sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "start.sh: unknown argument: ${arg}" >&2; exit 2 ;;
  esac
done
case "${fresh}" in 1|true|yes) fresh=1 ;; *) fresh=0 ;; esac

log() { echo "start.sh: $*"; }
fail() { echo "start.sh: ERROR: $*" >&2; exit 1; }

"${SCRIPT_DIR}/install.sh"
PY="${SYNAPSE_VENV}/bin/python"

mkdir -p "${SYNAPSE_DIR}"
SYNAPSE_DIR="$(cd "${SYNAPSE_DIR}" && pwd -P)"
MARKER="${SYNAPSE_DIR}/.roomservice-synapse-run"
CONFIG="${SYNAPSE_DIR}/homeserver.yaml"
LOCAL_CONFIG="${SYNAPSE_DIR}/homeserver.local.yaml"
PID_FILE="${SYNAPSE_DIR}/homeserver.pid"
LOG_FILE="${SYNAPSE_DIR}/homeserver.log"
CONSOLE_LOG="${SYNAPSE_DIR}/console.log"
DB_FILE="${SYNAPSE_DIR}/homeserver.db"
STARTED_HASH_FILE="${SYNAPSE_DIR}/.started-config.sha256"
HEALTH_URL="http://127.0.0.1:${SYNAPSE_PORT}/health"

# Refuse to manage (and above all to wipe) a directory that is not ours.
if [ ! -f "${MARKER}" ]; then
  shopt -s dotglob nullglob
  for entry in "${SYNAPSE_DIR}"/*; do
    case "${entry##*/}" in
      .lock|appservices|homeserver.local.yaml) ;;
      *) fail "${SYNAPSE_DIR} is not empty and was not created by this script (no ${MARKER##*/}); refusing to use it" ;;
    esac
  done
  shopt -u dotglob nullglob
  touch "${MARKER}"
fi

# One start/stop at a time per run directory (parallel test JVMs may call this concurrently).
exec 9>"${SYNAPSE_DIR}/.lock"
flock 9

healthy() {
  [ "$(curl --noproxy '*' -s -o /dev/null -m 2 -w '%{http_code}' "${HEALTH_URL}" 2>/dev/null || true)" = "200" ]
}

# Prints the pid of the Synapse running from this directory, or fails.
running_pid() {
  local pid
  [ -f "${PID_FILE}" ] || return 1
  pid="$(cat "${PID_FILE}" 2>/dev/null || true)"
  [[ "${pid}" =~ ^[0-9]+$ ]] || return 1
  kill -0 "${pid}" 2>/dev/null || return 1
  tr '\0' ' ' < "/proc/${pid}/cmdline" 2>/dev/null | grep -q -F -- "${CONFIG}" || return 1
  echo "${pid}"
}

show_logs() {
  if [ -s "${CONSOLE_LOG}" ]; then
    echo "---- tail of ${CONSOLE_LOG} ----" >&2
    tail -n 40 "${CONSOLE_LOG}" >&2
  fi
  if [ -s "${LOG_FILE}" ]; then
    echo "---- tail of ${LOG_FILE} ----" >&2
    tail -n 60 "${LOG_FILE}" >&2
  fi
}

# ---------------------------------------------------------------------------------------------
# --fresh: stop and wipe (keeping the lock file and the appservice registrations).
if [ "${fresh}" = 1 ]; then
  if running_pid >/dev/null; then
    log "--fresh: stopping the running server"
    _SYNAPSE_LOCK_HELD=1 "${SCRIPT_DIR}/stop.sh" 9>&-
  fi
  as_dir_real="$(cd "${SYNAPSE_APPSERVICE_DIR}" 2>/dev/null && pwd -P || true)"
  shopt -s dotglob nullglob
  for entry in "${SYNAPSE_DIR}"/*; do
    case "${entry##*/}" in .lock|"${MARKER##*/}"|homeserver.local.yaml) continue ;; esac
    if [ -n "${as_dir_real}" ] && [ "${entry}" = "${as_dir_real}" ]; then continue; fi
    rm -rf -- "${entry}"
  done
  shopt -u dotglob nullglob
fi

mkdir -p "${SYNAPSE_APPSERVICE_DIR}" "${SYNAPSE_DIR}/media_store"

# ---------------------------------------------------------------------------------------------
# Database: a copy of the migrated template of this Synapse version.
synapse_version="$("${PY}" -c 'import importlib.metadata as m; print(m.version("matrix-synapse"))')"
TEMPLATE_DB="${SYNAPSE_TEMPLATE_DIR}/${synapse_version}/homeserver.db"

build_template() {
  mkdir -p "${SYNAPSE_TEMPLATE_DIR}"
  exec 8>"${SYNAPSE_TEMPLATE_DIR}/.lock"
  flock 8
  if [ -f "${TEMPLATE_DB}" ]; then exec 8>&-; return 0; fi
  local tmp started
  tmp="$(mktemp -d "${SYNAPSE_TEMPLATE_DIR}/build.XXXXXX")"
  log "migrating an empty database into the template for Synapse ${synapse_version} (once per version)"
  started=$(date +%s)
  "${SYNAPSE_VENV}/bin/generate_signing_key" -o "${tmp}/signing.key"
  cat > "${tmp}/database.yaml" <<EOF
server_name: "template.invalid"
report_stats: false
signing_key_path: "${tmp}/signing.key"
media_store_path: "${tmp}/media_store"
database:
  name: sqlite3
  args:
    database: "${tmp}/homeserver.db"
EOF
  if ! "${SYNAPSE_VENV}/bin/update_synapse_database" --database-config "${tmp}/database.yaml" \
      --run-background-updates > "${tmp}/migrate.log" 2>&1 8>&-; then
    tail -n 60 "${tmp}/migrate.log" >&2
    fail "template migration failed (log: ${tmp}/migrate.log)"
  fi
  mkdir -p "${SYNAPSE_TEMPLATE_DIR}/${synapse_version}"
  cp "${tmp}/migrate.log" "${SYNAPSE_TEMPLATE_DIR}/${synapse_version}/migrate.log"
  cp "${tmp}/homeserver.db" "${TEMPLATE_DB}.part"
  mv "${TEMPLATE_DB}.part" "${TEMPLATE_DB}"
  rm -rf "${tmp}"
  log "template ready after $(( $(date +%s) - started )) s: ${TEMPLATE_DB}"
  exec 8>&-
}

if [ ! -f "${DB_FILE}" ]; then
  [ -f "${TEMPLATE_DB}" ] || build_template
  cp "${TEMPLATE_DB}" "${DB_FILE}"
  echo "${SYNAPSE_SERVER_NAME}" > "${SYNAPSE_DIR}/.server_name"
  echo "${synapse_version}" > "${SYNAPSE_DIR}/.synapse_version"
fi
db_server_name="$(cat "${SYNAPSE_DIR}/.server_name" 2>/dev/null || true)"
if [ -n "${db_server_name}" ] && [ "${db_server_name}" != "${SYNAPSE_SERVER_NAME}" ]; then
  fail "the database in ${SYNAPSE_DIR} belongs to server_name '${db_server_name}', not '${SYNAPSE_SERVER_NAME}': use --fresh"
fi

if [ ! -f "${SYNAPSE_DIR}/signing.key" ]; then
  "${SYNAPSE_VENV}/bin/generate_signing_key" -o "${SYNAPSE_DIR}/signing.key"
fi

# ---------------------------------------------------------------------------------------------
# Configuration, regenerated from the environment; prints the hash of everything Synapse reads.
config_hash="$(
  CONFIG="${CONFIG}" LOCAL_CONFIG="${LOCAL_CONFIG}" PID_FILE="${PID_FILE}" LOG_FILE="${LOG_FILE}" \
  DB_FILE="${DB_FILE}" "${PY}" - <<'PYEOF'
import glob, hashlib, json, os, yaml

env = os.environ
run_dir = env["SYNAPSE_DIR"]
port = int(env["SYNAPSE_PORT"])
as_dir = os.path.realpath(env["SYNAPSE_APPSERVICE_DIR"])
as_files = sorted(f for f in glob.glob(os.path.join(as_dir, "*.yaml")) if os.path.isfile(f))

high = {"per_second": 10000, "burst_count": 100000}
log_config_path = os.path.join(run_dir, "log.config.yaml")
config = {
    "server_name": env["SYNAPSE_SERVER_NAME"],
    "public_baseurl": "http://127.0.0.1:%d/" % port,
    "pid_file": env["PID_FILE"],
    "listeners": [{
        "port": port,
        "type": "http",
        "tls": False,
        "x_forwarded": False,
        "bind_addresses": ["127.0.0.1"],
        # "client" also serves /_synapse/admin and the media repository; /health is on every
        # http listener.
        "resources": [{"names": ["client"], "compress": False}],
    }],
    "database": {"name": "sqlite3", "args": {"database": env["DB_FILE"]}},
    "log_config": log_config_path,
    "media_store_path": os.path.join(run_dir, "media_store"),
    "signing_key_path": os.path.join(run_dir, "signing.key"),
    "trusted_key_servers": [],
    "suppress_key_server_warning": True,
    "report_stats": False,
    "enable_registration": False,
    "registration_shared_secret": env["SYNAPSE_REGISTRATION_SECRET"],
    "bcrypt_rounds": 4,
    "app_service_config_files": as_files,
    # roomservice's "token" login method hands out m.login.token tokens minted from the person's own
    # appservice session (MSC3882); an appservice cannot pass UI auth, so none is asked for.
    "login_via_existing_session": {"enabled": True, "require_ui_auth": False, "token_timeout": "5m"},
    # Synapse lets nobody publish rooms to its directory unless a rule allows it; group rooms list
    # their public room there (a deployment allows roomservice's bot, see docs/api.md, "Group rooms").
    "room_list_publication_rules": [{"user_id": "*", "alias": "*", "room_id": "*", "action": "allow"}],
    # Rate limits raised for tests. Unknown rc_* keys are ignored by Synapse.
    "rc_message": high,
    "rc_registration": high,
    "rc_registration_token_validity": high,
    "rc_login": {"address": high, "account": high, "failed_attempts": high},
    "rc_admin_redaction": high,
    "rc_joins": {"local": high, "remote": high},
    "rc_joins_per_room": high,
    "rc_key_requests": high,
    "rc_3pid_validation": high,
    "rc_invites": {"per_room": high, "per_user": high, "per_issuer": high},
    "rc_third_party_invite": high,
    "rc_media_create": high,
    "rc_presence": {"per_user": high},
    "rc_delayed_event_mgmt": high,
    "rc_room_creation": high,
    "rc_reports": high,
    "rc_user_directory": high,
    "rc_profile": high,
}

log_config = {
    "version": 1,
    "formatters": {"precise": {"format":
        "%(asctime)s - %(name)s - %(lineno)d - %(levelname)s - %(request)s - %(message)s"}},
    "handlers": {"file": {
        "class": "logging.FileHandler",
        "formatter": "precise",
        "filename": env["LOG_FILE"],
        "encoding": "utf8",
    }},
    "loggers": {
        # DEBUG here would log access tokens.
        "synapse.storage.SQL": {"level": "WARNING"},
    },
    "root": {"level": env.get("SYNAPSE_LOG_LEVEL") or "INFO", "handlers": ["file"]},
    "disable_existing_loggers": False,
}

class NoAliasDumper(yaml.SafeDumper):
    def ignore_aliases(self, data):
        return True

header = "# Generated by scripts/synapse/start.sh on every start: do not edit (see homeserver.local.yaml).\n"
with open(env["CONFIG"] + ".tmp", "w") as f:
    f.write(header)
    yaml.dump(config, f, Dumper=NoAliasDumper, sort_keys=False, default_flow_style=False)
os.replace(env["CONFIG"] + ".tmp", env["CONFIG"])
with open(log_config_path + ".tmp", "w") as f:
    f.write(header)
    yaml.dump(log_config, f, Dumper=NoAliasDumper, sort_keys=False, default_flow_style=False)
os.replace(log_config_path + ".tmp", log_config_path)

h = hashlib.sha256()
for path in [env["CONFIG"], log_config_path, env["LOCAL_CONFIG"]] + as_files:
    h.update(path.encode() + b"\0")
    if os.path.isfile(path):
        with open(path, "rb") as f:
            h.update(f.read())
    h.update(b"\0")
print(h.hexdigest())
PYEOF
)"

# ---------------------------------------------------------------------------------------------
if pid="$(running_pid)"; then
  if [ "$(cat "${STARTED_HASH_FILE}" 2>/dev/null || true)" = "${config_hash}" ] && healthy; then
    log "Synapse already running (pid ${pid}) at ${SYNAPSE_URL}"
    exit 0
  fi
  log "configuration or appservice registrations changed (or server unhealthy): restarting pid ${pid}"
  _SYNAPSE_LOCK_HELD=1 "${SCRIPT_DIR}/stop.sh" 9>&-
fi

if healthy; then
  fail "something else already answers on ${HEALTH_URL}; stop it or choose another SYNAPSE_PORT"
fi

config_args=(-c "${CONFIG}")
[ -f "${LOCAL_CONFIG}" ] && config_args+=(-c "${LOCAL_CONFIG}")

log "starting Synapse ${synapse_version} (${SYNAPSE_SERVER_NAME}) on ${SYNAPSE_URL} from ${SYNAPSE_DIR}"
started_ns=$(date +%s%N)
: > "${CONSOLE_LOG}"
# --daemonize: the command returns once the database is ready and the server has forked; the
# daemon writes the pid file. fd 9 (our lock) must not leak into the daemon.
if ! ( cd "${SYNAPSE_DIR}" && "${PY}" -m synapse.app.homeserver "${config_args[@]}" --daemonize \
        </dev/null >>"${CONSOLE_LOG}" 2>&1 9>&- ); then
  show_logs
  fail "Synapse failed to start"
fi
echo "${config_hash}" > "${STARTED_HASH_FILE}"

deadline=$(( $(date +%s) + SYNAPSE_START_TIMEOUT ))
gone=0
until healthy; do
  # The daemon writes its pid file just after the fork: allow a moment before calling it dead.
  if running_pid >/dev/null; then gone=0; else gone=$(( gone + 1 )); fi
  if [ "${gone}" -ge 30 ]; then
    show_logs
    fail "Synapse exited during start-up"
  fi
  if [ "$(date +%s)" -ge "${deadline}" ]; then
    show_logs
    fail "Synapse did not answer ${HEALTH_URL} within ${SYNAPSE_START_TIMEOUT} s"
  fi
  sleep 0.1
done
elapsed_ms=$(( ($(date +%s%N) - started_ns) / 1000000 ))
log "Synapse healthy (pid $(running_pid || echo '?')) after ${elapsed_ms} ms at ${SYNAPSE_URL}"
