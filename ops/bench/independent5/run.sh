#!/usr/bin/env bash
# The fifth independent county (README.md next to this file): generate, reconcile on PostgreSQL, check.
#   ops/bench/independent5/run.sh PERSONS SEED    JAR=... (default target/voter-roll.jar) TESTKIT_JAR=... (default
#                                                 target/voter-roll-testkit.jar, only for its link-quality report, which needs
#                                                 the testkit's own truth format and is skipped when that is absent)
#                                                 DB=... (default vr_ind5, dropped and created) OUT=... (default /tmp/voter-roll-independent5)
set -euo pipefail
persons=${1:-20000}
seed=${2:-1}
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../../.." && pwd)
jar=${JAR:-$top/target/voter-roll.jar}
kit=${TESTKIT_JAR:-$top/target/voter-roll-testkit.jar}
db=${DB:-vr_ind5}
work=${OUT:-/tmp/voter-roll-independent5}/$persons-$seed
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
if [ -f "$work/county-data/truth/records.csv" ] && [ -f "$kit" ]; then
  echo "== link quality"
  nice -n 10 java -jar "$kit" link-quality --truth "$work/county-data/truth" --run-id "$run_id" 2>/dev/null | grep -vE "INFO|WARN" | sed -n '1,40p' || true
fi
echo "== the fifth independent checker"
python3 "$here/check.py" "$work/county-data" "$work/out/$run_id"
