# shellcheck shell=bash
# Shared defaults for the Synapse test bed (scripts/synapse/*.sh) and for the Java tests.
#
# Source it:   . scripts/synapse/env.sh
# Every variable keeps a value that is already set in the environment; only unset (or empty)
# variables get the default. See docs/operations/synapse-testbed.md.
#
# This file must stay sourceable from any shell state: it does not change shell options.

# Repository root, resolved from this file's location (works from any current directory).
SYNAPSE_REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
export SYNAPSE_REPO_ROOT

# Everything the test bed creates lives under <repo>/.synapse/ (git-ignored).
: "${SYNAPSE_HOME:=${SYNAPSE_REPO_ROOT}/.synapse}"
# Python virtualenv with the pinned matrix-synapse (created by install.sh).
: "${SYNAPSE_VENV:=${SYNAPSE_HOME}/venv}"
# Migrated empty databases, one per Synapse version (created by start.sh on first use).
: "${SYNAPSE_TEMPLATE_DIR:=${SYNAPSE_HOME}/template}"
# Run directory: config, signing key, SQLite DB, media store, log, pid file.
: "${SYNAPSE_DIR:=${SYNAPSE_HOME}/run}"
: "${SYNAPSE_PORT:=8008}"
: "${SYNAPSE_SERVER_NAME:=roomservice.test}"
: "${SYNAPSE_URL:=http://127.0.0.1:${SYNAPSE_PORT}}"
# A value this file derived earlier (when it was sourced by a parent shell) is re-derived, so that
# `SYNAPSE_PORT=8010 scripts/synapse/start.sh` after `. env.sh` does not keep a stale URL.
if [ "${SYNAPSE_URL}" = "${_SYNAPSE_DERIVED_URL:-}" ]; then
  SYNAPSE_URL="http://127.0.0.1:${SYNAPSE_PORT}"
fi
_SYNAPSE_DERIVED_URL="${SYNAPSE_URL}"
# Fixed development secret for the shared-secret registration API. NOT a production secret.
: "${SYNAPSE_REGISTRATION_SECRET:=roomservice-dev-registration-secret}"
# Every *.yaml file in this directory is loaded as an appservice registration (at start only).
: "${SYNAPSE_APPSERVICE_DIR:=${SYNAPSE_DIR}/appservices}"
if [ "${SYNAPSE_APPSERVICE_DIR}" = "${_SYNAPSE_DERIVED_AS_DIR:-}" ]; then
  SYNAPSE_APPSERVICE_DIR="${SYNAPSE_DIR}/appservices"
fi
_SYNAPSE_DERIVED_AS_DIR="${SYNAPSE_APPSERVICE_DIR}"
# Seconds start.sh waits for /health.
: "${SYNAPSE_START_TIMEOUT:=120}"

export SYNAPSE_HOME SYNAPSE_VENV SYNAPSE_TEMPLATE_DIR SYNAPSE_DIR SYNAPSE_PORT \
  SYNAPSE_SERVER_NAME SYNAPSE_URL SYNAPSE_REGISTRATION_SECRET SYNAPSE_APPSERVICE_DIR \
  SYNAPSE_START_TIMEOUT _SYNAPSE_DERIVED_URL _SYNAPSE_DERIVED_AS_DIR

# Synapse's outgoing HTTP client (appservice pushes) honours proxy variables: never proxy loopback.
case ",${no_proxy:-}," in
  *,127.0.0.1,*) ;;
  *) no_proxy="127.0.0.1,localhost${no_proxy:+,${no_proxy}}" ;;
esac
NO_PROXY="${no_proxy}"
export no_proxy NO_PROXY
