#!/usr/bin/env bash
# Restores a backup of ops/backup.sh into an EMPTY database (create it first), then checks it.
#   ops/restore.sh FILE.dump
# Reads VOTER_ROLL_DB_URL / _USER / _PASSWORD like backup.sh: the database to restore INTO.
# Stop the service and timers first (systemctl stop voter-roll.service 'voter-roll-nightly@*.timer').
set -euo pipefail
file=${1:?usage: ops/restore.sh FILE.dump}
url=${VOTER_ROLL_DB_URL:?set VOTER_ROLL_DB_URL (jdbc:postgresql://host:port/db)}
rest=${url#jdbc:postgresql://}; hostport=${rest%%/*}; db=${rest#*/}; db=${db%%\?*}
host=${hostport%%:*}; port=${hostport#*:}; [ "$port" = "$hostport" ] && port=5432
export PGPASSWORD=${VOTER_ROLL_DB_PASSWORD:-}
user=${VOTER_ROLL_DB_USER:-postgres}
pg_restore -h "$host" -p "$port" -U "$user" -d "$db" --no-owner --exit-on-error "$file"
psql -h "$host" -p "$port" -U "$user" -d "$db" -qAt ${SCHEMA:+-c "SET search_path TO $SCHEMA"} \
  -c "SELECT 'runs: ' || COUNT(*) || ', last completed: ' || COALESCE(MAX(finished_at)::text, 'none') FROM run WHERE status = 'COMPLETED'"
echo "restored $file into $db; runs left RUNNING by the backup are recovered by: java -jar voter-roll.jar runs"
