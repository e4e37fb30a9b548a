#!/usr/bin/env bash
# Entity tagger and article function speed, in one run:
#  1. the core on one core: tokens/s for tokenizing, tagging (features + Viterbi) and the whole
#     entity pass (tag + canonical names), over CoNLL-2003 dev (tools/model/ner_cli.c);
#  2. SQL side by side over the same articles (CoNLL-2003 dev + BBC dev): article_entities,
#     article_quotes and parse_article + article_entities against to_tsvector('english', body);
#  3. parse_article (which includes the entities), article_entities, parse_article_json,
#     article_quotes, article_headline, article_date and article_language against
#     to_tsvector('english', body) over the 14,668 Reuters-21578 stories (`text`), same session,
#     the queries taken in turn each round, best of $SQL_ROUNDS (default 5) rounds, wall
#     clock and the backend's CPU time (steadier when other processes share the cores).
# PARTS selects sections (default "core sql reuters"). Data: $NEWSEXT_DATA, else ../shared/data.
# Uses its own throwaway server (PGTMP_PORT picks its port).
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${NEWSEXT_DATA:-$(cd .. && pwd)/shared/data}
ROUNDS=${ROUNDS:-10}
SQL_ROUNDS=${SQL_ROUNDS:-5}
PARTS=" ${PARTS:-core sql reuters} "
[ -f "$DATA/conll2003/articles.dev.jsonl" ] || { echo "ner_bench: no data in $DATA (set NEWSEXT_DATA)" >&2; exit 1; }
work=$(mktemp -d)
chmod 755 "$work"
cleanup() { [ -n "${PGTMP_DIR:-}" ] && pgtmp_stop; rm -rf "$work"; }
trap cleanup EXIT

if [[ $PARTS == *" core "* ]]; then
echo "== core: CoNLL-2003 dev, one core, $ROUNDS rounds"
cc -O2 -std=c99 -D_POSIX_C_SOURCE=200809L -D_ISOC11_SOURCE -Isrc/core -o "$work/ner_cli" tools/model/ner_cli.c \
    src/core/ner.c src/core/ner_doc.c src/core/ner_tok.c src/core/ner_model.c src/core/quotes*.c src/core/nx_alloc.c src/core/wordset.c \
    src/core/nx_text.c src/core/locale_names.c -lutf8proc -lm
python3 tools/model/conll_prep.py "$DATA/conll2003/articles.dev.jsonl" > "$work/dev.txt"
taskset -c 0 "$work/ner_cli" model/newsext_ner.bin bench "$work/dev.txt" "$ROUNDS" 2>/dev/null \
    || "$work/ner_cli" model/newsext_ner.bin bench "$work/dev.txt" "$ROUNDS"
if command -v hyperfine >/dev/null; then
    hyperfine -N --warmup 1 --runs 5 "$work/ner_cli model/newsext_ner.bin bench $work/dev.txt 1" 2>/dev/null | sed -n '1,3p'
fi

fi

[[ $PARTS == *" sql "* || $PARTS == *" reuters "* ]] || exit 0
bash scripts/deps.sh
make -s all >/dev/null && make -s install >/dev/null
. scripts/pgtmp.sh
pgtmp_start
psql -qX -v ON_ERROR_STOP=1 -c "CREATE EXTENSION newsext"

if [[ $PARTS == *" sql "* ]]; then
echo "== SQL: same articles, side by side"
python3 - "$DATA" > "$work/articles.tsv" <<'PY'
import json, sys
data = sys.argv[1]
def esc(s):
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
for path in ("conll2003/articles.dev.jsonl", "bbc/articles.dev.jsonl"):
    try:
        with open(f"{data}/{path}", encoding="utf-8") as f:
            for line in f:
                a = json.loads(line)
                print(f"{path.split('/')[0]}\t{esc(a['text'])}")
    except FileNotFoundError:
        pass
PY
psql -qX -v ON_ERROR_STOP=1 <<SQL
CREATE TABLE bench_articles (source text, body text);
\copy bench_articles FROM '$work/articles.tsv'
VACUUM ANALYZE bench_articles;
SET max_parallel_workers_per_gather = 0;
SET jit = off;
SELECT source, count(*) AS articles, pg_size_pretty(sum(octet_length(body))) AS text FROM bench_articles GROUP BY 1 ORDER BY 1;
DO \$\$
DECLARE
    q text[] := ARRAY[
        'SELECT sum(length(to_tsvector(''english'', body))) FROM bench_articles',
        'SELECT count(*) FROM bench_articles, LATERAL article_entities(body)',
        'SELECT count(*) FROM bench_articles, LATERAL article_mentions(body)',
        'SELECT count(*) FROM bench_articles, LATERAL article_quotes(body)',
        'SELECT count(*) FROM bench_articles a, LATERAL parse_article(a.body) p, LATERAL (SELECT count(*) FROM article_entities(a.body)) e'];
    names text[] := ARRAY['to_tsvector(english)', 'article_entities', 'article_mentions', 'article_quotes',
                          'parse_article + article_entities'];
    mb float8;
    t0 timestamptz; best float8; base float8; ms float8;
BEGIN
    SELECT sum(octet_length(body)) / 1e6 INTO mb FROM bench_articles;
    FOR i IN 1 .. array_length(q, 1) LOOP
        best := NULL;
        FOR r IN 1 .. 3 LOOP
            t0 := clock_timestamp();
            EXECUTE q[i];
            ms := extract(epoch FROM clock_timestamp() - t0) * 1000;
            best := least(coalesce(best, ms), ms);
        END LOOP;
        IF i = 1 THEN base := best; END IF;
        RAISE NOTICE '%  % ms  % MB/s  (x% of to_tsvector time)', rpad(names[i], 34), lpad(round(best::numeric, 1)::text, 8),
            lpad(round((mb / (best / 1000))::numeric, 2)::text, 6), round((best / base)::numeric, 2);
    END LOOP;
END
\$\$;
SQL
fi

if [[ $PARTS == *" reuters "* ]]; then
echo "== SQL: Reuters-21578 stories, every article function against to_tsvector, best of $SQL_ROUNDS rounds"
python3 - "$DATA" > "$work/reuters.tsv" <<'PY'
import json, sys
def esc(s):
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
with open(f"{sys.argv[1]}/reuters21578/articles.train.jsonl", encoding="utf-8") as f:
    for line in f:
        print(esc(json.loads(line)["text"]))
PY
psql -qX -v ON_ERROR_STOP=1 <<SQL
CREATE TABLE reuters (body text);
\copy reuters FROM '$work/reuters.tsv'
VACUUM ANALYZE reuters;
SET max_parallel_workers_per_gather = 0;
SET jit = off;
SELECT count(*) AS articles, pg_size_pretty(sum(octet_length(body))) AS text FROM reuters;
-- CPU time of this backend in ms (utime + stime from /proc; 10 ms ticks): on a shared machine,
-- less disturbed by other processes than the wall clock
CREATE FUNCTION pg_temp.cpu_ms() RETURNS float8 LANGUAGE sql AS \$\$
    SELECT (split_part(s, ' ', 12)::float8 + split_part(s, ' ', 13)::float8) * 1000 / $(getconf CLK_TCK)
    FROM split_part(pg_read_file('/proc/self/stat'), ') ', 2) AS s
\$\$;
DO \$\$
DECLARE
    q text[] := ARRAY[
        'SELECT sum(length(to_tsvector(''english'', body))) FROM reuters',
        'SELECT sum(cardinality(p.people) + cardinality(p.organizations) + cardinality(p.places) + coalesce(p.word_count, 0)) FROM reuters, LATERAL parse_article(body) p',
        'SELECT count(*) FROM reuters, LATERAL article_entities(body)',
        'SELECT count(*) FROM reuters WHERE parse_article_json(body) IS NOT NULL',
        'SELECT count(*) FROM reuters, LATERAL article_quotes(body)',
        'SELECT count(article_headline(body)) FROM reuters',
        'SELECT count(article_date(body)) FROM reuters',
        'SELECT count(article_language(body)) FROM reuters'];
    names text[] := ARRAY['to_tsvector(''english'', body)', 'parse_article(body)', 'article_entities(body)',
                          'parse_article_json(body)', 'article_quotes(body)', 'article_headline(body)',
                          'article_date(body)', 'article_language(body)'];
    best float8[] := ARRAY[NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL];
    bcpu float8[] := ARRAY[NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL];
    mb float8;
    t0 timestamptz; c0 float8; ms float8; cms float8;
BEGIN
    SELECT sum(octet_length(body)) / 1e6 INTO mb FROM reuters;
    EXECUTE q[1]; EXECUTE q[2];     -- warm up: cache the table, map the model
    FOR r IN 1 .. $SQL_ROUNDS LOOP
        FOR i IN 1 .. array_length(q, 1) LOOP
            c0 := pg_temp.cpu_ms();
            t0 := clock_timestamp();
            EXECUTE q[i];
            ms := extract(epoch FROM clock_timestamp() - t0) * 1000;
            cms := pg_temp.cpu_ms() - c0;
            best[i] := least(coalesce(best[i], ms), ms);
            bcpu[i] := least(coalesce(bcpu[i], cms), cms);
        END LOOP;
    END LOOP;
    RAISE NOTICE '% wall ms   MB/s  x to_tsvector |  CPU ms  x to_tsvector', rpad('', 30);
    FOR i IN 1 .. array_length(q, 1) LOOP
        RAISE NOTICE '% %  %  x%  | %  x%', rpad(names[i], 30),
            lpad(round(best[i]::numeric, 1)::text, 8), lpad(round((mb / (best[i] / 1000))::numeric, 2)::text, 5),
            round((best[i] / best[1])::numeric, 3), lpad(round(bcpu[i]::numeric)::text, 6),
            round((bcpu[i] / bcpu[1])::numeric, 3);
    END LOOP;
END
\$\$;
SQL
fi
