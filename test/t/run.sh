#!/usr/bin/env bash
# TAP-style shell tests against a running server (scripts/test.sh starts a throwaway one and
# exports PGHOST, PGPORT, PGUSER). Runs every test/t/NNN_*.sh; each prints "ok N - ..." or
# "not ok N - ..." lines. Ends with "tap: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1
PGMAJOR=${PGMAJOR:-15}
export PGBIN=${PGBIN:-$(${PG_CONFIG:-/usr/lib/postgresql/$PGMAJOR/bin/pg_config} --bindir)}
passed=0; failed=0
for t in test/t/[0-9]*_*.sh; do
    [ -f "$t" ] || continue
    echo "# $t"
    out=$(bash "$t" 2>&1); rc=$?
    echo "$out"
    p=$(echo "$out" | grep -c '^ok ' || true)
    f=$(echo "$out" | grep -c '^not ok ' || true)
    # a script that dies before reporting anything counts as a failure
    if [ $rc -ne 0 ] && [ "$f" -eq 0 ]; then f=1; echo "not ok - $t exited with status $rc"; fi
    passed=$((passed + p)); failed=$((failed + f))
done
echo "tap: $passed passed, $failed failed"
[ $failed -eq 0 ]
