#!/usr/bin/env bash
# `make sanitize`: claimcheck's C parts built with AddressSanitizer and UndefinedBehavior-
# Sanitizer, the reader and validation tests run on them, then fuzz/fuzz_readers.py for a
# fixed time. Any memory error, undefined behaviour, failed test or difference found fails
# it; a failing fuzz input is kept in build/fuzz-crashes/ and printed.
#
# The sanitized build goes to build/sanitize/ beside a copy of the package, so the .venv's
# own build stays as it is. Python itself is not built with ASan: the runtime is preloaded.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-.venv/bin/python}
CC=${CC:-gcc}
FUZZ_SECONDS=${FUZZ_SECONDS:-120}
FUZZ_SEED=${FUZZ_SEED:-1}
OUT=build/sanitize
CRASHES=build/fuzz-crashes

started=$(date +%s)
rm -rf "$OUT"
mkdir -p "$OUT"
cp -R claimcheck "$OUT/"
find "$OUT/claimcheck" \( -name '*.so' -o -name __pycache__ \) -prune -exec rm -rf {} +
include=$("$PYTHON" -c 'import sysconfig; print(sysconfig.get_paths()["include"])')
suffix=$("$PYTHON" -c 'import sysconfig; print(sysconfig.get_config_var("EXT_SUFFIX"))')
# no -fwrapv (Python's own flags have it): a signed overflow is then reported, not wrapped
flags=(-shared -fPIC -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all -Wall)
for source in claimcheck/_c*.c; do
    "$CC" "${flags[@]}" -I"$include" "$source" -o "$OUT/claimcheck/$(basename "$source" .c)$suffix"
done

asan=$("$CC" -print-file-name=libasan.so)
if [ ! -e "$asan" ]; then
    echo "sanitize: $CC has no libasan.so (on Debian it comes with gcc's libgcc-NN-dev)" >&2
    exit 2
fi
export LD_PRELOAD=$asan
# detect_leaks=0: CPython leaves its interned strings, types and modules to process exit
# by design, and LeakSanitizer would report them all. abort_on_error: a report ends the run.
export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:abort_on_error=1
export PYTHONMALLOC=malloc  # every object from malloc, so ASan knows its bounds (pymalloc's arenas hide them)
export PYTHONPATH=$OUT
export PYTHONSAFEPATH=1     # the working directory's claimcheck/ (the unsanitized build) is not on the path
"$PYTHON" - "$OUT" <<'EOF'
import sys
from pathlib import Path

import claimcheck._cblockyaml, claimcheck._cfields
from claimcheck import blockyaml, validate

for module in (claimcheck._cblockyaml, claimcheck._cfields):
    assert Path(module.__file__).resolve().is_relative_to(Path(sys.argv[1]).resolve()), module.__file__
assert blockyaml._compiled is not None and validate._cfields is not None
EOF

# the fuzzer runs on one core while the tests run on the other (its budget is time)
rm -rf "$CRASHES"
mkdir -p "$CRASHES"
"$PYTHON" fuzz/fuzz_readers.py --seconds "$FUZZ_SECONDS" --seed "$FUZZ_SEED" --crashes "$CRASHES" \
    fuzz/seeds corpus >"$CRASHES/fuzz.log" 2>&1 &
fuzzer=$!
# the tests that run the C parts (the slow ones of test_hostile test the engine at scale);
# --capture=sys leaves standard error to the sanitizers, whose reports end the process
tests=0
"$PYTHON" -m pytest -q -p no:cacheprovider --capture=sys -m "not slow" \
    tests/test_blockyaml.py tests/test_validate.py tests/test_validate_fast.py tests/test_loader.py tests/test_hostile.py \
    || tests=$?
if [ "$tests" -ne 0 ]; then
    kill "$fuzzer" 2>/dev/null || true
    wait "$fuzzer" 2>/dev/null || true
    echo "sanitize: the tests failed under the sanitizers (exit $tests)" >&2
    exit 1
fi
tested=$(date +%s)
status=0
wait "$fuzzer" || status=$?
cat "$CRASHES/fuzz.log"
if [ "$status" -ne 0 ]; then
    last=$CRASHES/last-input.yaml  # left only where the process died mid-input
    if [ -e "$last" ]; then
        kept=$CRASHES/crash-$(sha1sum "$last" | cut -c1-12).yaml
        mv "$last" "$kept"
        echo "sanitize: the fuzzer died (exit $status) on the input kept in $kept:" >&2
        "$PYTHON" -c 'import sys; print(repr(open(sys.argv[1], "rb").read().decode("utf-8", "surrogateescape")))' "$kept" >&2
    fi
    exit 1
fi
echo "sanitize: passed in $(( $(date +%s) - started )) s (the tests took $(( tested - started )) s with the build; the fuzzer ${FUZZ_SECONDS} s beside them)"
