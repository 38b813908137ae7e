#!/usr/bin/env bash
# Installs the pinned matrix-synapse into a virtualenv at $SYNAPSE_VENV (default <repo>/.synapse/venv).
# Idempotent: returns at once when the pinned version is already installed.
# Needs python3 (3.10+) with the venv module, and PyPI.
set -euo pipefail

# The one pinned Synapse version of the test bed. Change it here only; start.sh keys its
# migrated template database by the installed version, so a bump re-migrates once.
SYNAPSE_VERSION="1.163.2"

# shellcheck source=SCRIPTDIR/env.sh
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"

stamp="${SYNAPSE_VENV}/.roomservice-synapse-${SYNAPSE_VERSION}"
if [ -f "${stamp}" ] && [ -x "${SYNAPSE_VENV}/bin/python" ]; then
  exit 0
fi

# One installer at a time (parallel CI jobs or test JVMs may call start.sh together).
mkdir -p "$(dirname "${SYNAPSE_VENV}")"
exec 9>"$(dirname "${SYNAPSE_VENV}")/.install.lock"
flock 9
if [ -f "${stamp}" ] && [ -x "${SYNAPSE_VENV}/bin/python" ]; then
  exit 0
fi

PYTHON="${SYNAPSE_PYTHON:-}"
if [ -z "${PYTHON}" ]; then
  for candidate in python3.11 python3.12 python3.13 python3; do
    if command -v "${candidate}" >/dev/null 2>&1; then PYTHON="${candidate}"; break; fi
  done
fi
if [ -z "${PYTHON}" ]; then
  echo "install.sh: no python3 found (set SYNAPSE_PYTHON)" >&2
  exit 1
fi

echo "install.sh: installing matrix-synapse==${SYNAPSE_VERSION} into ${SYNAPSE_VENV} (python: $(command -v "${PYTHON}"))"
if [ ! -x "${SYNAPSE_VENV}/bin/python" ]; then
  "${PYTHON}" -m venv "${SYNAPSE_VENV}"
fi

export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1
"${SYNAPSE_VENV}/bin/python" -m pip install --quiet "matrix-synapse==${SYNAPSE_VERSION}"

installed="$("${SYNAPSE_VENV}/bin/python" -c \
  'import importlib.metadata as m; print(m.version("matrix-synapse"))')"
if [ "${installed}" != "${SYNAPSE_VERSION}" ]; then
  echo "install.sh: expected matrix-synapse ${SYNAPSE_VERSION}, found ${installed}" >&2
  exit 1
fi
# Import once: fails early on a broken install, and byte-compiles the modules.
"${SYNAPSE_VENV}/bin/python" -c 'import synapse.app.homeserver'

# Record what was resolved (transitive dependencies are not pinned) for debugging.
"${SYNAPSE_VENV}/bin/python" -m pip freeze > "${SYNAPSE_VENV}/pip-freeze.txt"
rm -f "${SYNAPSE_VENV}"/.roomservice-synapse-*
touch "${stamp}"
echo "install.sh: matrix-synapse ${installed} ready"
