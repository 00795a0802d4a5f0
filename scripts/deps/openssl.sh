#!/usr/bin/env bash
# openssl is the independent client of the CRL and OCSP tests.
set -euo pipefail
if command -v openssl >/dev/null 2>&1; then
  exit 0
fi
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq openssl
