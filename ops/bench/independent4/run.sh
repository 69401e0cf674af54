#!/usr/bin/env bash
# The fourth independent county (README.md next to this file): generate, reconcile on PostgreSQL, link quality, check.
#   ops/bench/independent4/run.sh PERSONS SEED      JAR=... (default /work/bench/vr5.jar) TESTKIT_JAR=... (default /work/bench/kit5.jar)
#                                                   DB=... (default vr_h_ind4, dropped and created) OUT=... (default /tmp/voter-roll-independent4)
set -euo pipefail
persons=${1:-20000}
seed=${2:-1}
here=$(cd "$(dirname "$0")" && pwd)
jar=${JAR:-/work/bench/vr5.jar}
kit=${TESTKIT_JAR:-/work/bench/kit5.jar}
db=${DB:-vr_h_ind4}
work=${OUT:-/tmp/voter-roll-independent4}/$persons-$seed
pg="psql -U postgres -h 127.0.0.1 -v ON_ERROR_STOP=1 -qAt"

rm -rf "$work" && mkdir -p "$work"
echo "== generate $persons persons, seed $seed"
python3 "$here/gen.py" "$persons" "$seed" "$work/county-data"
$pg -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
export VOTER_ROLL_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" VOTER_ROLL_DB_USER=postgres
echo "== reconcile"
start=$(date +%s.%N)
nice -n 10 java -Xmx2g -jar "$jar" reconcile --county "$work/county-data/county" --inbox "$work/county-data/inbox" \
  --previous "$work/county-data/previous" --out "$work/out" > "$work/reconcile.log" 2>&1 || { tail -20 "$work/reconcile.log"; exit 1; }
echo "reconcile $(echo "$(date +%s.%N) - $start" | bc) s wall"
run_id=$(basename "$work"/out/*/)
echo "== link quality"
nice -n 10 java -jar "$kit" link-quality --truth "$work/county-data/truth" --run-id "$run_id" 2>/dev/null | grep -vE "INFO|WARN" | sed -n '1,40p' || true
echo "== the fourth independent checker"
python3 "$here/check.py" "$work/county-data" "$work/out/$run_id"
