#!/usr/bin/env bash
# make test: install what is missing, build, run the C unit tests and the pg_regress suite
# against a throwaway server, and end with one line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh || exit 1
make -s all >/dev/null || { echo "build failed"; echo "0 passed, 1 failed"; exit 1; }
make -s install >/dev/null || { echo "install failed"; echo "0 passed, 1 failed"; exit 1; }

passed=0; failed=0
make -s unit; read -r up uf < test/unit/.last-counts || { up=0; uf=1; }
passed=$((passed + up)); failed=$((failed + uf))

. scripts/pgtmp.sh
pgtmp_start || { echo "0 passed, 1 failed"; exit 1; }
log="$PGTMP_DIR/installcheck.log"
make -s installcheck > "$log" 2>&1; cat "$log"
# count per test rather than trusting the exit status alone
rp=$(grep -cE '\.\.\. ok|^ok [0-9]+ ' "$log" || true)
rf=$(grep -cE '\.\.\. FAILED|^not ok [0-9]+ ' "$log" || true)
rp=${rp:-0}; rf=${rf:-0}
if [ "$rf" -gt 0 ] && [ -f regression.diffs ]; then head -200 regression.diffs; fi
if [ -x test/t/run.sh ]; then
    out=$(bash test/t/run.sh 2>&1); echo "$out"
    tp=$(echo "$out" | sed -n 's/^tap: \([0-9]*\) passed, \([0-9]*\) failed$/\1/p'); tf=$(echo "$out" | sed -n 's/^tap: \([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
    passed=$((passed + ${tp:-0})); failed=$((failed + ${tf:-1}))
fi
pgtmp_stop
# ALTER EXTENSION UPDATE from the previous release, and pg_dump/pg_restore (its own server)
if [ -f test/upgrade/check.sh ]; then
    out=$(bash test/upgrade/check.sh 2>&1); echo "$out"
    cp=$(echo "$out" | sed -n 's/^check-upgrade: \([0-9]*\) passed, \([0-9]*\) failed$/\1/p'); cf=$(echo "$out" | sed -n 's/^check-upgrade: \([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
    passed=$((passed + ${cp:-0})); failed=$((failed + ${cf:-1}))
fi
# the newest PostgreSQL major too, through make test-versions' script: built from Debian's
# source package into /var/cache/newsext the first time (about 10 minutes on 2 cores), cached
# after that (NEWSEXT_SKIP_NEWEST_PG=1 skips it; make test-versions runs every major)
if [ "${NEWSEXT_SKIP_NEWEST_PG:-0}" != 1 ]; then
    out=$(bash scripts/test-versions.sh newest 2>&1)
    echo "$out" | grep -vE '^[0-9]+ passed, [0-9]+ failed$'
    line=$(echo "$out" | grep -E '^pg[0-9]+: [0-9]+ passed, [0-9]+ failed' | tail -1)
    vp=$(echo "$line" | sed -n 's/^pg[0-9]*: \([0-9]*\) passed, \([0-9]*\) failed.*/\1/p')
    vf=$(echo "$line" | sed -n 's/^pg[0-9]*: \([0-9]*\) passed, \([0-9]*\) failed.*/\2/p')
    # a newest major that could not be obtained or tested is a failure, not a skip
    passed=$((passed + ${vp:-0})); failed=$((failed + ${vf:-1}))
fi
# a short fuzz smoke run: every libFuzzer target for a few seconds from its seeds
# (NEWSEXT_FUZZ_SMOKE=0 skips it; make fuzz is the long run)
if [ "${NEWSEXT_FUZZ_SMOKE:-1}" != 0 ] && [ -f test/fuzz/run.sh ]; then
    EXTRA_DEBS="clang libclang-rt-14-dev" bash scripts/deps.sh >/dev/null 2>&1 || true
    if command -v clang >/dev/null; then
        fuzzwork=$(mktemp -d /tmp/newsext-fuzz.XXXXXX)
        out=$(FUZZ_WORKDIR=$fuzzwork FUZZ_SECONDS=${FUZZ_SMOKE_SECONDS:-10} FUZZ_REAL_DATA=0 FUZZ_NICE=0 \
              bash test/fuzz/run.sh 2>&1); echo "$out" | grep '^fuzz:'
        rm -rf "$fuzzwork"
        fp=$(echo "$out" | sed -n 's/^fuzz: \([0-9]*\) passed, \([0-9]*\) failed$/\1/p'); ff=$(echo "$out" | sed -n 's/^fuzz: \([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
        passed=$((passed + ${fp:-0})); failed=$((failed + ${ff:-1}))
    else
        echo "fuzz: clang not found, smoke run skipped"
    fi
fi
passed=$((passed + rp)); failed=$((failed + rf))
# a suite that did not run at all is a failure, not zero tests
if [ "$rp" -eq 0 ] && [ "$rf" -eq 0 ]; then echo "the pg_regress suite did not run"; failed=$((failed + 1)); fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
