#!/bin/bash
# shellcheck disable=SC2016,SC2154  # a template: electron-builder replaces the ${...} before packaging
# deb after-remove of the kiosk: undo kiosk-after-install.sh (electron-builder fills in ${executable}).
# The supervisor's unit and its links are not package files (install-shell-supervisor.sh made them).
# On an upgrade the new version's after-install puts them back.
if [ -f /etc/systemd/user/layso-kiosk.service ]; then systemctl --global disable layso-kiosk.service || true; fi
rm -f '/usr/bin/${executable}' '/etc/xdg/autostart/layso-kiosk.desktop' /etc/systemd/user/layso-kiosk.service
