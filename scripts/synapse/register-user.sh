#!/usr/bin/env bash
# Registers a user on the test-bed Synapse through the shared-secret admin registration API
# (GET then POST /_synapse/admin/v1/register: nonce + HMAC-SHA1 over
# nonce NUL username NUL password NUL admin|notadmin, keyed with $SYNAPSE_REGISTRATION_SECRET)
# and prints Synapse's answer as one line of JSON on stdout:
#   {"user_id":"@alice:roomservice.test","home_server":"roomservice.test","access_token":"...","device_id":"..."}
#
#   scripts/synapse/register-user.sh <localpart> <password> [--admin] [--login-if-exists]
#
# --admin            make the user a server admin (needed for /_synapse/admin APIs)
# --login-if-exists  if the user already exists (M_USER_IN_USE), log in with the password instead
#                    and print the /login answer (same fields)
# Exit codes: 0 success, 1 refused by Synapse (answer on stderr), 2 usage.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
# shellcheck source=SCRIPTDIR/env.sh
. "${SCRIPT_DIR}/env.sh"

usage() { sed -n '8,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit "${1:-2}"; }

positional=()
admin=0
login_if_exists=0
for arg in "$@"; do
  case "${arg}" in
    --admin) admin=1 ;;
    --login-if-exists) login_if_exists=1 ;;
    -h|--help) usage 0 ;;
    -*) echo "register-user.sh: unknown option: ${arg}" >&2; usage ;;
    *) positional+=("${arg}") ;;
  esac
done
[ "${#positional[@]}" -eq 2 ] || usage

PY="${SYNAPSE_VENV}/bin/python"
if [ ! -x "${PY}" ]; then
  echo "register-user.sh: Synapse is not installed (run scripts/synapse/install.sh)" >&2
  exit 1
fi

RU_LOCALPART="${positional[0]}" RU_PASSWORD="${positional[1]}" RU_ADMIN="${admin}" \
RU_LOGIN_IF_EXISTS="${login_if_exists}" RU_BASE_URL="http://127.0.0.1:${SYNAPSE_PORT}" \
exec "${PY}" - <<'PYEOF'
import hashlib, hmac, json, os, sys, urllib.error, urllib.request

env = os.environ
base = env["RU_BASE_URL"]
secret = env["SYNAPSE_REGISTRATION_SECRET"].encode("utf-8")
localpart = env["RU_LOCALPART"]
if localpart.startswith("@"):  # accept a full user id too
    localpart = localpart[1:].split(":", 1)[0]
password = env["RU_PASSWORD"]
admin = env["RU_ADMIN"] == "1"
opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def call(method, path, body=None):
    data = None if body is None else json.dumps(body).encode("utf-8")
    req = urllib.request.Request(base + path, data=data, method=method,
                                 headers={"Content-Type": "application/json"})
    try:
        with opener.open(req, timeout=30) as resp:
            return resp.status, json.loads(resp.read() or b"{}")
    except urllib.error.HTTPError as e:
        raw = e.read()
        try:
            return e.code, json.loads(raw)
        except ValueError:
            return e.code, {"error": raw.decode("utf-8", "replace")}
    except urllib.error.URLError as e:
        sys.exit("register-user.sh: cannot reach %s: %s (is Synapse running? scripts/synapse/start.sh)"
                 % (base, e.reason))


status, answer = call("GET", "/_synapse/admin/v1/register")
if status != 200 or "nonce" not in answer:
    print("register-user.sh: nonce request failed: HTTP %d %s" % (status, json.dumps(answer)), file=sys.stderr)
    sys.exit(1)
nonce = answer["nonce"]

mac = hmac.new(secret, digestmod=hashlib.sha1)
mac.update(nonce.encode("utf-8"))
mac.update(b"\x00")
mac.update(localpart.encode("utf-8"))
mac.update(b"\x00")
mac.update(password.encode("utf-8"))
mac.update(b"\x00")
mac.update(b"admin" if admin else b"notadmin")

status, answer = call("POST", "/_synapse/admin/v1/register", {
    "nonce": nonce,
    "username": localpart,
    "password": password,
    "admin": admin,
    "mac": mac.hexdigest(),
})
if status == 200:
    print(json.dumps(answer))
    sys.exit(0)

if status == 400 and answer.get("errcode") == "M_USER_IN_USE" and env["RU_LOGIN_IF_EXISTS"] == "1":
    status, answer = call("POST", "/_matrix/client/v3/login", {
        "type": "m.login.password",
        "identifier": {"type": "m.id.user", "user": localpart},
        "password": password,
    })
    if status == 200:
        print(json.dumps(answer))
        sys.exit(0)
    print("register-user.sh: user exists and login failed: HTTP %d %s" % (status, json.dumps(answer)), file=sys.stderr)
    sys.exit(1)

print("register-user.sh: registration failed: HTTP %d %s" % (status, json.dumps(answer)), file=sys.stderr)
sys.exit(1)
PYEOF
