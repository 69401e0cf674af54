#!/usr/bin/env bash
# The outputs of a build, to be compared byte for byte with another build's (issue 19: a restructuring leaves every
# output unchanged).
#   ops/bench/same-outputs.sh OUT_DIR            # the outputs of this checkout's build into OUT_DIR
#   diff -r BEFORE_DIR AFTER_DIR                  # then: nothing may differ
# Writes OUT_DIR/sample (README command 1 on sample-data/), OUT_DIR/examples (the example delivery of
# product/src/test/resources/examples), OUT_DIR/gen (a generated county of PERSONS=200000 persons, seed SEED=5: the generator's
# files) and OUT_DIR/gen-out (that county reconciled on PostgreSQL). Every run is pinned to one clock
# (-Dvoter-roll.test.fixed-clock, run/RunClock: the run id, summary.json's startedAt / finishedAt) and starts on an
# empty database (a fresh H2 directory; the PostgreSQL schema SCHEMA=same_outputs of DB_URL, dropped first), so two
# builds that behave alike give identical files, run ids included.
# EXAMPLES=src/test/resources/examples for a checkout from before the product module.
# JAR / TESTKIT_JAR pick other builds (default target/voter-roll.jar and target/voter-roll-testkit.jar, or
# voter-roll.jar for the generator where there is no test-kit jar).
set -euo pipefail
out=${1:?usage: same-outputs.sh OUT_DIR}
here=$(cd "$(dirname "$0")/../.." && pwd)
jar=${JAR:-$here/target/voter-roll.jar}
kit=${TESTKIT_JAR:-$here/target/voter-roll-testkit.jar}
[ -f "$kit" ] || kit=$jar
persons=${PERSONS:-200000}
seed=${SEED:-5}
db_url=${DB_URL:-jdbc:postgresql://127.0.0.1:5432/vr_restr}
schema=${SCHEMA:-same_outputs}
examples=${EXAMPLES:-product/src/test/resources/examples}
clock=-Dvoter-roll.test.fixed-clock=2026-12-01T02:00:00
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -rf "$out" && mkdir -p "$out"
cd "$here"

echo "== sample county (H2)"
VOTER_ROLL_HOME=$work/h2-sample java $clock -jar "$jar" reconcile --county sample-data/county --inbox sample-data/inbox \
  --previous sample-data/previous --out "$out/sample" > "$work/sample.log" 2>&1 || { tail -20 "$work/sample.log"; exit 1; }

echo "== example delivery (H2)"
VOTER_ROLL_HOME=$work/h2-examples java $clock -jar "$jar" reconcile --county "$examples/county" \
  --inbox "$examples/inbox" --out "$out/examples" > "$work/examples.log" 2>&1 || { tail -20 "$work/examples.log"; exit 1; }

echo "== generate $persons persons, seed $seed"
java -jar "$kit" generate --persons "$persons" --seed "$seed" --out "$out/gen" > "$work/gen.log" 2>&1 || { tail -20 "$work/gen.log"; exit 1; }

echo "== reconcile it on PostgreSQL ($db_url, schema $schema)"
base=${db_url%%\?*}
PGOPTIONS=--client-min-messages=warning psql "postgresql://postgres@${base#jdbc:postgresql://}" -v ON_ERROR_STOP=1 -qAt \
  -c "DROP SCHEMA IF EXISTS $schema CASCADE" -c "CREATE SCHEMA $schema"
VOTER_ROLL_DB_URL="$base?currentSchema=$schema" VOTER_ROLL_DB_USER=postgres java -Xmx2g $clock -jar "$jar" reconcile \
  --county "$out/gen/county" --inbox "$out/gen/inbox" --previous "$out/gen/previous" --out "$out/gen-out" \
  > "$work/gen-out.log" 2>&1 || { tail -20 "$work/gen-out.log"; exit 1; }
echo "$out: $(find "$out" -type f | wc -l) files"
