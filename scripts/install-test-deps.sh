#!/usr/bin/env bash
# Installs and starts what the test suite needs beyond the JDK and Maven. Each concern (PC/SC stack,
# browser for the dashboard test, openssl, ...) has its own idempotent script in scripts/deps/.
set -euo pipefail
cd "$(dirname "$0")"
for step in deps/*.sh; do
  [ -e "$step" ] || continue
  echo "== test dependencies: $step"
  bash "$step"
done
