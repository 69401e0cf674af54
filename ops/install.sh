#!/usr/bin/env bash
# Installs voter-roll on a Debian machine (ops/README.md): user, directories, jar, configuration, systemd units.
# Run from the project directory after `mvn -B -ntp -q package -DskipTests`:   sudo bash ops/install.sh
# ROOT=/some/dir installs into a staging tree instead of / (to try it, or to build a package); then nothing is started.
# MODE=timer (default) enables nothing by itself: enable a timer per county (printed at the end).
# MODE=service enables and starts voter-roll.service (the scheduler) instead.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=${ROOT:-}
MODE=${MODE:-timer}
jar=target/voter-roll.jar
[ -f "$jar" ] || { echo "no $jar: build it first: mvn -B -ntp -q package -DskipTests" >&2; exit 1; }
if [ -z "$ROOT" ] && [ "$(id -u)" != 0 ]; then echo "run as root (sudo), or set ROOT= to stage the files" >&2; exit 1; fi

if [ -z "$ROOT" ]; then
  if ! command -v java >/dev/null || ! java -version 2>&1 | grep -qE 'version "(1[7-9]|2[0-9])'; then
    echo "installing Java 17 from Debian's packages"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless >/dev/null
  fi
  getent group voter-roll >/dev/null || groupadd --system voter-roll
  getent passwd voter-roll >/dev/null || useradd --system --gid voter-roll --home-dir /var/lib/voter-roll --shell /usr/sbin/nologin voter-roll
fi

install -d -m 0755 "$ROOT/opt/voter-roll" "$ROOT/etc/voter-roll" "$ROOT/etc/voter-roll/jobs" "$ROOT/etc/systemd/system"
install -d -m 0750 "$ROOT/var/lib/voter-roll" "$ROOT/var/lib/voter-roll/inbox" "$ROOT/var/lib/voter-roll/out" "$ROOT/var/backups/voter-roll"
install -m 0644 "$jar" "$ROOT/opt/voter-roll/voter-roll.jar"
install -m 0755 ops/backup.sh ops/restore.sh "$ROOT/opt/voter-roll/"
install -d -m 0755 "$ROOT/usr/local/bin"
# the operator's command: the service's settings, then the jar (sudo -u voter-roll voter-roll runs)
cat > "$ROOT/usr/local/bin/voter-roll" <<'SH'
#!/bin/sh
set -a
. /etc/voter-roll/voter-roll.env
set +a
cd /var/lib/voter-roll
exec java ${VOTER_ROLL_JAVA_OPTS:--Xmx4g} -jar /opt/voter-roll/voter-roll.jar "$@"
SH
chmod 0755 "$ROOT/usr/local/bin/voter-roll"
install -m 0644 ops/voter-roll.service ops/voter-roll-nightly@.service ops/voter-roll-nightly@.timer "$ROOT/etc/systemd/system/"
if [ ! -f "$ROOT/etc/voter-roll/voter-roll.env" ]; then
  install -m 0640 ops/voter-roll.env.example "$ROOT/etc/voter-roll/voter-roll.env"
  echo "edit $ROOT/etc/voter-roll/voter-roll.env: the database URL, user and password"
fi
if [ ! -d "$ROOT/etc/voter-roll/jobs/sample" ]; then
  # the sample county, self-contained, to try the installation with
  install -d "$ROOT/etc/voter-roll/jobs/sample" "$ROOT/var/lib/voter-roll/sample"
  cp -r sample-data/county sample-data/inbox sample-data/previous "$ROOT/var/lib/voter-roll/sample/"
  cat > "$ROOT/etc/voter-roll/jobs/sample/job.yml" <<YML
county: /var/lib/voter-roll/sample/county
inbox: /var/lib/voter-roll/sample/inbox
previous: /var/lib/voter-roll/sample/previous
out: /var/lib/voter-roll/out/sample
cron: "0 30 1 * * *"
require-ready: false
YML
fi
if [ -z "$ROOT" ]; then
  chown -R voter-roll:voter-roll /var/lib/voter-roll /var/backups/voter-roll
  chgrp voter-roll /etc/voter-roll/voter-roll.env
  if [ -d /run/systemd/system ]; then
    systemctl daemon-reload
    if [ "$MODE" = service ]; then systemctl enable --now voter-roll.service; fi
  else
    echo "systemd is not running on this machine: units installed, nothing enabled"
  fi
fi
echo "installed. Next steps (ops/README.md):"
echo "  1. try it: sudo -u voter-roll voter-roll run-job /etc/voter-roll/jobs/sample"
echo "  2. per county: /etc/voter-roll/jobs/<county>/{job.yml,election.yml,xuanqu.csv}, then"
echo "     systemctl enable --now voter-roll-nightly@<county>.timer     (or MODE=service: one scheduler for all jobs)"
