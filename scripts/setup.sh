#!/usr/bin/env bash
# Installs what the kiosk and its tests need on a fresh Debian machine: Debian's Chromium
# (Playwright cannot download its own browser here), fonts with Cyrillic for the screens and
# the slip images, espeak-ng and sox (voice guidance and its real-audio test), Prometheus (for the monitoring tests), and the npm packages. Electron's binary download is skipped: there is no
# internet for it; `npm start` then runs the browser host instead.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || need+=(chromium)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
# socat: the demo's virtual serial scanner (npm run scanner) and the scan e2e tests.
command -v socat >/dev/null 2>&1 || need+=(socat)
# espeak-ng: voice guidance's own engine (Russian and English) where the OS has no voice; sox:
# the real-audio test measures the spoken ticket with it (electron/core/speech/ticket-audio.test.ts).
command -v espeak-ng >/dev/null 2>&1 || need+=(espeak-ng)
command -v sox >/dev/null 2>&1 || need+=(sox)
# Prometheus and promtool: the alert rules' tests and the metrics e2e run the real engine
# (without its recommended extras: only the two binaries are needed).
lean=()
[ -x /usr/bin/prometheus ] && [ -x /usr/bin/promtool ] || lean+=(prometheus)
if [ $((${#need[@]} + ${#lean[@]})) -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  [ ${#need[@]} -eq 0 ] || DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
  [ ${#lean[@]} -eq 0 ] || DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${lean[@]}" >/dev/null
fi

export ELECTRON_SKIP_BINARY_DOWNLOAD=1
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
