#!/usr/bin/env bash
# make stress: pgbench (a second process) drives 8 clients for STRESS_SECONDS (default 180)
# against a throwaway server, mixing inserts of real articles, parse_article, jsonb and
# single-field calls, indexed date and headline queries, updates and deletes. Then: no
# failed transaction, no server error; generated columns equal the functions; every indexed
# query gives the same rows with and without its index; amcheck finds the indexes sound.
# Phase 2 inserts while the server is killed with SIGKILL, restarts it (crash recovery)
# and checks the indexes against sequential scans again.
#
# Articles: test/data/*.txt, plus up to STRESS_ARTICLES (default 2000) from ../shared/data.
# Hook for later features: every test/stress/*.pgbench (first line "-- weight N") joins the
# pgbench mix, every test/stress/setup_*.sql runs after the table is made, and every
# test/stress/check_*.sql must return no rows afterwards (e.g. phrase queries with and without
# the GIN index).
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
bash scripts/deps.sh || exit 1
make -s all >/dev/null && make -s install >/dev/null || { echo "build failed"; exit 1; }
. scripts/pgtmp.sh
PGTMP_OPTS="-c max_connections=40 ${PGTMP_OPTS:-}" pgtmp_start || exit 1
PSQL="$PGBIN/psql -X -q -v ON_ERROR_STOP=1"
seconds=${STRESS_SECONDS:-180}
clients=${STRESS_CLIENTS:-8}
work=$(mktemp -d /tmp/newsext-stress.XXXXXX)
failures=0
fail() { echo "stress: FAILED: $*"; failures=$((failures + 1)); }

$PSQL <<'SQL' || exit 1
CREATE EXTENSION newsext;
CREATE EXTENSION IF NOT EXISTS amcheck;
CREATE TABLE source_articles (n serial PRIMARY KEY, body text NOT NULL);
CREATE TABLE articles (
	id bigserial PRIMARY KEY,
	body text NOT NULL,
	headline text GENERATED ALWAYS AS (article_headline(body)) STORED,
	published date GENERATED ALWAYS AS (article_date(body)) STORED
);
CREATE INDEX articles_date ON articles (article_date(body));
CREATE INDEX articles_headline ON articles (article_headline(body));
SQL
for f in test/data/*.txt; do
    $PSQL -c "INSERT INTO source_articles (body) VALUES (pg_read_file('$(pwd)/$f'))" || exit 1
done
data=${NEWSEXT_DATA:-$(cd .. && pwd)/shared/data}
if [ -d "$data" ]; then
    python3 - "$data" "${STRESS_ARTICLES:-2000}" > "$work/source.tsv" <<'PY'
import json, sys, pathlib
files = sorted(pathlib.Path(sys.argv[1]).glob("*/articles*.jsonl"))
limit, n = int(sys.argv[2]), 0
per_file = max(1, limit // max(1, len(files)))
for f in files:
    for i, line in enumerate(open(f, encoding="utf-8")):
        if i >= per_file: break
        text = json.loads(line).get("text") or ""
        if text:
            print(text.replace("\\", "\\\\").replace("\t", "\\t").replace("\r", "\\r").replace("\n", "\\n"))
PY
    $PSQL -c "\\copy source_articles (body) FROM '$work/source.tsv'" || exit 1
fi
for f in test/stress/setup_*.sql; do [ -f "$f" ] && { $PSQL -f "$f" || exit 1; }; done
nsrc=$($PSQL -At -c "SELECT count(*) FROM source_articles")
$PSQL -c "INSERT INTO articles (body) SELECT body FROM source_articles" || exit 1
echo "stress: $nsrc source articles; $clients clients for $seconds s"

cat > "$work/insert.pgbench" <<'EOF2'
\set n random(1, :nsrc)
INSERT INTO articles (body) SELECT body || E'\n\nFiled by client ' || :client_id FROM source_articles WHERE n = :n;
EOF2
cat > "$work/parse.pgbench" <<'EOF2'
\set k random(0, 200)
SELECT count(p.headline), sum(p.word_count) FROM (SELECT body FROM articles ORDER BY id DESC OFFSET :k LIMIT 10) a, LATERAL parse_article(a.body) p;
EOF2
cat > "$work/json.pgbench" <<'EOF2'
\set k random(0, 200)
SELECT count(parse_article_json(body) ->> 'headline') FROM (SELECT body FROM articles ORDER BY id DESC OFFSET :k LIMIT 5) a;
EOF2
cat > "$work/indexed.pgbench" <<'EOF2'
\set y random(1986, 2025)
SELECT count(*) FROM articles WHERE article_date(body) BETWEEN make_date(:y, 1, 1) AND make_date(:y, 12, 31);
SELECT count(*) FROM articles WHERE article_headline(body) = (SELECT headline FROM articles ORDER BY id DESC LIMIT 1);
EOF2
cat > "$work/update.pgbench" <<'EOF2'
\set k random(0, 500)
UPDATE articles SET body = body || E'\n\nUpdated paragraph from client ' || :client_id
	WHERE id = (SELECT id FROM articles ORDER BY id DESC OFFSET :k LIMIT 1);
EOF2
cat > "$work/delete.pgbench" <<'EOF2'
DELETE FROM articles WHERE id IN (SELECT id FROM articles ORDER BY id LIMIT 3 FOR UPDATE SKIP LOCKED);
EOF2
scripts=(-f "$work/insert.pgbench@4" -f "$work/parse.pgbench@4" -f "$work/json.pgbench@1"
         -f "$work/indexed.pgbench@2" -f "$work/update.pgbench@2" -f "$work/delete.pgbench@1")
for f in test/stress/*.pgbench; do
    [ -f "$f" ] || continue
    w=$(sed -n '1s/^-- weight \([0-9]*\).*/\1/p' "$f"); scripts+=(-f "$f@${w:-1}")
done

check_consistency() {
    local label=$1 out
    # generated columns equal the functions; index scans equal sequential scans
    out=$($PSQL -At <<'SQL'
SELECT 'generated columns differ: ' || count(*) FROM articles
	WHERE headline IS DISTINCT FROM article_headline(body) OR published IS DISTINCT FROM article_date(body)
	HAVING count(*) > 0;
CREATE TEMP TABLE by_seq AS SELECT id, article_date(body) AS d, article_headline(body) AS h FROM articles;
SET enable_seqscan = off; SET enable_bitmapscan = off;
SELECT 'date index differs for ' || y FROM generate_series(1986, 2025) y
	WHERE (SELECT array_agg(id ORDER BY id) FROM articles WHERE article_date(body) BETWEEN make_date(y, 1, 1) AND make_date(y, 12, 31))
	IS DISTINCT FROM (SELECT array_agg(id ORDER BY id) FROM by_seq WHERE d BETWEEN make_date(y, 1, 1) AND make_date(y, 12, 31));
SELECT 'headline index differs for ' || quote_literal(h) FROM (SELECT DISTINCT h FROM by_seq WHERE h IS NOT NULL ORDER BY h LIMIT 300) s
	WHERE (SELECT array_agg(id ORDER BY id) FROM articles WHERE article_headline(body) = s.h)
	IS DISTINCT FROM (SELECT array_agg(id ORDER BY id) FROM by_seq b WHERE b.h = s.h);
RESET enable_seqscan; RESET enable_bitmapscan;
SQL
    ) || fail "$label: consistency queries failed"
    [ -n "$out" ] && fail "$label: $out"
    # amcheck: structure and every heap tuple present in each B-tree
    out=$($PSQL -At -c "SELECT c.relname FROM pg_class c, LATERAL bt_index_check(c.oid, true) WHERE c.relname IN ('articles_date', 'articles_headline', 'articles_pkey')" 2>&1) \
        || fail "$label: amcheck: $out"
    for f in test/stress/check_*.sql; do
        [ -f "$f" ] || continue
        out=$($PSQL -At -f "$f" 2>&1); [ -n "$out" ] && fail "$label: $f: $out"
    done
    echo "stress: $label: $($PSQL -At -c "SELECT count(*) FROM articles") articles; indexes agree with sequential scans"
}

# phase 1: the mix
"$PGBIN/pgbench" -n -c "$clients" -j 2 -T "$seconds" -D nsrc="$nsrc" "${scripts[@]}" postgres > "$work/pgbench.out" 2>&1
rc=$?
grep -E "^(number of (transactions actually processed|failed transactions)|latency average|tps)" "$work/pgbench.out" | sed 's/^/stress: /'
# per script: "SQL script N: /path/name.pgbench", " - M transactions (...)", " - latency average = L ms"
awk '/^SQL script [0-9]+:/{n=$NF; sub(".*/", "", n)} /^ - [0-9]+ transactions/{t=$2}
     /^ - latency average/{print "stress:   " n ": " t " transactions, " $5 " ms average"}' "$work/pgbench.out"
[ $rc -eq 0 ] || fail "pgbench exited with $rc: $(grep -iE 'error|abort' "$work/pgbench.out" | head -5)"
grep -q "number of failed transactions: 0 " "$work/pgbench.out" || fail "pgbench reports failed transactions"
errs=$(grep -E "ERROR|PANIC|FATAL|terminated by signal" "$PGTMP_DIR/server.log" | grep -v "canceling statement" | head -5)
[ -n "$errs" ] && fail "server log: $errs"
check_consistency "after the mix"

# phase 2: SIGKILL the postmaster during inserts, restart, check again
"$PGBIN/pgbench" -n -c "$clients" -j 2 -T 60 -D nsrc="$nsrc" -f "$work/insert.pgbench" postgres > "$work/pgbench-kill.out" 2>&1 &
bpid=$!
sleep "${STRESS_KILL_AFTER:-10}"
before=$($PSQL -At -c "SELECT count(*) FROM articles")
pm=$(head -1 "$PGTMP_DIR/data/postmaster.pid")
children=$(pgrep -P "$pm" | tr '\n' ' ')
kill -9 "$pm"
wait $bpid 2>/dev/null
# backends notice their postmaster is gone and exit; the new one must not find them attached
for _ in $(seq 1 60); do
    alive=0; for c in $children; do kill -0 "$c" 2>/dev/null && alive=1; done
    [ $alive -eq 0 ] && break; sleep 1
done
pgtmp_as_owner "$PGBIN/pg_ctl" -D "$PGTMP_DIR/data" -l "$PGTMP_DIR/server.log" -w -t 120 \
    -o "-p $PGPORT -k $PGTMP_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=40" start >/dev/null \
    || fail "restart after kill -9"
grep -q "database system was interrupted\|redo starts\|not properly shut down" "$PGTMP_DIR/server.log" \
    && echo "stress: killed with SIGKILL at about $before articles; crash recovery ran"
check_consistency "after kill -9 and recovery"

rm -rf "$work"
if [ $failures -eq 0 ]; then echo "stress: passed"; else echo "stress: $failures failures"; fi
[ $failures -eq 0 ]
