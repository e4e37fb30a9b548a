#!/usr/bin/env bash
# make valgrind: the pg_regress suite against a throwaway server run under valgrind memcheck
# (as pgvector's CI does), then every valgrind error whose stack passes through newsext code
# (newsext.so: nx_*, newsext_*); then replays every fuzz target's corpus through the core
# under memcheck (VALGRIND_CORPUS: the directory holding the corpus-<name> directories, default
# test/fuzz). Ends with "valgrind: N errors in newsext code, M elsewhere".
#
# Without a USE_VALGRIND server build, palloc chunks are not tracked one by one: memcheck sees
# reads of uninitialised memory and overruns of the large (malloc'd) blocks the parser uses.
# VALGRIND_REGRESS picks the tests (default: all but the timing-sensitive cancel test).
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
EXTRA_DEBS="valgrind" bash scripts/deps.sh || exit 1
# pcre2's JIT code reads past the subject on purpose and has no unwind information, so
# memcheck flags it with stacks that stop inside it: build the interpreter-only variant for
# this run (VALGRIND_PCRE2_JIT=1 keeps JIT) and rebuild the normal one afterwards
copt=-DNX_RE_NO_JIT; [ "${VALGRIND_PCRE2_JIT:-0}" = 1 ] && copt=
make -s clean >/dev/null
make -s COPT="$copt" all >/dev/null && make -s COPT="$copt" install >/dev/null || { echo "build failed"; exit 1; }
restore() { make -s clean >/dev/null; make -s all >/dev/null && make -s install >/dev/null; }
trap restore EXIT
PGMAJOR=${PGMAJOR:-15}
PGBIN=${PGBIN:-$(${PG_CONFIG:-/usr/lib/postgresql/$PGMAJOR/bin/pg_config} --bindir)}
. scripts/pgtmp.sh

dir=$(mktemp -d /tmp/newsext-valgrind.XXXXXX)
[ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
supp=$(pwd)/test/valgrind/postgres.supp
port=${PGTMP_PORT:-54339}
while (echo >/dev/tcp/127.0.0.1/$port) 2>/dev/null; do port=$((port + 1)); done
pgtmp_as_owner "$PGBIN/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log"; exit 1; }
cp "$supp" "$dir/postgres.supp"; [ "$(id -u)" -eq 0 ] && chown postgres: "$dir/postgres.supp"

# the postmaster and every backend it forks run under memcheck, one log per process
pgtmp_as_owner valgrind --quiet --trace-children=yes --track-origins=yes --read-var-info=no \
    --leak-check=no --num-callers=30 --suppressions="$dir/postgres.supp" \
    --error-markers=VALGRINDERROR-BEGIN,VALGRINDERROR-END --log-file="$dir/vg.%p.log" \
    "$PGBIN/postgres" -D "$dir/data" -p "$port" -k "$dir" -c listen_addresses=127.0.0.1 -c fsync=off \
    -c autovacuum=off -c jit=off -c max_parallel_workers_per_gather=0 -c shared_buffers=32MB \
    >"$dir/server.log" 2>&1 &
vgpid=$!
stop() {
    pgtmp_as_owner "$PGBIN/pg_ctl" -D "$dir/data" -m fast -w -t 300 stop >/dev/null 2>&1 || kill "$vgpid" 2>/dev/null
    wait "$vgpid" 2>/dev/null
}
export PGHOST=127.0.0.1 PGPORT=$port PGUSER=postgres PGDATABASE=postgres
for _ in $(seq 1 300); do "$PGBIN/pg_isready" -q && break; sleep 1; done
"$PGBIN/pg_isready" -q || { echo "server under valgrind did not start"; cat "$dir/server.log"; stop; exit 1; }

tests=${VALGRIND_REGRESS:-}
if [ -z "$tests" ]; then
    for f in sql/*.sql; do b=${f##*/}; b=${b%.sql}; [ "$b" = cancel ] || tests="$tests $b"; done
fi
echo "valgrind: running $tests"
make -s installcheck REGRESS="$tests" > "$dir/regression.out" 2>&1; cat "$dir/regression.out"
stop

# every error block, and those with a newsext frame
ours=0; other=0
for log in "$dir"/vg.*.log; do
    awk '/VALGRINDERROR-BEGIN/{b="";on=1} on{b=b $0 "\n"} /VALGRINDERROR-END/{on=0; print b "\x1e"}' "$log"
done > "$dir/errors.txt"
if [ -s "$dir/errors.txt" ]; then
    ours=$(awk 'BEGIN{RS="\x1e"} /newsext|nx_[a-z_]+ \(|newsext_[a-z_]+ \(/{n++} END{print n+0}' "$dir/errors.txt")
    total=$(awk 'BEGIN{RS="\x1e"} /VALGRINDERROR-BEGIN/{n++} END{print n+0}' "$dir/errors.txt")
    other=$((total - ours))
    awk 'BEGIN{RS="\x1e"} /newsext|nx_[a-z_]+ \(|newsext_[a-z_]+ \(/' "$dir/errors.txt" | head -200
fi
# the core on its own: every fuzz target replays its seeds and corpus (up to VALGRIND_INPUTS
# files) under memcheck, which sees uninitialised reads that the fuzzers' ASan does not
core_errors=0
for src in test/fuzz/fuzz_*.c; do
    name=${src##*/fuzz_}; name=${name%.c}
    g++ -std=c++11 -g -O1 -Isrc/core -c -o "$dir/langid_cld2.o" src/core/langid_cld2.cpp ||
        { echo "valgrind: cannot build the CLD2 shim"; core_errors=$((core_errors + 1)); continue; }
    # shellcheck disable=SC2046
    gcc -std=c99 -D_POSIX_C_SOURCE=200809L -DNX_RE_NO_JIT -g -O1 -Isrc/core -Itest/fuzz \
        $(pkg-config --cflags libpcre2-8) -o "$dir/replay_$name" "$src" test/fuzz/replay_main.c src/core/*.c \
        "$dir/langid_cld2.o" $(pkg-config --libs libpcre2-8) -lutf8proc -lcld2 -lstdc++ -lm || { echo "valgrind: cannot build replay_$name"; core_errors=$((core_errors + 1)); continue; }
    corpus=${VALGRIND_CORPUS:-test/fuzz}
    inputs=$(find test/data test/fuzz/seeds/"$name" test/fuzz/regress/"$name" "$corpus"/corpus-"$name" "$corpus"/corpus-real \
        -maxdepth 1 -type f 2>/dev/null | head -"${VALGRIND_INPUTS:-10000}")
    # shellcheck disable=SC2086
    valgrind --quiet --error-exitcode=99 --track-origins=yes --leak-check=full --errors-for-leak-kinds=definite \
        --log-file="$dir/core_$name.log" "$dir/replay_$name" $inputs > "$dir/core_$name.out" 2>&1
    rc=$?
    if [ $rc -ne 0 ]; then
        echo "valgrind: core, $name target: errors (exit $rc), see $dir/core_$name.log"; head -40 "$dir/core_$name.log"
        core_errors=$((core_errors + 1))
    else
        echo "valgrind: core, $name target: $(cat "$dir/core_$name.out"), no error"
    fi
done
ours=$((ours + core_errors))
failed=$(grep -cE '\.\.\. FAILED|^not ok ' "$dir/regression.out" || true)
echo "valgrind: logs in $dir (errors.txt lists every error)"
echo "valgrind: $ours errors in newsext code, $other elsewhere; regression tests failed: $failed"
[ "$ours" -eq 0 ]
