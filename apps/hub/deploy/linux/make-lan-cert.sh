#!/usr/bin/env bash
# Makes the center's own certificate authority (once) and the hub's LAN certificate it
# signs, for the hub's LAN HTTPS listener. Kiosks and screens do not trust any CA for
# the hub: they pin the CA's SHA-256 fingerprint printed at the end (settings screen,
# "Hub HTTPS certificate fingerprint"), so a certificate from anyone else is refused.
#
#   sudo bash make-lan-cert.sh 192.168.1.10 [more IPs or DNS names…]
#
# Writes /etc/layso/lan-tls/: ca.key (the CA's key: keep it here or offline, never on a
# device), ca.crt, hub.key, hub.crt (the hub certificate followed by ca.crt). Run it
# again to renew the hub certificate (the CA, and so the pinned fingerprint, stay; the
# hub picks the new files up by itself). LAYSO_ROOT=/dir stages under /dir (tests);
# LAYSO_LAN_CERT_DAYS sets the hub certificate's validity (default 825 days).
set -euo pipefail

ROOT="${LAYSO_ROOT:-}"
ROOT="${ROOT%/}"
DIR="$ROOT/etc/layso/lan-tls"
DAYS="${LAYSO_LAN_CERT_DAYS:-825}"
say() { printf 'layso lan-cert: %s\n' "$*"; }
die() { printf 'layso lan-cert: %s\n' "$*" >&2; exit 1; }

[ "$#" -ge 1 ] || die "name the hub's LAN address(es), e.g. $0 192.168.1.10 hub.local"
command -v openssl >/dev/null || die "openssl is needed (apt install openssl)"
[[ "$DAYS" =~ ^[0-9]+$ ]] || die "LAYSO_LAN_CERT_DAYS must be a number of days"

SAN=""
for name in "$@"; do
  if [[ "$name" =~ ^[0-9.]+$ || "$name" == *:* ]]; then entry="IP:$name"
  elif [[ "$name" =~ ^[A-Za-z0-9.-]+$ ]]; then entry="DNS:$name"
  else die "not an IP address or host name: $name"; fi
  SAN="${SAN:+$SAN,}$entry"
done

mkdir -p "$DIR"
chmod 0750 "$DIR"
umask 077

if [ -f "$DIR/ca.key" ] && [ -f "$DIR/ca.crt" ]; then
  say "keeping the center CA in $DIR (its fingerprint is what the devices pin)"
else
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 3650 \
    -subj "/CN=layso center CA $(hostname 2>/dev/null || echo hub)" \
    -addext "basicConstraints=critical,CA:TRUE,pathlen:0" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -keyout "$DIR/ca.key" -out "$DIR/ca.crt" 2>/dev/null
  say "made a new center CA in $DIR"
fi

EXT="$(mktemp)"
trap 'rm -f "$EXT" "$DIR/hub.csr" "$DIR/hub.new.crt" "$DIR/hub.new.key"' EXIT
printf 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=%s\n' "$SAN" >"$EXT"
openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj "/CN=layso hub" \
  -keyout "$DIR/hub.new.key" -out "$DIR/hub.csr" 2>/dev/null
openssl x509 -req -in "$DIR/hub.csr" -CA "$DIR/ca.crt" -CAkey "$DIR/ca.key" -CAcreateserial \
  -days "$DAYS" -extfile "$EXT" -out "$DIR/hub.new.crt" 2>/dev/null
cat "$DIR/ca.crt" >>"$DIR/hub.new.crt"
# Key first, then certificate, each by rename: the hub never reads a half-written pair.
mv "$DIR/hub.new.key" "$DIR/hub.key"
mv "$DIR/hub.new.crt" "$DIR/hub.crt"
chmod 0640 "$DIR/hub.key" "$DIR/hub.crt" "$DIR/ca.crt"
chmod 0600 "$DIR/ca.key"
if [ -z "$ROOT" ] && getent group layso >/dev/null; then chgrp layso "$DIR" "$DIR/hub.key" "$DIR/hub.crt" "$DIR/ca.crt"; fi

fp() { openssl x509 -in "$1" -noout -fingerprint -sha256 | sed 's/^.*=//'; }
cat <<EOT
layso lan-cert: hub certificate for $SAN, valid $DAYS days.
  Center CA fingerprint (pin this on every kiosk and screen):
    $(fp "$DIR/ca.crt")
  Hub certificate fingerprint (changes at each renewal):
    $(fp "$DIR/hub.crt")
  In /etc/layso/layso.env:
    LAYSO_LAN_TLS_CERT=/etc/layso/lan-tls/hub.crt
    LAYSO_LAN_TLS_KEY=/etc/layso/lan-tls/hub.key
    LAYSO_LAN_HTTPS_PORT=8444
  then: systemctl restart layso; set each device's hub address to https://<hub IP>:8444
EOT
