#!/usr/bin/env bash
# A generated province on this machine, run with 1 and then with 2 workers over RabbitMQ (issue 21).
#   ops/bench/province.sh COUNTIES PERSONS_PER_COUNTY [SEED]
#   JAR=... the product jar; TESTKIT_JAR=... the test kit's (`generate`, `check-province`); OUT=... the directory;
#   DB=... the database (dropped and made again before each run); WORKERS="1 2" the worker counts to run.
# Each run starts from the same generated jobs (copied fresh: the exchange step writes into the county directories), an
# empty database and its own queue, and prints the wall time of the province run, the counties' table and check-province.
set -euo pipefail
counties=${1:-8}
per=${2:-250000}
seed=${3:-11}
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
jar=${JAR:-$top/target/voter-roll.jar}
kit=${TESTKIT_JAR:-$top/target/voter-roll-testkit.jar}
db=${DB:-vr_province_bench}
work=${OUT:-/tmp/voter-roll-province}/$counties-$per-$seed
pg="psql -U postgres -h 127.0.0.1 -v ON_ERROR_STOP=1 -qAt"

if [ ! -d "$work/gen/jobs" ]; then
  rm -rf "$work" && mkdir -p "$work"
  echo "== generate $counties counties x $per persons, seed $seed"
  /usr/bin/time -f "generate: %e s, peak RSS %M KB" java -jar "$kit" generate --province "$counties" \
    --persons-per-county "$per" --seed "$seed" --out "$work/gen" > "$work/generate.log" 2>&1 \
    || { tail -20 "$work/generate.log"; exit 1; }
  tail -1 "$work/generate.log"
fi
export VOTER_ROLL_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" VOTER_ROLL_DB_USER=postgres

for n in ${WORKERS:-1 2}; do
  run=$work/workers-$n
  rm -rf "$run" && mkdir -p "$run" && cp -r "$work/gen/jobs" "$run/jobs"
  $pg -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
  queue=voter-roll.bench.$$.$n
  pids=()
  for i in $(seq 1 "$n"); do
    java -Dvoter-roll.province.queue="$queue" -jar "$jar" worker > "$run/worker-$i.log" 2>&1 &
    pids+=($!)
  done
  echo "== province run with $n worker(s)"
  start=$(date +%s.%N)
  status=0
  java -Dvoter-roll.province.queue="$queue" -Dvoter-roll.province.poll-interval=1s -jar "$jar" \
    province --jobs-dir "$run/jobs" --out "$run/out" > "$run/province.log" 2>&1 || status=$?
  end=$(date +%s.%N)
  kill "${pids[@]}" 2>/dev/null || true
  wait "${pids[@]}" 2>/dev/null || true
  grep -vE "^\s*$|^\s+at |INFO|WARN|DEBUG|^Caused by" "$run/province.log" | tail -$((counties + 6)) || true
  printf 'workers=%d wall=%.1f s exit=%d\n' "$n" "$(echo "$end - $start" | bc)" "$status"
  java -jar "$kit" check-province --truth "$work/gen/truth" --out "$run/out" 2>/dev/null | grep -vE "INFO|WARN" | tail -5 || true
done
