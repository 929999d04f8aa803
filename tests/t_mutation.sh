#!/bin/sh
# t_mutation.sh: single-field mutations of every certificate under certificates/ (whatever is
# there when the test runs) must be rejected by nccheck whenever they change what is claimed,
# and accepted only where the mutated certificate is still legitimately valid. The mutator and
# its rules are in tests/t_mutation.py (python3, stdlib only); make check runs a deterministic
# sample (NCCERT_MUTATION_SAMPLE, NCCERT_MUTATION_SEED), `python3 tests/t_mutation.py --full`
# the whole set. Prints the kill rate. TAP (from the python script).

ROOT=$(cd "$(dirname "$0")/.." && pwd)
B=${NCCERT_BUILD_DIR:-$ROOT/build}
if [ ! -x "$B/nccheck" ]; then echo "Bail out! $B/nccheck not built (run make all)"; exit 1; fi
if ! command -v python3 >/dev/null 2>&1; then echo "1..0 # SKIP python3 not available"; exit 0; fi
mkdir -p "$ROOT/tests/tmp"
NCCERT_BUILD_DIR=$B exec python3 "$ROOT/tests/t_mutation.py"
