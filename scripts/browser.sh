#!/usr/bin/env bash
# Makes sure Debian's headless-capable Chromium and its WebDriver are installed for the console's
# browser tests (no driver is downloaded at run time).
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
  exit 0
fi
echo "Chromium or chromedriver is missing; installing Debian's chromium and chromium-driver" >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
