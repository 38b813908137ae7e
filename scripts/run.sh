#!/usr/bin/env bash
# Starts roomservice on its embedded default (an H2 file database under ./data) on
# http://127.0.0.1:8080. Where Python 3 is available it also starts a local Synapse
# (scripts/synapse/) registered with roomservice as an appservice, so rooms created over the API
# really appear in Matrix. Stop with Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
export AXONIQ_UPDATE_CHECKER_DISABLED=true
PORT=${PORT:-8080}

./mvnw -B -q -ntp -DskipTests install

if command -v python3 >/dev/null 2>&1 && [ "${ROOMSERVICE_NO_SYNAPSE:-}" != 1 ]; then
  # shellcheck source=synapse/env.sh
  . scripts/synapse/env.sh
  scripts/synapse/install.sh
  secrets="${SYNAPSE_HOME}/dev-appservice.env"
  if [ ! -f "$secrets" ]; then
    umask 077
    printf 'AS_TOKEN=%s\nHS_TOKEN=%s\n' "$(openssl rand -hex 32)" "$(openssl rand -hex 32)" > "$secrets"
  fi
  # shellcheck disable=SC1090
  . "$secrets"
  domain_re=${SYNAPSE_SERVER_NAME//./\\.}
  mkdir -p "$SYNAPSE_APPSERVICE_DIR"
  cat > "$SYNAPSE_APPSERVICE_DIR/roomservice.yaml" <<YAML
id: roomservice
url: "http://127.0.0.1:${PORT}"
as_token: "${AS_TOKEN}"
hs_token: "${HS_TOKEN}"
sender_localpart: roomservice-bot
rate_limited: false
namespaces:
  users:
    - exclusive: true
      regex: '^@roomservice-bot:${domain_re}\$'
    - exclusive: true
      regex: '^@rs\\-.+:${domain_re}\$'
  aliases:
    - exclusive: true
      regex: '^#rs\\-.+:${domain_re}\$'
  rooms: []
YAML
  scripts/synapse/start.sh
  export ROOMSERVICE_MATRIX_HOMESERVER_URL="$SYNAPSE_URL"
  export ROOMSERVICE_MATRIX_DOMAIN="$SYNAPSE_SERVER_NAME"
  export ROOMSERVICE_MATRIX_AS_TOKEN="$AS_TOKEN"
  export ROOMSERVICE_MATRIX_HS_TOKEN="$HS_TOKEN"
  export ROOMSERVICE_MATRIX_REGISTRATION_SECRET="$SYNAPSE_REGISTRATION_SECRET"
  echo "Synapse is up at $SYNAPSE_URL (server name $SYNAPSE_SERVER_NAME)."
  echo "A Matrix user to look with: scripts/synapse/register-user.sh alice secret-password --admin"
else
  echo "No Python 3: starting without a homeserver (rooms will wait in error until one is set up)."
fi

mkdir -p data
exec java -jar infra/target/infra-0.1.0-SNAPSHOT.jar --server.port="$PORT"
