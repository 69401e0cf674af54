#!/usr/bin/env bash
# The prepare and load steps alone (issue 20), on a generated county and PostgreSQL:
#   ops/bench/prepare-load.sh COUNTY_DATA_DIR [DB]       # COUNTY_DATA_DIR: the test kit's --out (county, inbox, previous)
# Starts a reconcile on a fresh database DB (default vr_bench_pl), waits until the load step has ended, reads the JVM's
# CPU time (user + system, /proc) at that moment and stops the run there (the later steps are not this benchmark's).
# Prints one line: prepare and load wall seconds (batch_step_execution), each source's load, the JVM's CPU seconds up
# to then, the load average. JAR=... picks another build; JAVA_OPTS=... adds JVM options (a JFR recording, say);
# FLOOR=1 then also times the floor: psql \copy of the same CSV files into one text column (as benchmark.sh).
set -euo pipefail
data=${1:?usage: prepare-load.sh COUNTY_DATA_DIR [DB]}
db=${2:-vr_bench_pl}
here=$(cd "$(dirname "$0")/../.." && pwd)
jar=${JAR:-$here/target/voter-roll.jar}
pg="psql -U postgres -h 127.0.0.1 -v ON_ERROR_STOP=1 -qAt"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
PGOPTIONS=--client-min-messages=warning $pg -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
before=$(cut -d' ' -f1 /proc/loadavg)
VOTER_ROLL_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" VOTER_ROLL_DB_USER=postgres \
  java -Xmx2g ${JAVA_OPTS:-} -jar "$jar" reconcile --county "$data/county" --inbox "$data/inbox" \
  --previous "$data/previous" --out "$out/out" > "$out/log" 2>&1 &
pid=$!
state=""
while kill -0 "$pid" 2>/dev/null; do
  state=$($pg -d $db -c "SELECT status FROM batch_step_execution WHERE step_name = 'load'" 2>/dev/null || true)
  case "$state" in COMPLETED|FAILED|STOPPED) break ;; esac
  sleep 0.5
done
tick=$(getconf CLK_TCK)
cpu=$(awk -v t="$tick" '{printf "%.1f", ($14 + $15) / t}' "/proc/$pid/stat" 2>/dev/null || echo "?")
[ -n "${JAVA_OPTS:-}" ] && sleep 1   # let a recording with a duration reach its end
kill "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
[ "$state" = COMPLETED ] || { tail -30 "$out/log"; echo "load step: ${state:-not reached}"; exit 1; }
steps=$($pg -d $db -F' ' -c "SELECT step_name, EXTRACT(EPOCH FROM (end_time - start_time))::numeric(8,1), write_count
          FROM batch_step_execution ORDER BY step_execution_id" | awk '{printf "%s %s s (%s rows); ", $1, $2, $3}')
scan=$(grep -oE "files scanned in [0-9]+ ms|previous roll read in [0-9]+ ms" "$out/log" | grep -oE "[0-9]+ ms" | paste -sd/ -)
echo "$(basename "$(dirname "$jar")")/$(basename "$jar") load avg $before..$(cut -d' ' -f1 /proc/loadavg): ${steps}scan/previous roll ${scan}; JVM CPU to end of load ${cpu} s"
if [ -n "${FLOOR:-}" ]; then
  # the floor beside it, as benchmark.sh measures it: psql \copy of the same CSV files into one text column
  $pg -d $db -c "DROP TABLE IF EXISTS copy_baseline" -c "CREATE TABLE copy_baseline (line text)"
  start=$(date +%s.%N)
  for f in "$data"/inbox/*.csv; do
    enc=UTF8; iconv -f UTF-8 -t UTF-8 "$f" >/dev/null 2>&1 || enc=GB18030
    $pg -d $db -c "\\copy copy_baseline FROM '$f' WITH (FORMAT csv, DELIMITER E'\\x01', ENCODING '$enc')"
  done
  end=$(date +%s.%N)
  echo "floor: psql \\copy of the CSV files $(echo "$end - $start" | bc) s, $($pg -d $db -c "SELECT count(*) FROM copy_baseline") lines (xlsx not included), load avg $(cut -d' ' -f1 /proc/loadavg)"
fi
