#!/usr/bin/env bash
# The independent county (README.md next to this file): generate, verify, reconcile on PostgreSQL, measure, check.
#   ops/bench/independent/run.sh PERSONS [SEED]      JAR=... another build (TESTKIT_JAR=... its test kit); DB=... another database; OUT=... another directory
set -euo pipefail
persons=${1:-20000}
seed=${2:-7}
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../../.." && pwd)
jar=${JAR:-$top/target/voter-roll.jar}
kit=${TESTKIT_JAR:-$top/target/voter-roll-testkit.jar}
db=${DB:-vr_independent}
work=${OUT:-/tmp/voter-roll-independent}/$persons-$seed
pg="psql -U postgres -h 127.0.0.1 -v ON_ERROR_STOP=1 -qAt"

rm -rf "$work" && mkdir -p "$work"
echo "== generate $persons persons, seed $seed"
python3 "$here/gen.py" --persons "$persons" --seed "$seed" --out "$work/county-data"
python3 "$here/verify.py" "$work/county-data" | tail -3
$pg -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
export VOTER_ROLL_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" VOTER_ROLL_DB_USER=postgres
echo "== reconcile"
java -Xmx2g -jar "$jar" reconcile --county "$work/county-data/county" --inbox "$work/county-data/inbox" \
  --previous "$work/county-data/previous" --out "$work/out" > "$work/reconcile.log" 2>&1 || { tail -20 "$work/reconcile.log"; exit 1; }
run_id=$(basename "$work"/out/*/)
grep -E "identity:.*persons|rules:" "$work/reconcile.log" | sed 's/^/log /' || true
echo "== link quality"
java -jar "$kit" link-quality --truth "$work/county-data/truth" --run-id "$run_id" 2>/dev/null | grep -vE "INFO|WARN"
echo "== the independent checker"
python3 "$here/check.py" --truth "$work/county-data/truth" --run "$work/out/$run_id"
