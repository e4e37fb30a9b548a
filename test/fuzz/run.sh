#!/usr/bin/env bash
# make fuzz: build every test/fuzz/fuzz_<name>.c as a libFuzzer target (clang, ASan + UBSan,
# linked with all of src/core) and run each for FUZZ_SECONDS (default 60).
#
#   make fuzz FUZZ_SECONDS=600            make fuzz FUZZ_TARGETS=article   (or: bash test/fuzz/run.sh article)
#   FUZZ_RUNS=10000000 make fuzz          stop a target after N executions instead
#
# Adding a target is one file: test/fuzz/fuzz_<name>.c defining LLVMFuzzerTestOneInput.
# Optional, by name: seeds/<name>/ (extra seeds; test/data/*.txt always seed), <name>.dict,
# <name>.options (extra libFuzzer flags, one a line), <name>.nocmp (core files to build
# without comparison tracing), regress/<name>/ (fixed findings,
# replayed before fuzzing). Working corpora go to test/fuzz/corpus-<name>/ and findings to
# test/fuzz/crash-<name>-*, both ignored by git (FUZZ_WORKDIR=dir puts the corpora there
# instead: make test's smoke run starts from the seeds each time). Ends with
# "fuzz: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1
FUZZ_RUNS=${FUZZ_RUNS:-}
# with FUZZ_RUNS alone, the run count is the only limit (max_total_time=0 means none)
if [ -n "$FUZZ_RUNS" ]; then FUZZ_SECONDS=${FUZZ_SECONDS:-0}; else FUZZ_SECONDS=${FUZZ_SECONDS:-60}; fi
FUZZ_NICE=${FUZZ_NICE:-19}
CLANG=${CLANG:-clang}
FUZZ=test/fuzz

if ! command -v "$CLANG" >/dev/null; then
    echo "fuzz: $CLANG not found (apt-get install clang libclang-rt-14-dev)" >&2
    echo "fuzz: 0 passed, 1 failed"; exit 1
fi
PCRE2_CFLAGS=$(pkg-config --cflags libpcre2-8 2>/dev/null)
PCRE2_LIBS=$(pkg-config --libs libpcre2-8 2>/dev/null || echo -lpcre2-8)
CORE_SRCS=$(ls src/core/*.c)
# the core's C++ shim over CLD2 (langid_cld2.cpp), built with the same sanitizers
CORE_CXX_SRCS=$(ls src/core/*.cpp 2>/dev/null || true)
CLANGXX=${CLANGXX:-${CLANG/clang/clang++}}
# FUZZ_SANITIZE=0: libFuzzer alone, optimised, several times the executions a second of the
# ASan + UBSan build (crashes, hangs and the targets' own checks still stop it); for long runs
FUZZ_SANITIZE=${FUZZ_SANITIZE:-1}
if [ "$FUZZ_SANITIZE" = 0 ]; then SAN="" OPT=-O2 VARIANT=-nosan; else SAN=",address,undefined" OPT=-O1 VARIANT=""; fi
CFLAGS="-std=c99 -D_POSIX_C_SOURCE=200809L -g $OPT -fno-omit-frame-pointer
        -fsanitize=fuzzer$SAN -fno-sanitize-recover=all -Isrc/core -I$FUZZ"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

# the real articles in ../shared/data, when present, make a better starting corpus (never committed)
real=$FUZZ/corpus-real
data=${NEWSEXT_DATA:-$(cd .. && pwd)/shared/data}
if [ ! -d "$real" ] && [ -d "$data" ] && [ "${FUZZ_REAL_DATA:-1}" = 1 ]; then
    mkdir -p "$real"
    python3 - "$data" "$real" <<'PY' || true
import json, sys, pathlib
src, dst = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
n = 0
for f in sorted(src.glob("*/articles*.jsonl")):
    for i, line in enumerate(open(f, encoding="utf-8")):
        if i >= 60: break
        rec = json.loads(line)
        for key in ("text", "text_wrapped"):
            if rec.get(key):
                (dst / f"{f.parent.name}-{i}-{key}.txt").write_text(rec[key][:16000], encoding="utf-8")
                n += 1
print(f"fuzz: {n} real articles from {src} added to the starting corpus")
PY
fi

targets=("$@")
[ ${#targets[@]} -eq 0 ] && [ -n "${FUZZ_TARGETS:-}" ] && read -r -a targets <<< "$FUZZ_TARGETS"
if [ ${#targets[@]} -eq 0 ]; then
    for f in "$FUZZ"/fuzz_*.c; do t=${f##*/fuzz_}; targets+=("${t%.c}"); done
fi

passed=0; failed=0
for name in "${targets[@]}"; do
    src=$FUZZ/fuzz_$name.c bin=$FUZZ/fuzz_$name$VARIANT.bin
    if [ ! -f "$src" ]; then echo "fuzz: no target $src"; failed=$((failed + 1)); continue; fi
    # rebuild when the target, a shared header or any core file is newer than the binary
    if [ ! -x "$bin" ] || [ -n "$(find "$src" $FUZZ/*.h src/core -newer "$bin" 2>/dev/null | head -1)" ]; then
        # <name>.nocmp lists core files built without comparison tracing (edges stay): for
        # hash-table probes whose compares only slow libFuzzer down (about 2x for entities)
        srcs=$CORE_SRCS objs="" ok=1
        if [ -f "$FUZZ/$name.nocmp" ]; then
            for f in $(grep -v '^#' "$FUZZ/$name.nocmp"); do
                o=$FUZZ/nocmp-$name$VARIANT-$(basename "$f" .c).o
                # shellcheck disable=SC2086
                nice -n "$FUZZ_NICE" "$CLANG" ${CFLAGS/-fsanitize=fuzzer/-fsanitize=fuzzer-no-link} \
                    -fno-sanitize-coverage=trace-cmp $PCRE2_CFLAGS -c -o "$o" "$f" || ok=0
                srcs=$(echo "$srcs" | tr ' ' '\n' | grep -vx "$f" | tr '\n' ' ')
                objs="$objs $o"
            done
        fi
        for f in $CORE_CXX_SRCS; do
            o=$FUZZ/cxx-$name$VARIANT-$(basename "$f" .cpp).o
            # shellcheck disable=SC2086
            nice -n "$FUZZ_NICE" "$CLANGXX" ${CFLAGS/-std=c99/-std=c++11} -fsanitize=fuzzer-no-link -c -o "$o" "$f" || ok=0
            objs="$objs $o"
        done
        # shellcheck disable=SC2086
        if [ $ok = 0 ] || ! nice -n "$FUZZ_NICE" "$CLANG" $CFLAGS $PCRE2_CFLAGS -o "$bin" "$src" $srcs $objs \
                $PCRE2_LIBS -lutf8proc -lcld2 -lstdc++ -lm; then
            echo "fuzz: $name: build failed"; failed=$((failed + 1)); continue
        fi
    fi
    # fixed findings first: each must now run clean
    if [ -d "$FUZZ/regress/$name" ] && [ -n "$(ls -A "$FUZZ/regress/$name")" ]; then
        if ! "$bin" "$FUZZ/regress/$name"/* >"$FUZZ/regress-$name.log" 2>&1; then
            echo "fuzz: $name: a fixed finding fails again (see $FUZZ/regress-$name.log)"
            tail -30 "$FUZZ/regress-$name.log"; failed=$((failed + 1)); continue
        fi
        rm -f "$FUZZ/regress-$name.log"
    fi
    corpus=${FUZZ_WORKDIR:-$FUZZ}/corpus-$name
    mkdir -p "$corpus"
    seeds=(test/data)
    [ -d "$FUZZ/seeds/$name" ] && seeds+=("$FUZZ/seeds/$name")
    [ -d "$real" ] && seeds+=("$real")
    opts=(-max_total_time="$FUZZ_SECONDS" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
          -artifact_prefix="$FUZZ/crash-$name-")
    [ -n "$FUZZ_RUNS" ] && opts+=(-runs="$FUZZ_RUNS")
    [ -f "$FUZZ/$name.dict" ] && opts+=(-dict="$FUZZ/$name.dict")
    [ -f "$FUZZ/$name.options" ] && mapfile -t -O ${#opts[@]} opts < <(grep -v '^#' "$FUZZ/$name.options" | grep .)
    log=${FUZZ_WORKDIR:-$FUZZ}/fuzz-$name.log
    nice -n "$FUZZ_NICE" "$bin" "${opts[@]}" "$corpus" "${seeds[@]}" >"$log" 2>&1
    rc=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    secs=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -1)
    if [ $rc -eq 0 ]; then
        echo "fuzz: $name: ${execs:-?} executions in ${secs:-?} s, no finding (corpus $(ls "$corpus" | wc -l) inputs)"
        passed=$((passed + 1))
    else
        echo "fuzz: $name: FINDING after ${execs:-?} executions (exit $rc); input saved as:"
        grep -E "^artifact_prefix|Test unit written to" "$log" | sed 's/^/  /'
        grep -E "ERROR: |runtime error|invariant failed|SUMMARY" "$log" | head -5 | sed 's/^/  /'
        echo "  full log: $log"
        failed=$((failed + 1))
    fi
done
echo "fuzz: $passed passed, $failed failed"
[ $failed -eq 0 ]
