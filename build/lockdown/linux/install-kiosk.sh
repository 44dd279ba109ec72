#!/bin/sh
# Turns a Debian/Ubuntu machine with the Infomat .deb installed into a kiosk that starts only
# Infomat on tty1 (cage). Run as root. Idempotent.
set -eu
KIOSK_USER=${KIOSK_USER:-infomat}
HERE=$(cd "$(dirname "$0")" && pwd)

[ "$(id -u)" = 0 ] || { echo "run as root" >&2; exit 1; }
[ -x /opt/Infomat/infomat ] || { echo "install the Infomat .deb first (/opt/Infomat/infomat not found)" >&2; exit 1; }

apt-get install -y --no-install-recommends cage fonts-dejavu-core gnome-keyring libsecret-1-0

# A plain user without sudo; video/input for the compositor, lp for a USB receipt printer.
id "$KIOSK_USER" >/dev/null 2>&1 || useradd --create-home --shell /usr/sbin/nologin "$KIOSK_USER"
usermod -aG video,input,render,lp "$KIOSK_USER" 2>/dev/null || usermod -aG video,input,lp "$KIOSK_USER"

# Machine-wide configuration: readable by the kiosk user, writable only by root.
install -d -m 755 /etc/infomat
[ -f /etc/infomat/config.json ] || echo "NOTE: create /etc/infomat/config.json (docs/configuration.md); until then the kiosk shows the service screen."

install -m 644 "$HERE/infomat-kiosk.service" /etc/systemd/system/infomat-kiosk.service
systemctl daemon-reload
systemctl disable getty@tty1.service 2>/dev/null || true
systemctl enable infomat-kiosk.service
systemctl set-default graphical.target

# Nothing on the keyboard should reboot or escape the kiosk.
systemctl mask ctrl-alt-del.target
echo 'kernel.sysrq = 0' > /etc/sysctl.d/90-infomat-kiosk.conf
sysctl -q --system || true
# No console blanking.
grep -q 'consoleblank=0' /etc/default/grub 2>/dev/null || echo "TIP: add consoleblank=0 to GRUB_CMDLINE_LINUX_DEFAULT and run update-grub."

# Metrics pushed to the region (README "Running a fleet"): the agent, when its settings are here.
if [ -f /etc/infomat/metrics-agent.env ]; then
  "$HERE/install-metrics-agent.sh" /etc/infomat/metrics-agent.env
else
  echo "TIP: to push metrics to the region, write /etc/infomat/metrics-agent.env (see install-metrics-agent.sh) and run this script again."
fi

echo "Done. Reboot, or: systemctl start infomat-kiosk"
