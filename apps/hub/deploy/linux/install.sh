#!/usr/bin/env bash
# Installs (or upgrades) the layso hub as a systemd service. Run as root from a built
# release (apps/hub/dist, or an unpacked release archive):
#
#   sudo bash deploy/linux/install.sh            # release = the folder two levels up
#   sudo bash install.sh /path/to/release
#
# Idempotent: running it again with the same release changes nothing but the unit and
# the program files; with a new release it is the upgrade (the hub backs its database
# up by itself before migrating). Settings in /etc/layso are never overwritten.
#
# LAYSO_ROOT=/some/dir stages everything under that folder instead of / and skips the
# steps that change the running system (user, ownership, systemctl): what the tests
# and a packager use.
set -euo pipefail

ROOT="${LAYSO_ROOT:-/}"
ROOT="${ROOT%/}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SRC="$(cd "${1:-$HERE/../..}" && pwd)"
APP_DIR="$ROOT/opt/layso"
ETC_DIR="$ROOT/etc/layso"
DATA_DIR="$ROOT/var/lib/layso"
UNIT_FILE="$ROOT/etc/systemd/system/layso.service"
SERVICE_USER=layso
MIN_NODE=20.19

staged() { [ -n "$ROOT" ]; }
say() { printf 'layso install: %s\n' "$*"; }
die() { printf 'layso install: %s\n' "$*" >&2; exit 1; }
# Changes to the running system; only reported when staging under LAYSO_ROOT.
system() {
  if staged; then say "(staged, not run) $*"; else "$@"; fi
}

[ -f "$SRC/hub.mjs" ] || die "$SRC is not a hub release (no hub.mjs): build it with \`pnpm build:hub\`"
[ -f "$SRC/deploy/linux/layso.service" ] || die "$SRC/deploy/linux/layso.service is missing"
if ! staged && [ "$(id -u)" -ne 0 ]; then die "run as root (sudo)"; fi

NODE="$(command -v node || true)"
[ -n "$NODE" ] || die "Node.js $MIN_NODE or newer is needed (e.g. NodeSource's nodejs 20 package)"
"$NODE" -e "const [a,b]=process.versions.node.split('.').map(Number);const [x,y]='$MIN_NODE'.split('.').map(Number);process.exit(a>x||(a===x&&b>=y)?0:1)" \
  || die "Node.js $("$NODE" --version) is too old: $MIN_NODE or newer is needed"

# 1. The service user: no login, no home of its own but the data folder.
if staged; then
  say "(staged, not run) create system user $SERVICE_USER"
elif getent passwd "$SERVICE_USER" >/dev/null; then
  say "system user $SERVICE_USER exists"
else
  useradd --system --user-group --home-dir /var/lib/layso --no-create-home --shell /usr/sbin/nologin "$SERVICE_USER"
  say "created system user $SERVICE_USER"
fi

# 2. Folders: settings readable by the service only, data writable by it only.
mkdir -p "$ETC_DIR" "$DATA_DIR" "$(dirname "$UNIT_FILE")"
system chown root:"$SERVICE_USER" "$ETC_DIR"
chmod 0750 "$ETC_DIR"
system chown "$SERVICE_USER":"$SERVICE_USER" "$DATA_DIR"
chmod 0750 "$DATA_DIR"

# 3. Settings: written once, then the administrator's.
install_once() { # src dst mode
  if [ -e "$2" ]; then say "kept $2"; else install -m "$3" "$1" "$2"; system chown root:"$SERVICE_USER" "$2"; say "wrote $2"; fi
}
install_once "$SRC/deploy/linux/hub.json.example" "$ETC_DIR/hub.json" 0640
install_once "$SRC/deploy/linux/layso.env.example" "$ETC_DIR/layso.env" 0640
# The example center is refreshed every time; the real center.json is the administrator's.
if [ -f "$SRC/deploy/center.example.json" ]; then install -m 0640 "$SRC/deploy/center.example.json" "$ETC_DIR/center.example.json"; fi

# 3b. HTTPS for the LAN (optional): LAYSO_LAN_HTTPS="192.168.1.10 [hub.local]" makes the
#     center's own CA (once) and the hub's LAN certificate; the devices pin the CA's
#     fingerprint it prints. Without it the LAN stays plain HTTP (the admin console warns).
if [ -n "${LAYSO_LAN_HTTPS:-}" ]; then
  # shellcheck disable=SC2086 # one word per address
  bash "$SRC/deploy/linux/make-lan-cert.sh" $LAYSO_LAN_HTTPS
fi

# 4. Program files: copied next to the old ones, then swapped, so a service that is
#    restarted meanwhile never sees half a release. The previous one is kept for a rollback.
if [ "$SRC" != "$APP_DIR" ]; then
  rm -rf "$APP_DIR.new"
  mkdir -p "$APP_DIR.new"
  cp -a "$SRC/." "$APP_DIR.new/"
  if [ ! -d "$APP_DIR.new/node_modules" ]; then
    say "the release has no node_modules: installing the runtime dependencies with npm (needs the npm registry)"
    (cd "$APP_DIR.new" && npm install --omit=dev --no-audit --no-fund) || die "npm install failed; build the release with its dependencies instead (pnpm build:hub)"
  fi
  if [ -d "$APP_DIR" ]; then rm -rf "$APP_DIR.previous"; mv "$APP_DIR" "$APP_DIR.previous"; fi
  mv "$APP_DIR.new" "$APP_DIR"
  system chown -R root:root "$APP_DIR"
  say "installed $(sed -n 's/.*"version": *"\([^"]*\)".*/\1/p' "$APP_DIR/package.json" | head -1) in $APP_DIR"
fi

# 5. The unit, pointing at this machine's node.
sed "s#/usr/bin/node #$NODE #" "$SRC/deploy/linux/layso.service" >"$UNIT_FILE.tmp"
mv "$UNIT_FILE.tmp" "$UNIT_FILE"
chmod 0644 "$UNIT_FILE"
say "wrote $UNIT_FILE"
system systemctl daemon-reload
system systemctl enable layso.service
system systemctl restart layso.service

cat <<EOF
layso install: done.
  status:   systemctl status layso        logs: journalctl -u layso -f
  health:   curl -s http://127.0.0.1:8080/api/health
  settings: $ETC_DIR/hub.json (then: systemctl restart layso)
  tokens:   sudo -u $SERVICE_USER node /opt/layso/hub.mjs token create --data /var/lib/layso --role kiosk
EOF
