#!/usr/bin/env bash
# independent3 (README.md next to this file): generate, build if needed, reconcile on PostgreSQL, check.
#   ops/bench/independent3/run.sh PERSONS SEED      JAR=... another build (TESTKIT_JAR=... its test kit); DB=... another database; OUT=... another directory
set -euo pipefail
persons=${1:-20000}
seed=${2:-1}
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../../.." && pwd)
jar=${JAR:-$top/target/voter-roll.jar}
kit=${TESTKIT_JAR:-$top/target/voter-roll-testkit.jar}
db=${DB:-indep3_bench}
work=${OUT:-/tmp/voter-roll-independent3}/$persons-$seed
pg="psql -U postgres -h 127.0.0.1 -v ON_ERROR_STOP=1 -qAt"
[ -f "$jar" ] || (cd "$top" && mvn -q -B -ntp package -DskipTests)
rm -rf "$work" && mkdir -p "$work"
echo "== generate $persons persons, seed $seed"
python3 "$here/gen.py" "$persons" "$seed" "$work/county-data"
$pg -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
export VOTER_ROLL_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" VOTER_ROLL_DB_USER=postgres
echo "== reconcile"
start=$(date +%s)
java -Xmx2g -jar "$jar" reconcile --county "$work/county-data/county" --inbox "$work/county-data/inbox" \
  --previous "$work/county-data/previous" --out "$work/out" > "$work/reconcile.log" 2>&1 || { tail -20 "$work/reconcile.log"; exit 1; }
echo "reconcile $(( $(date +%s) - start )) s wall"
run_id=$(basename "$work"/out/*/)
echo "== link quality"
java -jar "$kit" link-quality --truth "$work/county-data/truth" --run-id "$run_id" 2>/dev/null | grep -vE "INFO|WARN" | sed -n '1,30p' || true
echo "== independent3 checker"
python3 "$here/check.py" "$work/county-data" "$work/out/$run_id"
