#!/usr/bin/env bash
# make demo: install what is missing, build, install, start a throwaway PostgreSQL, load the
# sample articles in test/data, print their parsed fields and an indexed query, stop the server.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
make -s all >/dev/null
make -s install >/dev/null
. scripts/pgtmp.sh
pgtmp_start
echo "newsext demo: PostgreSQL on 127.0.0.1:$PGPORT (data in $PGTMP_DIR, removed at the end)"
psql -X -q -v ON_ERROR_STOP=1 -f scripts/demo.sql
