#!/usr/bin/env bash
# The PC/SC stack for the card integration tests (docs/card-protocol.md): pcscd, the vsmartcard-vpcd
# reader driver our Java virtual card connects to, OpenSC and pcsc-tools for the OpenSC tests, libpcsclite
# for javax.smartcardio. Idempotent; works without systemd (containers, CI) by starting pcscd directly.
set -euo pipefail

packages=(pcscd vsmartcard-vpcd opensc pcsc-tools libpcsclite1)
sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  sudo_if_needed apt-get update -q
  # --no-install-recommends keeps out vpicc/Python and pcsc-tools' GTK front end.
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${packages[@]}"
fi

# The postinst cannot start the service without systemd; start the daemon ourselves if none is running.
# The integration tests start their own private pcscd (mount namespace); this one serves manual runs
# against the system reader "Virtual PCD 00 00".
if ! pgrep -x pcscd >/dev/null; then
  sudo_if_needed /usr/sbin/pcscd
  for _ in $(seq 50); do [ -S /run/pcscd/pcscd.comm ] && break; sleep 0.1; done
fi
[ -S /run/pcscd/pcscd.comm ] || { echo "pcscd did not come up (no /run/pcscd/pcscd.comm)" >&2; exit 1; }
echo "pcscd running (pid $(pgrep -x pcscd | head -1)); vpcd reader driver: $(ls /usr/lib/pcsc/drivers/serial/libifdvpcd.so)"
