#!/usr/bin/env bash
# Removes what ops/install.sh installed. Keeps the data (/var/lib/voter-roll), the backups and the database unless
# PURGE=1 (then the data and backups directories and the voter-roll user go too; the database is never touched).
set -euo pipefail
[ "$(id -u)" = 0 ] || { echo "run as root (sudo)" >&2; exit 1; }
if [ -d /run/systemd/system ]; then
  systemctl disable --now voter-roll.service 2>/dev/null || true
  for t in $(systemctl list-units --all --plain --no-legend 'voter-roll-nightly@*.timer' | awk '{print $1}'); do systemctl disable --now "$t"; done
fi
rm -f /etc/systemd/system/voter-roll.service /etc/systemd/system/voter-roll-nightly@.service /etc/systemd/system/voter-roll-nightly@.timer
[ -d /run/systemd/system ] && systemctl daemon-reload || true
rm -rf /opt/voter-roll /usr/local/bin/voter-roll
echo "configuration kept in /etc/voter-roll (remove it by hand if wanted)"
if [ "${PURGE:-0}" = 1 ]; then
  rm -rf /var/lib/voter-roll /var/backups/voter-roll
  getent passwd voter-roll >/dev/null && userdel voter-roll
  getent group voter-roll >/dev/null && groupdel voter-roll || true
fi
echo "uninstalled"
