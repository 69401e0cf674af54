#!/usr/bin/env bash
# The sixth independent county (README.md next to this file): generate, then reconcile three nights on PostgreSQL into
# one fresh database and one --out (night 1 with --previous, nights 2 and 3 compared with the last run), then check.
#   ops/bench/independent6/run.sh PERSONS SEED    JAR=... (default target/voter-roll.jar)
#                                                 DB=... (default vr_ind6, dropped and created) OUT=... (default /tmp/voter-roll-independent6)
set -euo pipefail
persons=${1:-20000}
seed=${2:-1}
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../../.." && pwd)
jar=${JAR:-$top/target/voter-roll.jar}
db=${DB:-vr_ind6}
work=${OUT:-/tmp/voter-roll-independent6}/$persons-$seed
pg="psql -U postgres -h 127.0.0.1 -v ON_ERROR_STOP=1 -qAt"

rm -rf "$work" && mkdir -p "$work"
echo "== generate $persons persons, seed $seed"
python3 "$here/gen.py" "$persons" "$seed" "$work/county-data" > "$work/gen.log"
tail -1 "$work/gen.log" >/dev/null
$pg -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
export VOTER_ROLL_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" VOTER_ROLL_DB_USER=postgres
runs=()
for night in 1 2 3; do
  prev=()
  [ "$night" = 1 ] && prev=(--previous "$work/county-data/previous")
  echo "== reconcile night $night"
  start=$(date +%s.%N)
  set +e
  nice -n 10 java -Xmx2g -jar "$jar" reconcile --county "$work/county-data/county" --inbox "$work/county-data/inbox-n$night" \
    "${prev[@]}" --out "$work/out" > "$work/reconcile-n$night.log" 2>&1
  rc=$?
  set -e
  echo "night $night: exit $rc, $(echo "$(date +%s.%N) - $start" | bc) s wall"
  if [ "$rc" = 4 ]; then
    # stopped for confirmation (a source shrank, or the roll changed much): recorded as a finding, then confirmed
    grep -v INFO "$work/reconcile-n$night.log" | tail -5
    id=$(grep -oE 'run [0-9A-Za-z_-]+' "$work/reconcile-n$night.log" | tail -1 | cut -d' ' -f2)
    echo "confirming $id"; java -jar "$jar" confirm --by=ind6 "$id" >> "$work/reconcile-n$night.log" 2>&1 || true
  elif [ "$rc" != 0 ]; then
    grep -v INFO "$work/reconcile-n$night.log" | tail -20; exit 1
  fi
  dir=$(tail -1 "$work/reconcile-n$night.log")
  [ -d "$dir" ] || dir=$(ls -td "$work"/out/*/ | head -1)
  runs+=("$dir")
  echo "night $night: ${dir}"
done
echo "== the sixth independent checker"
python3 "$here/check.py" "$work/county-data" "${runs[@]}"
