#!/usr/bin/env bash
# The dashboard test drives Debian's Chromium with playwright-core (never a downloaded browser).
set -euo pipefail
cd "$(dirname "$0")/../.."
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
if [ ! -x /usr/bin/chromium ]; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium
fi
npm ci --prefix standalone/src/test/dashboard --no-audit --no-fund
