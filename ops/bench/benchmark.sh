#!/usr/bin/env bash
# End-to-end benchmark on a generated county against PostgreSQL.
#   ops/bench/benchmark.sh PERSONS [SEED]
# Prints: generation time, the reconcile run's per-step times (from Spring Batch metadata), a second night's
# (the same delivery reconciled again into the same database: what a nightly run on a known county costs),
# a plain psql \copy of the same CSV files as the ingest baseline, the ground-truth check (错/漏/重)
# and the link quality (pairwise precision / recall, review band). JAR=... picks another build, TESTKIT_JAR=... its test kit, DB=... another database (default vr_bench) (generate, check-truth, link-quality).
set -euo pipefail
persons=${1:-100000}
seed=${2:-7}
here=$(cd "$(dirname "$0")/../.." && pwd)
jar=${JAR:-$here/target/voter-roll.jar}
kit=${TESTKIT_JAR:-$here/target/voter-roll-testkit.jar}
work=${BENCH_DIR:-/tmp/voter-roll-bench}/$persons
db=${DB:-vr_bench}
pg="psql -U postgres -h 127.0.0.1 -v ON_ERROR_STOP=1 -qAt"

rm -rf "$work" && mkdir -p "$work"
echo "== generate $persons persons"
/usr/bin/time -f "generate: %e s, max RSS %M KB" java -jar "$kit" generate --persons "$persons" --seed "$seed" --out "$work/county-data" >/dev/null
du -sh "$work/county-data/inbox"

$pg -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
echo "== reconcile"
export VOTER_ROLL_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" VOTER_ROLL_DB_USER=postgres
/usr/bin/time -f "reconcile: %e s wall, max RSS %M KB" java -Xmx2g -jar "$jar" reconcile --county "$work/county-data/county" \
  --inbox "$work/county-data/inbox" --out "$work/out" --previous "$work/county-data/previous" > "$work/reconcile.log" 2>&1 \
  || { tail -20 "$work/reconcile.log"; exit 1; }
grep -E "delivery:|previous roll|identity:|rules:" "$work/reconcile.log" | sed 's/^/log /' || true
$pg -d $db -c "SELECT step_name, EXTRACT(EPOCH FROM (end_time - start_time))::numeric(8,1) AS seconds, read_count, write_count
               FROM batch_step_execution ORDER BY step_execution_id" | sed 's/^/step /'

echo "== second night: the same delivery again into the same database (persons known, earlier runs kept)"
/usr/bin/time -f "reconcile (second night): %e s wall, max RSS %M KB" java -Xmx2g -jar "$jar" reconcile --county "$work/county-data/county" \
  --inbox "$work/county-data/inbox" --out "$work/out2" > "$work/reconcile2.log" 2>&1 \
  || { tail -20 "$work/reconcile2.log"; exit 1; }
$pg -d $db -c "SELECT step_name, EXTRACT(EPOCH FROM (end_time - start_time))::numeric(8,1) AS seconds
               FROM batch_step_execution WHERE step_name NOT LIKE 'loadSource%'
                 AND job_execution_id = (SELECT MAX(job_execution_id) FROM batch_job_execution) ORDER BY step_execution_id" | sed 's/^/night2 /'

echo "== baseline: psql \\copy of the same CSV files (CSV quoting honoured, one text column per record)"
declare -A enc
for f in "$work"/county-data/inbox/*.csv; do
  enc[$f]=UTF8; iconv -f UTF-8 -t UTF-8 "$f" >/dev/null 2>&1 || enc[$f]=GB18030
done
$pg -d $db -c "DROP TABLE IF EXISTS copy_baseline" -c "CREATE TABLE copy_baseline (line text)"
start=$(date +%s.%N)
for f in "$work"/county-data/inbox/*.csv; do
  $pg -d $db -c "\\copy copy_baseline FROM '$f' WITH (FORMAT csv, DELIMITER E'\\x01', ENCODING '${enc[$f]}')"
done
end=$(date +%s.%N)
echo "psql \\copy of the CSV files: $(echo "$end - $start" | bc) s (xlsx sources not included)"

echo "== ground truth"
java -jar "$kit" check-truth --truth "$work/county-data/truth" --run "$work"/out/*/ | tail -1 || true   # exits 1 when not clean
run_id=$(basename "$work"/out/*/)
java -jar "$kit" link-quality --truth "$work/county-data/truth" --run-id "$run_id" 2>/dev/null | grep -vE "INFO|WARN"
