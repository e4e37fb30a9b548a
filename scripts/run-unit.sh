#!/usr/bin/env bash
# Run each cmocka binary; print "unit: N passed, N failed" and keep the counts for scripts/test.sh.
set -u
passed=0; failed=0
for bin in "$@"; do
    out=$(CMOCKA_MESSAGE_OUTPUT=stdout "./$bin" 2>&1); rc=$?
    echo "$out" | grep -E '^\[  (FAILED|ERROR)|^\[  PASSED|^\[==========\]' | sed "s|^|$(basename "$bin" .bin): |"
    p=$(echo "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' | tail -1)
    f=$(echo "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' | tail -1)
    passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
    if [ $rc -ne 0 ] && [ -z "$f" ]; then failed=$((failed + 1)); echo "$bin: crashed (exit $rc)"; fi
done
# the command-line tool on the seed article: valid JSON with the right headline and date
if [ -x ./newsext ]; then
    if ./newsext parse < test/data/seed.txt | /usr/bin/python3 -c '
import json, sys
a = json.load(sys.stdin)
assert a["headline"] == "Russia \x27walks back\x27 on Syria deal with United States", a["headline"]
assert a["published"] == "2016-09-04" and a["reading_minutes"] == 3
'; then passed=$((passed + 1)); echo "cli: [  PASSED  ] parse seed"; else failed=$((failed + 1)); echo "cli: [  FAILED  ] parse seed"; fi
    # the phrase tokens of two NUL-separated texts: folding, apostrophes, hyphens, diacritics
    got=$(printf 'Assad\xe2\x80\x99s five-year S\xc3\xa3o\0second TEXT' | ./newsext tokens -0 | tr '\n' ' ')
    if [ "$got" = "assad s five year sao  second text  " ]; then
        passed=$((passed + 1)); echo "cli: [  PASSED  ] tokens -0"
    else
        failed=$((failed + 1)); echo "cli: [  FAILED  ] tokens -0: got '$got'"
    fi
    # two NUL-separated articles: one JSON object a line, the same as parsing each alone
    if { cat test/data/seed.txt; printf '\0'; cat test/data/wire.txt; } | ./newsext parse -0 > test/unit/.parse0.out &&
        [ "$(wc -l < test/unit/.parse0.out)" -eq 2 ] &&
        [ "$(sed -n 1p test/unit/.parse0.out)" = "$(./newsext parse < test/data/seed.txt)" ] &&
        [ "$(sed -n 2p test/unit/.parse0.out)" = "$(./newsext parse < test/data/wire.txt)" ]; then
        passed=$((passed + 1)); echo "cli: [  PASSED  ] parse -0"
    else
        failed=$((failed + 1)); echo "cli: [  FAILED  ] parse -0"
    fi
    rm -f test/unit/.parse0.out
fi
echo "unit: $passed passed, $failed failed"
echo "$passed $failed" > test/unit/.last-counts
[ $failed -eq 0 ]
