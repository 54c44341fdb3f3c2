#!/bin/bash
# shellcheck disable=SC2016,SC2154  # a template: electron-builder replaces the ${...} before packaging
# deb after-install of the kiosk (electron-builder `deb.afterInstall`). electron-builder
# fills in ${executable} and ${sanitizedProductName}; a custom script replaces its
# default one, so the default's steps come first.
set -e

ln -sf '/opt/${sanitizedProductName}/${executable}' '/usr/bin/${executable}'
# SUID sandbox only where unprivileged user namespaces are unavailable (Electron's rule).
if ! { [[ -L /proc/self/ns/user ]] && unshare --user true; } 2>/dev/null; then
  chmod 4755 '/opt/${sanitizedProductName}/chrome-sandbox' || true
else
  chmod 0755 '/opt/${sanitizedProductName}/chrome-sandbox' || true
fi
if hash update-desktop-database 2>/dev/null; then update-desktop-database /usr/share/applications || true; fi

# Every graphical login starts the kiosk (the kiosk account logs in automatically), under
# systemd's supervision: a killed or crashed kiosk is back within seconds
# (install-shell-supervisor.sh, packaged in resources/supervise/; docs/kiosk.md "Kept running").
# Without systemd, a plain autostart entry (the kiosk then only relaunches itself).
if ! bash '/opt/${sanitizedProductName}/resources/supervise/install-shell-supervisor.sh' kiosk '/usr/bin/${executable}'; then
  echo 'layso kiosk: no systemd supervision, starting the kiosk from a plain autostart entry' >&2
  mkdir -p /etc/xdg/autostart
  cat >'/etc/xdg/autostart/layso-kiosk.desktop' <<'DESKTOP'
[Desktop Entry]
Type=Application
Name=layso Kiosk
Exec=/usr/bin/${executable}
X-GNOME-Autostart-enabled=true
NoDisplay=true
Terminal=false
DESKTOP
fi
