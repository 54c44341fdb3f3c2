#!/bin/bash
# shellcheck disable=SC2016,SC2154  # a template: electron-builder replaces the ${...} before packaging
# deb after-remove of the kiosk: undo kiosk-after-install.sh (electron-builder fills in ${executable}).
rm -f '/usr/bin/${executable}' '/etc/xdg/autostart/${executable}.desktop'
