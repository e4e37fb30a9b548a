#!/usr/bin/env bash
# Build Citus from a git repository of its public source and install it into the PostgreSQL
# that PG_CONFIG names, for make test-citus. Not part of make test; the project ships no Citus.
#
#   PG_CONFIG=/path/to/pg_config test/citus/build-citus.sh GIT_DIR [REF]     (REF: v13.0.5)
#
# GIT_DIR is a clone (or a bare repository) of citusdata/citus. The tree at REF is exported
# into a temporary directory (the repository is not changed), configured against PG_CONFIG,
# built with nice and NEWSEXT_PG_JOBS jobs (default 2), and installed. Citus 13.0.5 builds
# against PostgreSQL 15.20 as it is; 13.1 and 13.2 need a small fix for 15.20's headers.
# Needs the development packages libcurl4-openssl-dev liblz4-dev libzstd-dev (and the server
# headers of that PostgreSQL).
set -euo pipefail
git_dir=${1:?usage: PG_CONFIG=... $0 GIT_DIR [REF]}
ref=${2:-v13.0.5}
: "${PG_CONFIG:?export PG_CONFIG (the pg_config of the PostgreSQL to install Citus into)}"
jobs=${NEWSEXT_PG_JOBS:-2}

commit=$(git --git-dir="$git_dir" rev-parse --verify "$ref^{commit}")
build=$(mktemp -d /tmp/newsext-citus-build.XXXXXX)
trap 'rm -rf "$build"' EXIT
git --git-dir="$git_dir" archive "$commit" | tar -xf - -C "$build"
echo "citus: building $ref ($commit) against $("$PG_CONFIG" --version) in $build" >&2
cd "$build"
# under make (make test-citus-build from a Makefile) an inherited MAKELEVEL/MAKEFLAGS would
# change how Citus's own makefiles run
unset MAKELEVEL MAKEFLAGS MFLAGS
if ! nice -n 10 ./configure PG_CONFIG="$PG_CONFIG" >configure.log 2>&1; then
    tail -n 30 configure.log >&2; exit 1
fi
if ! nice -n 10 make -s -j"$jobs" >make.log 2>&1; then
    grep -E 'error|Error' make.log | head -n 30 >&2; tail -n 20 make.log >&2; exit 1
fi
make -s install >install.log 2>&1 || { tail -n 20 install.log >&2; exit 1; }
echo "citus: installed $ref ($commit) into $("$PG_CONFIG" --pkglibdir)" >&2
