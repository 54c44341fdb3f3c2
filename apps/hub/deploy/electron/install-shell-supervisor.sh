#!/usr/bin/env bash
# Puts a layso shell (kiosk or counter display) under systemd's supervision for every
# user of a Debian/Ubuntu desktop PC: installs its user unit and enables it for all
# users, and makes the desktop's autostart start that unit (docs/kiosk.md and
# docs/counter-display.md, "Kept running"). Run as root:
#
#   sudo bash install-shell-supervisor.sh kiosk                     # /usr/bin/layso-kiosk (the deb)
#   sudo bash install-shell-supervisor.sh counter-display /opt/layso/layso-counter-display.AppImage
#   sudo bash install-shell-supervisor.sh --remove kiosk
#
# Idempotent. The kiosk's deb runs it from its after-install script. LAYSO_ROOT=/some/dir
# stages everything under that folder (`systemctl --root`, nothing running is touched):
# what the tests use.
set -euo pipefail

ROOT="${LAYSO_ROOT:-/}"
ROOT="${ROOT%/}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

say() { printf 'layso supervisor: %s\n' "$*"; }
die() { printf 'layso supervisor: %s\n' "$*" >&2; exit 1; }
staged() { [ -n "$ROOT" ]; }
# Enabling for every user (--global) only writes links under /etc/systemd/user, so it
# works offline, in a package script and under --root alike.
user_units() {
  if staged; then systemctl --global --root="$ROOT" "$@"; else systemctl --global "$@"; fi
}

REMOVE=0
if [ "${1:-}" = "--remove" ]; then REMOVE=1; shift; fi
SHELL_NAME="${1:-}"
case "$SHELL_NAME" in
  kiosk | counter-display) ;;
  *) die "usage: install-shell-supervisor.sh [--remove] kiosk|counter-display [path-of-the-app]" ;;
esac
UNIT="layso-$SHELL_NAME.service"
UNIT_FILE="$ROOT/etc/systemd/user/$UNIT"
AUTOSTART_FILE="$ROOT/etc/xdg/autostart/layso-$SHELL_NAME.desktop"
if ! staged && [ "$(id -u)" -ne 0 ]; then die "run as root (sudo)"; fi

if [ "$REMOVE" = 1 ]; then
  if [ -f "$UNIT_FILE" ]; then user_units disable "$UNIT"; fi
  rm -f "$UNIT_FILE" "$AUTOSTART_FILE"
  say "removed $UNIT (a running shell keeps running until the next log-in)"
  exit 0
fi

EXEC="${2:-/usr/bin/layso-$SHELL_NAME}"
case "$EXEC" in /*) ;; *) die "the path of the app must be absolute: $EXEC" ;; esac
[ -x "$EXEC" ] || die "$EXEC is not an executable file"
case "$EXEC" in *[[:space:]\"\'\\%\$]*) die "put the app at a path without spaces, quotes, % or \$ (e.g. a link in /usr/local/bin): $EXEC" ;; esac
[ -f "$HERE/$UNIT" ] || die "$HERE/$UNIT is missing"

mkdir -p "$(dirname "$UNIT_FILE")" "$(dirname "$AUTOSTART_FILE")"
sed "s|^ExecStart=.*|ExecStart=$EXEC|" "$HERE/$UNIT" >"$UNIT_FILE.tmp"
chmod 0644 "$UNIT_FILE.tmp"
mv "$UNIT_FILE.tmp" "$UNIT_FILE"
say "installed $UNIT_FILE (ExecStart=$EXEC)"

# Desktops that start graphical-session.target (GNOME, KDE) start the unit through
# WantedBy=. Others (XFCE, LXDE, a bare window manager) run XDG autostart entries only:
# this one hands the display to the user's systemd and starts the unit there. Starting
# a running unit does nothing, so both paths together still give one instance. It
# replaces an entry that started the app directly (unsupervised).
cat >"$AUTOSTART_FILE.tmp" <<DESKTOP
[Desktop Entry]
Type=Application
Name=layso $SHELL_NAME (kept running)
Exec=/bin/sh -c "systemctl --user import-environment DISPLAY WAYLAND_DISPLAY XAUTHORITY XDG_SESSION_TYPE; exec systemctl --user start $UNIT"
X-GNOME-Autostart-enabled=true
NoDisplay=true
Terminal=false
DESKTOP
chmod 0644 "$AUTOSTART_FILE.tmp"
mv "$AUTOSTART_FILE.tmp" "$AUTOSTART_FILE"
say "installed $AUTOSTART_FILE"

# A per-user entry of the same name (the counter display writes one when its "autostart"
# setting is on) overrides the system-wide one and would start the app unsupervised,
# beside the unit: the loser of the single-instance lock would be started again and
# again. The supervised app no longer writes it; remove those already there.
for home in "$ROOT"/home/*; do
  entry="$home/.config/autostart/layso-$SHELL_NAME.desktop"
  if [ -f "$entry" ]; then
    rm -f "$entry"
    say "removed $entry (the unit starts the app now)"
  fi
done

user_units enable "$UNIT"
say "done: $UNIT starts at the next log-in; to start it now, as the logged-in user: systemctl --user daemon-reload && systemctl --user start $UNIT"
