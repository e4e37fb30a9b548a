#!/usr/bin/env bash
# phrase_query, randomised: thousands of generated AND/OR/NOT/NEAR/BEFORE queries over
# generated news-like texts; index = sequential = an independent Python reference over
# phrase_tokens() (test/t/phrase_query_random.py; PQ_QUERIES=10000 for a longer run).
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1
PSQL=${PSQL:-$PGBIN/psql} exec /usr/bin/python3 test/t/phrase_query_random.py
