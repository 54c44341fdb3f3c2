#!/usr/bin/env bash
# Installs the system packages the test suite drives for real. Idempotent and
# quiet when everything is already there.
set -euo pipefail

# Debian's Chromium (browser tests), socat (serial pty pairs), espeak-ng and sox (the
# voice e2e test speaks into Chromium's fake microphone with them), and the tools the
# deployment tests check the shipped files with: shellcheck, nginx, openssl,
# systemd-analyze; PostgreSQL 15 (central's integration tests start a throwaway
# server with its initdb/pg_ctl, apps/central/src/testing/postgres-server.ts).
missing=()
need() { command -v "$1" >/dev/null 2>&1 || missing+=("$2"); }
need chromium chromium
need socat socat
need espeak-ng espeak-ng
need sox sox
need shellcheck shellcheck
need nginx nginx-light
need openssl openssl
need systemd-analyze systemd
[ -x /usr/lib/postgresql/15/bin/postgres ] || missing+=(postgresql)
[ ${#missing[@]} -eq 0 ] && exit 0

echo "installing system packages: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "need root (or sudo) to apt-get install ${missing[*]}" >&2; exit 1; }
  SUDO="sudo"
fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
