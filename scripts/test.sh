#!/usr/bin/env bash
# The whole test suite on a fresh Debian machine with a JDK 17 and Maven: installs and starts what the
# tests need (scripts/install-test-deps.sh: PC/SC stack, OpenSC, openssl, Chromium; root and apt-get),
# then runs every module's unit and integration tests. Tests that need that stack are required here: a
# missing piece fails the build instead of skipping.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-test-deps.sh
exec mvn -B -ntp verify -Dpcsc.required=true "$@"
