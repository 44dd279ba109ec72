#!/bin/sh
# Installs the kiosk's metrics agent (README "Running a fleet"): Debian's Prometheus in agent
# mode, scraping the kiosk's own /metrics on 127.0.0.1 and pushing it over TLS to the region's
# receiver with this kiosk's own credential. Run as root; idempotent. install-kiosk.sh runs it
# when /etc/infomat/metrics-agent.env exists.
#
#   install-metrics-agent.sh [/etc/infomat/metrics-agent.env]
#   install-metrics-agent.sh --render ENV_FILE OUT_FILE     only write the agent's config (no root)
#
# The env file (shell syntax, root-owned):
#   KIOSK_ID=KIOSK-12-01                  the kioskId of /etc/infomat/config.json
#   CLINIC=C12                            its clinic (fleet.clinic), a label for alert routing
#   METRICS_PORT=9464                     telemetry.metricsPort (metricsHost stays 127.0.0.1)
#   REMOTE_WRITE_URL=https://metrics.region.example/api/v1/write
#   PASSWORD_FILE=/etc/infomat/metrics-agent/password        this kiosk's password (one line)
#   CA_FILE=/etc/infomat/metrics-agent/region-ca.pem         the receiver's CA; default: the system bundle
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
TEMPLATE="$HERE/../metrics-agent/prometheus-agent.yml"
AGENT_DIR=/etc/infomat/metrics-agent

# A value for sed's replacement with | as the delimiter: \, & and | escaped.
esc() { printf '%s' "$1" | sed -e 's/[\\&|]/\\&/g'; }

render() { # render ENV_FILE OUT_FILE
  KIOSK_ID= CLINIC= METRICS_PORT= REMOTE_WRITE_URL= PASSWORD_FILE= CA_FILE=
  # shellcheck disable=SC1090
  . "$1"
  : "${KIOSK_ID:?set KIOSK_ID in $1}" "${METRICS_PORT:?set METRICS_PORT in $1}" "${REMOTE_WRITE_URL:?set REMOTE_WRITE_URL in $1}"
  PASSWORD_FILE=${PASSWORD_FILE:-$AGENT_DIR/password}
  CA_FILE=${CA_FILE:-/etc/ssl/certs/ca-certificates.crt}
  case "$KIOSK_ID" in *[!A-Za-z0-9._-]*) echo "KIOSK_ID: latin letters, digits, . _ - only" >&2; exit 1 ;; esac
  case "$CLINIC" in *[!A-Za-z0-9._-]*) echo "CLINIC: latin letters, digits, . _ - only" >&2; exit 1 ;; esac
  case "$METRICS_PORT" in '' | *[!0-9]*) echo "METRICS_PORT: a port number" >&2; exit 1 ;; esac
  case "$REMOTE_WRITE_URL" in https://*) ;; *) echo "REMOTE_WRITE_URL must be https:// (the credential and the metrics cross the network)" >&2; exit 1 ;; esac
  sed -e "s|@KIOSK_ID@|$(esc "$KIOSK_ID")|g" \
      -e "s|@CLINIC@|$(esc "$CLINIC")|g" \
      -e "s|@METRICS_PORT@|$(esc "$METRICS_PORT")|g" \
      -e "s|@REMOTE_WRITE_URL@|$(esc "$REMOTE_WRITE_URL")|g" \
      -e "s|@PASSWORD_FILE@|$(esc "$PASSWORD_FILE")|g" \
      -e "s|@CA_FILE@|$(esc "$CA_FILE")|g" \
      "$TEMPLATE" > "$2"
  if grep -q '@[A-Z_]*@' "$2"; then echo "unfilled fields left in $2" >&2; exit 1; fi
}

if [ "${1:-}" = "--render" ]; then
  [ $# -eq 3 ] || { echo "usage: $0 --render ENV_FILE OUT_FILE" >&2; exit 2; }
  render "$2" "$3"
  exit 0
fi

ENV_FILE=${1:-/etc/infomat/metrics-agent.env}
[ "$(id -u)" = 0 ] || { echo "run as root" >&2; exit 1; }
[ -f "$ENV_FILE" ] || { echo "$ENV_FILE not found (see the top of this script)" >&2; exit 1; }

# Debian's prometheus package (2.42 on Debian 12) brings the user "prometheus" and promtool.
apt-get install -y --no-install-recommends prometheus
# Its own server unit would scrape and store here: the kiosk runs only the agent.
systemctl disable --now prometheus.service 2>/dev/null || true

install -d -m 750 -o root -g prometheus "$AGENT_DIR"
render "$ENV_FILE" "$AGENT_DIR/prometheus-agent.yml.new"
chown root:prometheus "$AGENT_DIR/prometheus-agent.yml.new"
chmod 640 "$AGENT_DIR/prometheus-agent.yml.new"
. "$ENV_FILE"
for f in "${PASSWORD_FILE:-$AGENT_DIR/password}" "${CA_FILE:-/etc/ssl/certs/ca-certificates.crt}"; do
  [ -r "$f" ] || { echo "missing $f (the kiosk's credential and the receiver's CA)" >&2; exit 1; }
done
[ -f "${PASSWORD_FILE:-$AGENT_DIR/password}" ] && chown root:prometheus "${PASSWORD_FILE:-$AGENT_DIR/password}" && chmod 640 "${PASSWORD_FILE:-$AGENT_DIR/password}"
promtool check config --agent "$AGENT_DIR/prometheus-agent.yml.new"
mv "$AGENT_DIR/prometheus-agent.yml.new" "$AGENT_DIR/prometheus-agent.yml"

install -m 644 "$HERE/infomat-metrics-agent.service" /etc/systemd/system/infomat-metrics-agent.service
systemctl daemon-reload
systemctl enable infomat-metrics-agent.service
systemctl restart infomat-metrics-agent.service
echo "Metrics agent: pushing to $REMOTE_WRITE_URL as $KIOSK_ID (journalctl -u infomat-metrics-agent)"
