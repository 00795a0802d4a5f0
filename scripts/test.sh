#!/usr/bin/env bash
# The whole test suite on a fresh Debian machine with a JDK 17 and Maven: installs what the card tests
# need (pcscd, vsmartcard-vpcd, opensc; root and apt-get), then runs every module's unit and integration
# tests. PC/SC integration tests are required here: a missing stack fails the build instead of skipping.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -x scripts/install-test-deps.sh ]; then
  scripts/install-test-deps.sh
fi
exec mvn -B -ntp verify -Dpcsc.required=true "$@"
