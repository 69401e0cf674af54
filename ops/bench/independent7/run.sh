#!/usr/bin/env bash
# The seventh independent county (README.md next to this file): generate, reconcile one night on PostgreSQL into a
# fresh database, check.  With KILL=SECONDS, also reconcile the same delivery on a second database, kill the
# process after SECONDS, finish it (`restart RUN_ID`, else the same command again) and compare the rolls byte for byte.
#   ops/bench/independent7/run.sh PERSONS SEED    JAR=... (default /tmp/vr-lead.jar)
#                                                 DB=... (default vr_ind7, dropped and created) OUT=... (default /tmp/voter-roll-independent7)
set -euo pipefail
persons=${1:-20000}
seed=${2:-1}
here=$(cd "$(dirname "$0")" && pwd)
jar=${JAR:-/tmp/vr-lead.jar}
db=${DB:-vr_ind7}
work=${OUT:-/tmp/voter-roll-independent7}/$persons-$seed
pg="psql -U postgres -h 127.0.0.1 -v ON_ERROR_STOP=1 -qAt"

rm -rf "$work" && mkdir -p "$work"
echo "== generate $persons persons, seed $seed"
python3 "$here/gen.py" "$persons" "$seed" "$work/county-data" > "$work/gen.log"
head -1 "$work/gen.log"

reconcile() {   # reconcile DB OUTDIR LOG -> prints the run directory
  local d=$1 out=$2 log=$3 rc start
  start=$(date +%s.%N)
  set +e
  VOTER_ROLL_DB_URL="jdbc:postgresql://127.0.0.1:5432/$d" VOTER_ROLL_DB_USER=postgres \
    nice -n 10 java -Xmx2g -jar "$jar" reconcile --county "$work/county-data/county" --inbox "$work/county-data/inbox" \
    --previous "$work/county-data/previous" --out "$out" > "$log" 2>&1
  rc=$?
  set -e
  echo "reconcile ($d): exit $rc, $(echo "$(date +%s.%N) - $start" | bc) s wall" >&2
  if [ "$rc" = 4 ]; then
    # stopped for confirmation (a source shrank, or the roll changed much): a finding, then confirmed
    echo "FINDING: exit 4 (needs confirmation):" >&2; grep -v INFO "$log" | tail -5 >&2
    id=$(grep -oE 'run [0-9A-Za-z_-]+' "$log" | tail -1 | cut -d' ' -f2)
    echo "confirming $id" >&2
    VOTER_ROLL_DB_URL="jdbc:postgresql://127.0.0.1:5432/$d" VOTER_ROLL_DB_USER=postgres \
      java -jar "$jar" confirm --by=ind7 "$id" >> "$log" 2>&1 || true
  elif [ "$rc" != 0 ]; then
    grep -v INFO "$log" | tail -20 >&2; exit 1
  fi
  local dir
  dir=$(tail -1 "$log")
  [ -d "$dir" ] || dir=$(ls -td "$out"/*/ | head -1)
  echo "$dir"
}

$pg -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
run=$(reconcile "$db" "$work/out" "$work/reconcile.log")
echo "run: $run"
echo "== the seventh independent checker"
set +e
python3 "$here/check.py" "$work/county-data" "$run" | tee "$work/check.txt"
crc=${PIPESTATUS[0]}
set -e

if [ -n "${KILL:-}" ]; then
  # KILL=STEP: kill -9 the reconcile as soon as its log says "step STEP started" (e.g. KILL=resolve, KILL=roll),
  # then finish it with `restart RUN_ID` (or the same command again if no run is listed) and compare with $run.
  set +e
  db2=${db}_kill
  $pg -d postgres -c "DROP DATABASE IF EXISTS $db2" -c "CREATE DATABASE $db2"
  export VOTER_ROLL_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db2" VOTER_ROLL_DB_USER=postgres
  args=(reconcile --county "$work/county-data/county" --inbox "$work/county-data/inbox" --previous "$work/county-data/previous" --out "$work/out-kill")
  nice -n 10 java -Xmx2g -jar "$jar" "${args[@]}" > "$work/kill1.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do
    grep -q "step $KILL started" "$work/kill1.log" && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  sleep "${KILL_DELAY:-0}"
  if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid"; echo "killed reconcile pid $pid at: $(grep progress "$work/kill1.log" | tail -1 | cut -c1-150)"; else echo "reconcile ended before step $KILL"; fi
  wait "$pid" 2>/dev/null
  echo "visible in out-kill after the kill: $(ls "$work/out-kill" 2>/dev/null | tr '\n' ' ')"
  rid=
  if [ -z "${RERUN:-}" ]; then   # RERUN=1: no `runs`, no `restart`: the same reconcile command again
    java -jar "$jar" runs > "$work/runs.txt" 2>&1
    grep -v -E 'INFO|WARN' "$work/runs.txt" | head -5
    rid=$(grep -v -E 'INFO|WARN' "$work/runs.txt" | grep -oE '[0-9]{6}-[0-9]{8}-[0-9]{6}' | head -1)
  fi
  if [ -n "$rid" ]; then
    echo "restart $rid"; nice -n 10 java -Xmx2g -jar "$jar" restart "$rid" > "$work/kill2.log" 2>&1; rc=$?
  else
    echo "no run to restart: the same command again"; nice -n 10 java -Xmx2g -jar "$jar" "${args[@]}" > "$work/kill2.log" 2>&1; rc=$?
  fi
  echo "second attempt: exit $rc; $(grep -v -E 'INFO|WARN' "$work/kill2.log" | tail -2 | tr '\n' ' ')"
  if [ "$rc" = 4 ]; then java -jar "$jar" confirm --by=ind7 "$rid" >> "$work/kill2.log" 2>&1; fi
  if [ -n "${RERUN:-}" ] && [ "$rc" != 0 ]; then
    echo "FINDING: the same command after a kill exits $rc"; grep -v -E 'INFO|WARN' "$work/kill2.log" | tail -3
    java -jar "$jar" runs > "$work/runs.txt" 2>&1; grep -v -E 'INFO|WARN' "$work/runs.txt" | head -3
    nice -n 10 java -Xmx2g -jar "$jar" "${args[@]}" > "$work/kill3.log" 2>&1; echo "third attempt (after runs): exit $?"
    cp "$work/kill3.log" "$work/kill2.log"
  fi
  dir2=$(tail -1 "$work/kill2.log")
  [ -d "$dir2" ] || dir2=$(ls -td "$work"/out-kill/*/ | head -1)
  echo "killed+finished run: $dir2 (runs in out-kill: $(ls "$work/out-kill" | tr '\n' ' '))"
  python3 "$here/check.py" "$work/county-data" "$run" "$dir2" | tail -1
  for sub in rolls books posting rejects exceptions.csv; do
    if diff -r "$run/$sub" "$dir2/$sub" > /dev/null 2>&1; then echo "$sub identical: yes"; else echo "$sub identical: NO"; diff -rq "$run/$sub" "$dir2/$sub" 2>&1 | head -3; fi
  done
fi
exit $crc
