#!/usr/bin/env bash
# Memory: parsing 100,000 articles in one query keeps the backend flat (memory is reset per
# row). Measures the backend's peak RSS (VmHWM in /proc/<pid>/status) after 1,000, 10,000 and
# 100,000 rows of each query form, each in a fresh session, and fails if 100,000 parsed rows
# peak more than MEMORY_SLACK_MB (default 8) above the same query without parsing (whose
# generate_series and join keep a few MB of their own).
#   bash bench/memory.sh         (builds, installs, starts a throwaway server)
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
bash scripts/deps.sh || exit 1
make -s all >/dev/null && make -s install >/dev/null || { echo "build failed"; exit 1; }
. scripts/pgtmp.sh
pgtmp_start || exit 1
PSQL="$PGBIN/psql -X -q -At"
slack=${MEMORY_SLACK_MB:-8}

$PSQL -c "CREATE EXTENSION newsext" -c "CREATE TABLE seed_articles AS
    SELECT row_number() OVER () AS n, pg_read_file(f) AS body
    FROM unnest(ARRAY[$(for f in test/data/*.txt; do printf "'%s'," "$(pwd)/$f"; done | sed 's/,$//')]) f" \
    || { echo "could not load test/data"; exit 1; }
nseed=$($PSQL -c "SELECT count(*) FROM seed_articles")

# one fresh backend per measurement: run the query, then read its own peak RSS
peak_kb() {
    $PSQL <<SQL | tail -1
CREATE TEMP TABLE st AS SELECT pg_backend_pid() AS pid;
$1
SELECT (regexp_match(pg_read_file('/proc/' || pid || '/status'), 'VmHWM:\s+(\d+) kB'))[1] FROM st;
SQL
}

forms=(
  "no parsing|SELECT count(length(s.body || g)) FROM generate_series(1, ROWS) g JOIN seed_articles s ON s.n = 1 + g % $nseed;"
  "lateral|SELECT count(p.headline) FROM generate_series(1, ROWS) g JOIN seed_articles s ON s.n = 1 + g % $nseed, LATERAL parse_article(s.body || g) p;"
  "target list|SELECT count((parse_article(s.body || g)).word_count) FROM generate_series(1, ROWS) g JOIN seed_articles s ON s.n = 1 + g % $nseed;"
  "jsonb|SELECT count(parse_article_json(s.body || g) ->> 'headline') FROM generate_series(1, ROWS) g JOIN seed_articles s ON s.n = 1 + g % $nseed;"
  "article_date|SELECT count(article_date(s.body || g)) FROM generate_series(1, ROWS) g JOIN seed_articles s ON s.n = 1 + g % $nseed;"
)
status=0
printf "%-13s %12s %12s %12s %10s\n" "query" "1,000 rows" "10,000 rows" "100,000 rows" "seconds"
for f in "${forms[@]}"; do
    name=${f%%|*} sql=${f#*|}
    base=$(peak_kb "${sql//ROWS/1000}")
    mid=$(peak_kb "${sql//ROWS/10000}")
    t0=$(date +%s.%N)
    big=$(peak_kb "${sql//ROWS/100000}")
    secs=$(echo "$(date +%s.%N) - $t0" | bc)
    printf "%-13s %9s kB %9s kB %9s kB %10.1f\n" "$name" "$base" "$mid" "$big" "$secs"
    if [ -z "$base" ] || [ -z "$big" ]; then echo "memory: $name: no measurement"; status=1; continue; fi
    [ "$name" = "no parsing" ] && control=$big
    if [ $((big - control)) -gt $((slack * 1024)) ]; then
        echo "memory: $name grows with the row count (${base} kB -> ${big} kB)"; status=1
    fi
done
[ $status -eq 0 ] && echo "memory: flat: 100,000 parsed rows peak within ${slack} MB of the query without parsing (backend VmHWM)"
exit $status
