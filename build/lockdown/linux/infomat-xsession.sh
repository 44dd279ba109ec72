#!/bin/sh
# Alternative for machines where Wayland/cage is not an option: a bare X session that runs only
# Infomat (no window manager, no desktop) and restarts it when it exits.
# Start it from a systemd unit like infomat-kiosk.service with
#   ExecStart=/usr/bin/xinit /usr/local/bin/infomat-xsession -- :0 vt1 -nolisten tcp -nocursor -s 0 -dpms
# (-nocursor hides the pointer on touch screens; -s 0 -dpms: no screen saver or blanking).
set -eu
xset s off -dpms 2>/dev/null || true
# No window manager: give the window the whole screen explicitly.
GEOMETRY=$(xrandr 2>/dev/null | awk '/\*/ {print $1; exit}')
W=${GEOMETRY%x*}; H=${GEOMETRY#*x}
while true; do
  /opt/Infomat/infomat --window-position=0,0 --window-size="${W:-1080},${H:-1920}" || true
  sleep 2
done
