#!/usr/bin/env bash
# Backs up the voter-roll PostgreSQL database (pg_dump, custom format) to a file; keeps the last KEEP backups.
#   ops/backup.sh [DIR]          DIR default /var/backups/voter-roll
# Reads VOTER_ROLL_DB_URL (jdbc:postgresql://host:port/db), VOTER_ROLL_DB_USER, VOTER_ROLL_DB_PASSWORD.
# Safe while a run is in progress (pg_dump takes a consistent snapshot); such a run shows as RUNNING after a
# restore and is recovered and restarted like any interrupted run (docs/runbook.md).
set -euo pipefail
dir=${1:-/var/backups/voter-roll}
keep=${KEEP:-14}
url=${VOTER_ROLL_DB_URL:?set VOTER_ROLL_DB_URL (jdbc:postgresql://host:port/db)}
rest=${url#jdbc:postgresql://}; hostport=${rest%%/*}; db=${rest#*/}; db=${db%%\?*}
host=${hostport%%:*}; port=${hostport#*:}; [ "$port" = "$hostport" ] && port=5432
export PGPASSWORD=${VOTER_ROLL_DB_PASSWORD:-}
mkdir -p "$dir"
file="$dir/voter-roll-$db-$(date +%Y%m%d-%H%M%S).dump"
pg_dump -h "$host" -p "$port" -U "${VOTER_ROLL_DB_USER:-postgres}" -Fc ${SCHEMA:+-n "$SCHEMA"} -f "$file.tmp" "$db"
mv "$file.tmp" "$file"
ls -1t "$dir"/voter-roll-"$db"-*.dump | tail -n +$((keep + 1)) | xargs -r rm --
echo "$file"
