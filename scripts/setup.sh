#!/usr/bin/env bash
# Installs what the kiosk and its tests need on a fresh Debian machine: Debian's Chromium
# (Playwright cannot download its own browser here), fonts with Cyrillic for the screens and
# the slip images, and the npm packages. Electron's binary download is skipped: there is no
# internet for it; `npm start` then runs the browser host instead.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || need+=(chromium)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
# socat: the demo's virtual serial scanner (npm run scanner) and the scan e2e tests.
command -v socat >/dev/null 2>&1 || need+=(socat)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi

export ELECTRON_SKIP_BINARY_DOWNLOAD=1
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
