#!/usr/bin/env bash
# make test-versions: build and test newsext against each PostgreSQL major, one summary line each
# ("pg16: 105 passed, 0 failed (16.15)"), then a total "N passed, N failed".
#
#   scripts/test-versions.sh [--build-only] [MAJOR...]     (default: 15 16 17 18 19)
#
# PostgreSQL 15 is Debian 12's own (postgresql-15 and postgresql-server-dev-15, or the PG_CONFIG
# you export). The others are built once from the upstream tarball inside a distribution's
# source package, fetched with apt-get from a private sources file this script writes (the
# system's apt sources stay as they are), and installed under $NEWSEXT_PG_CACHE/pg-NN
# (default /var/cache/newsext): the newest version whose tarball is served, from Debian trixie,
# sid or experimental or from Ubuntu (16 only there: Debian has dropped it). A major with no
# tarball served is reported as "not available" and not counted. Each major's test: a copy of the
# worktree built against it with -Werror (both layers), the C unit tests, and the pg_regress
# suite plus the test/t shell tests on a throwaway server of that major (scripts/pgtmp.sh).
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
ROOT=$PWD
CACHE=${NEWSEXT_PG_CACHE:-/var/cache/newsext}
JOBS=${NEWSEXT_PG_JOBS:-2}
build_only=0
if [ "${1:-}" = --build-only ]; then build_only=1; shift; fi
majors=("$@")
[ ${#majors[@]} -gt 0 ] || majors=(15 16 17 18 19)

log() { echo "test-versions: $*" >&2; }

# --- obtaining a major ------------------------------------------------------------------------

# apt-get with this script's own source list, list directory and download cache
APT_DIR=$CACHE/apt
apt_private() {
    apt-get -q -o Dir::State::Lists="$APT_DIR/lists" -o Dir::Cache="$APT_DIR/cache" \
        -o Dir::Etc::SourceList="$APT_DIR/sources.list" -o Dir::Etc::SourceParts=/nonexistent "$@"
}

# Every suite is signature-checked. Debian's against the Debian archive key (Debian 12's
# debian-archive-keyring). Ubuntu's archive key is not packaged in Debian 12, but Debian trixie
# ships it (ubuntu-keyring): apt downloads that package through trixie's binary index, so it is
# checked against the hash the index lists, and the index against trixie's Release file, signed
# with the Debian archive key. Its ubuntu-archive-keyring.gpg then checks the Ubuntu lines
# (signed-by); a suite whose signature does not check is not used. Each tarball is checked
# against the size and hash in the Sources index. Debian has dropped 16, and a mirror may list
# versions whose files it no longer serves: fetch_source tries the newest first.
DEBIAN_KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg
UBUNTU_KEYRING=$APT_DIR/ubuntu-archive-keyring.gpg

# write_sources debian|all: Debian's lines (with trixie's binary index, for the Ubuntu key),
# or those and Ubuntu's
write_sources() {
    mkdir -p "$APT_DIR/lists/partial" "$APT_DIR/cache/archives/partial"
    local deb="[signed-by=$DEBIAN_KEYRING] http://deb.debian.org/debian"
    local sec="[signed-by=$DEBIAN_KEYRING] http://deb.debian.org/debian-security"
    local ubu="[signed-by=$UBUNTU_KEYRING] http://archive.ubuntu.com/ubuntu"
    local suite
    {
        echo "# written by newsext's scripts/test-versions.sh: source packages of PostgreSQL majors"
        for suite in trixie trixie-updates sid experimental; do echo "deb-src $deb $suite main"; done
        echo "deb-src $sec trixie-security main"
        echo "deb [arch=amd64 signed-by=$DEBIAN_KEYRING] http://deb.debian.org/debian trixie main"
        if [ "$1" = all ]; then
            for suite in noble noble-updates noble-security questing questing-updates resolute; do
                echo "deb-src $ubu $suite main"
            done
        fi
    } > "$APT_DIR/sources.list"
}

# the Ubuntu archive keyring, from Debian trixie's ubuntu-keyring package (see above)
fetch_ubuntu_keyring() {
    local dl rc
    dl=$(mktemp -d "$APT_DIR/keyring.XXXXXX") || return 1
    chown _apt "$dl" 2>/dev/null    # apt downloads as _apt where it can
    (cd "$dl" && apt_private download ubuntu-keyring) >>"$APT_DIR/update.log" 2>&1 \
        && dpkg-deb --fsys-tarfile "$dl"/ubuntu-keyring_*.deb \
            | tar -xOf - ./usr/share/keyrings/ubuntu-archive-keyring.gpg >"$UBUNTU_KEYRING.new" \
        && [ -s "$UBUNTU_KEYRING.new" ] && mv "$UBUNTU_KEYRING.new" "$UBUNTU_KEYRING"
    rc=$?
    rm -rf "$dl" "$UBUNTU_KEYRING.new"
    [ $rc -eq 0 ] || log "the Ubuntu archive keyring could not be obtained"
    return $rc
}

sources_ready=0
update_sources() {
    [ $sources_ready -eq 1 ] && return 0
    mkdir -p "$APT_DIR" || return 1
    # runs for two majors or two worktrees at once share the list directory
    local lock rc=0
    exec {lock}>"$APT_DIR/newsext.lock"
    flock "$lock"
    : >"$APT_DIR/update.log"
    if [ ! -s "$UBUNTU_KEYRING" ]; then
        # Ubuntu indexes an older version of this script fetched unverified are fetched anew
        rm -f "$APT_DIR"/lists/archive.ubuntu.com_*
        write_sources debian
        { apt_private update >>"$APT_DIR/update.log" 2>&1 && fetch_ubuntu_keyring; } || rc=1
    fi
    if [ $rc -eq 0 ]; then
        write_sources all
        apt_private update >>"$APT_DIR/update.log" 2>&1 || rc=1
    fi
    # a suite whose signature does not check is left unused, with a warning only: a failure
    grep -qE '^(W|E): .*(GPG error|NO_PUBKEY|is not signed)' "$APT_DIR/update.log" && rc=1
    flock -u "$lock"
    [ $rc -eq 0 ] || { cat "$APT_DIR/update.log" >&2; return 1; }
    sources_ready=1
}

# check_hash FILE SHA256:hex|SHA512:hex (as apt-get --print-uris lists it)
check_hash() {
    local algo=${2%%:*} want=${2#*:}
    case "$algo" in
        SHA256) [ "$(sha256sum "$1" | cut -d' ' -f1)" = "$want" ] ;;
        SHA512) [ "$(sha512sum "$1" | cut -d' ' -f1)" = "$want" ] ;;
        *) log "unknown hash $algo"; return 1 ;;
    esac
}

# download the newest reachable upstream tarball of postgresql-NN's source packages and
# unpack it into $2; prints the upstream version
fetch_source() {
    local major=$1 dest=$2 dl=$CACHE/src/pg-$1
    update_sources || return 1
    rm -rf "$dl"; mkdir -p "$dl"
    local versions v got=
    versions=$(apt-cache -o Dir::State::Lists="$APT_DIR/lists" -o Dir::Etc::SourceList="$APT_DIR/sources.list" \
        -o Dir::Etc::SourceParts=/nonexistent showsrc "postgresql-$major" 2>/dev/null \
        | sed -n 's/^Version: //p' | sort -u | sort -rV)
    # only the upstream tarball is needed, and a mirror may serve it without the rest of the
    # package: fetch it alone and check it against the size and hash the Sources index lists
    local line url name size hash
    for v in $versions; do
        line=$(cd "$dl" && apt_private source --print-uris "postgresql-$major=$v" 2>/dev/null | grep "\.orig\.tar\.")
        read -r url name size hash <<<"$line"
        url=${url//\'/}
        if [ -n "$url" ] && curl -fsL --retry 2 -o "$dl/$name" "$url" 2>/dev/null \
            && [ "$(stat -c %s "$dl/$name")" = "$size" ] && check_hash "$dl/$name" "$hash"; then
            got=$v; break
        fi
        log "pg$major: postgresql-$major $v is listed but its tarball could not be downloaded"
        rm -f "$dl"/postgresql-"$major"_*
    done
    [ -n "$got" ] || return 2
    local orig; orig=$(ls "$dl"/postgresql-"$major"_*.orig.tar.* 2>/dev/null | head -1)
    [ -n "$orig" ] || { log "no upstream tarball in the source package of postgresql-$major"; return 1; }
    rm -rf "$dest"; mkdir -p "$dest"
    tar -xf "$orig" -C "$dest" --strip-components=1 || return 1
    rm -rf "$dl"
    sed -n "s/^PACKAGE_VERSION='\(.*\)'/\1/p" "$dest/configure"
}

# build the server, psql, initdb, pg_ctl, pg_regress, the PGXS headers and the contrib
# modules the tests load (auto_explain, for the driver tests) into $CACHE/pg-NN
build_major() {
    local major=$1 prefix=$CACHE/pg-$1 src=$CACHE/build/pg-$1 version start
    start=$(date +%s)
    log "pg$major: fetching the source package"
    version=$(fetch_source "$major" "$src"); local rc=$?
    [ $rc -eq 0 ] || return $rc
    log "pg$major: building PostgreSQL $version into $prefix (nice, make -j$JOBS; about 10 minutes)"
    rm -rf "$prefix"
    # 17 and later ship no generated parser files in the tarball: bison and flex build them.
    # PostgreSQL makes its generated headers only in a top-level make (MAKELEVEL 0): under
    # `make test` the inherited MAKELEVEL would skip them, so the build starts clean of it
    (cd "$src" && unset MAKELEVEL MAKEFLAGS MFLAGS && nice -n 10 ./configure --prefix="$prefix" --without-icu --without-readline \
            --without-zlib >"$src/configure.log" 2>&1 \
        && nice -n 10 make -s -j"$JOBS" >"$src/make.log" 2>&1 \
        && make -s install >"$src/install.log" 2>&1 \
        && make -s -C contrib/auto_explain install >>"$src/install.log" 2>&1) || {
        log "pg$major: build failed, last lines of the logs in $src:"
        tail -n 20 "$src"/configure.log "$src"/make.log "$src"/install.log 2>/dev/null >&2
        return 1; }
    echo "$version" > "$prefix/.newsext-built"
    rm -rf "$src"
    log "pg$major: built PostgreSQL $version in $(( $(date +%s) - start ))s"
}

# the pg_config of a major: Debian's (or the exported PG_CONFIG) for 15, the cache for the rest;
# prints nothing and returns 2 when no source package offers the major
pg_config_of() {
    local major=$1
    if [ "$major" = 15 ]; then
        if [ -n "${PG_CONFIG:-}" ] && "$PG_CONFIG" --version 2>/dev/null | grep -q "PostgreSQL 15\."; then
            echo "$PG_CONFIG"
        else
            PGMAJOR=15 bash scripts/deps.sh >&2 || return 1
            echo /usr/lib/postgresql/15/bin/pg_config
        fi
        return 0
    fi
    local prefix=$CACHE/pg-$major
    mkdir -p "$CACHE" || return 1
    # one build per major at a time, also across concurrent runs
    exec {lock}>"$CACHE/pg-$major.lock"
    flock "$lock"
    # a cache made before auto_explain was part of the build is rebuilt
    if [ ! -f "$prefix/.newsext-built" ] || [ ! -f "$prefix/lib/postgresql/auto_explain.so" ]; then
        EXTRA_DEBS="bison flex" bash scripts/deps.sh >&2 || { flock -u "$lock"; return 1; }
        build_major "$major"; local rc=$?
        [ $rc -eq 0 ] || { flock -u "$lock"; return $rc; }
    fi
    flock -u "$lock"
    echo "$prefix/bin/pg_config"
}

# --- testing against a major -------------------------------------------------------------------

# copy the worktree (tracked and new files, no build products) so each major builds from clean
copy_tree() {
    if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
        git ls-files -co --exclude-standard -z | tar --null -T - -cf - | tar -xf - -C "$1"
    else
        tar --exclude='*.o' --exclude='*.so' --exclude='*.d' --exclude=results -cf - . | tar -xf - -C "$1"
    fi
}

# runs in a subshell: build with -Werror, install, unit tests, pg_regress suite, test/t;
# prints "passed failed" on its last line
test_major() {
    local major=$1 pgc=$2 work=$3
    export PG_CONFIG=$pgc PGMAJOR=$major
    export PGBIN; PGBIN=$("$pgc" --bindir)
    cd "$work" || exit 1
    # -Werror for both layers (PGXS appends COPT to CFLAGS; the Makefile adds it to the
    # core's standalone build used by the unit tests)
    if ! make -s COPT=-Werror all >build.log 2>&1 || ! make -s install >>build.log 2>&1; then
        cat build.log; echo "0 1"; exit 1
    fi
    local passed=0 failed=0 up uf
    make -s COPT=-Werror unit >unit.log 2>&1
    read -r up uf < test/unit/.last-counts || { up=0; uf=1; cat unit.log; }
    passed=$((passed + up)); failed=$((failed + uf))
    . scripts/pgtmp.sh
    pgtmp_start || { echo "0 1"; exit 1; }
    make -s installcheck >installcheck.log 2>&1
    local rp rf
    rp=$(grep -cE '\.\.\. ok|^ok [0-9]+ ' installcheck.log); rf=$(grep -cE '\.\.\. FAILED|^not ok [0-9]+ ' installcheck.log)
    [ "$rp" -gt 0 ] || [ "$rf" -gt 0 ] || { cat installcheck.log; rf=1; }
    [ "$rf" -gt 0 ] && [ -f regression.diffs ] && head -200 regression.diffs
    passed=$((passed + rp)); failed=$((failed + rf))
    if [ -x test/t/run.sh ]; then
        local out tp tf
        out=$(bash test/t/run.sh 2>&1)
        tp=$(echo "$out" | sed -n 's/^tap: \([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
        tf=$(echo "$out" | sed -n 's/^tap: \([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
        [ "${tf:-1}" -gt 0 ] && echo "$out" | grep -vE '^ok |^# test/'
        passed=$((passed + ${tp:-0})); failed=$((failed + ${tf:-1}))
    fi
    pgtmp_stop
    echo "$passed $failed"
}

# NEWSEXT_PG_NEWEST: the newest released major, the one scripts/test.sh adds to make test
PG_NEWEST=${NEWSEXT_PG_NEWEST:-18}

if [ $build_only -eq 1 ]; then
    for major in "${majors[@]}"; do pg_config_of "$major" >/dev/null || log "pg$major: not built"; done
    exit 0
fi

total_passed=0; total_failed=0; summary=()
for major in "${majors[@]}"; do
    [ "$major" = newest ] && major=$PG_NEWEST
    start=$(date +%s)
    pgc=$(pg_config_of "$major"); rc=$?
    if [ $rc -eq 2 ]; then
        summary+=("pg$major: not available (no postgresql-$major source tarball is served)"); continue
    elif [ $rc -ne 0 ] || [ -z "$pgc" ]; then
        summary+=("pg$major: 0 passed, 1 failed (PostgreSQL $major could not be obtained)")
        total_failed=$((total_failed + 1)); continue
    fi
    version=$("$pgc" --version | sed 's/^PostgreSQL //')
    obtained=$(( $(date +%s) - start ))
    work=$(mktemp -d "/tmp/newsext-pg$major.XXXXXX")
    [ "$(id -u)" -eq 0 ] && chmod 755 "$work"
    copy_tree "$work"
    log "pg$major: testing against PostgreSQL $version in $work"
    out=$(test_major "$major" "$pgc" "$work" 2>&1)
    read -r p f <<<"$(echo "$out" | tail -n 1)"
    [[ "$p" =~ ^[0-9]+$ && "$f" =~ ^[0-9]+$ ]] || { p=0; f=1; }
    [ "$f" -gt 0 ] && echo "$out" | sed '$d'
    rm -rf "$work"
    total_passed=$((total_passed + p)); total_failed=$((total_failed + f))
    summary+=("pg$major: $p passed, $f failed (PostgreSQL $version; obtained in ${obtained}s, built and tested in $(( $(date +%s) - start - obtained ))s)")
done
printf '%s\n' "${summary[@]}"
echo "$total_passed passed, $total_failed failed"
[ "$total_failed" -eq 0 ]
