#!/usr/bin/env bash
# Says whether the repository's copy of the contract's examples (product/src/test/resources/examples) still equals
# ../shared/spec/examples, where a team checkout has it. The build and the tests never read ../shared.
set -euo pipefail
cd "$(dirname "$0")/.."
spec=${1:-../shared/spec/examples}
if [ ! -d "$spec" ]; then echo "no $spec here: nothing to compare"; exit 0; fi
if diff -r "$spec" product/src/test/resources/examples; then echo "product/src/test/resources/examples equals $spec"; else
  echo "product/src/test/resources/examples differs from $spec: copy the contract's examples in and rerun the tests"; exit 1; fi
