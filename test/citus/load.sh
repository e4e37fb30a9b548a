#!/usr/bin/env bash
# Tables for test/citus/run.sh, on the coordinator at port $1: each dist_* table (distributed,
# or a reference table) has a local_* twin with the same rows. The articles are the fixtures
# in test/data, each 12 times, every third copy with a closing sentence of its own.
set -euo pipefail
cd "$(dirname "$0")/../.."
args=()
i=0
for f in test/data/*.txt; do i=$((i + 1)); args+=(-v "f$i=$(cat "$f")"); done
"$PGBIN/psql" -X -q -h 127.0.0.1 -p "$1" -U postgres -d postgres -v ON_ERROR_STOP=1 "${args[@]}" <<SQL
CREATE TABLE fixtures (body text);
$(for j in $(seq 1 $i); do echo "INSERT INTO fixtures VALUES (:'f$j');"; done)
SET citus.shard_count = 4;

CREATE TABLE local_articles (id bigint PRIMARY KEY, body text,
    headline text GENERATED ALWAYS AS (article_headline(body)) STORED);
CREATE TABLE dist_articles (LIKE local_articles INCLUDING GENERATED);
ALTER TABLE dist_articles ADD PRIMARY KEY (id);
SELECT create_distributed_table('dist_articles', 'id');
INSERT INTO local_articles (id, body)
SELECT row_number() OVER (ORDER BY g, f.body),
       f.body || CASE WHEN g % 3 = 0 THEN E'\n\nThe offer was walked back on day ' || g || '.' ELSE '' END
FROM fixtures f, generate_series(1, 12) g;
INSERT INTO dist_articles (id, body) SELECT id, body FROM local_articles;
CREATE INDEX local_articles_body_phrase ON local_articles USING gin (body gin_phrase_ops);
CREATE INDEX dist_articles_body_phrase ON dist_articles USING gin (body gin_phrase_ops);
CREATE INDEX local_articles_date ON local_articles (article_date(body));
CREATE INDEX dist_articles_date ON dist_articles (article_date(body));

-- phrase as a column: a reference table of saved searches
CREATE TABLE local_queries (query phrase PRIMARY KEY);
CREATE TABLE dist_queries (query phrase PRIMARY KEY);
SELECT create_reference_table('dist_queries');
INSERT INTO local_queries VALUES ('walked back'), ('John Kerry'), ('Reuters'), ('five year'), ('no such words here');
INSERT INTO dist_queries SELECT * FROM local_queries;

-- phrase as the distribution column (hashed with phrase_hash_ops)
CREATE TABLE local_by_phrase (query phrase PRIMARY KEY, note text);
CREATE TABLE dist_by_phrase (query phrase PRIMARY KEY, note text);
SELECT create_distributed_table('dist_by_phrase', 'query');
INSERT INTO local_by_phrase VALUES ('walked back', 'retreat'), ('John Kerry', 'person'),
    ('Sao Paulo', 'place'), ('five-year', 'duration'), ('U.S.', 'abbreviation');
INSERT INTO dist_by_phrase SELECT * FROM local_by_phrase;

-- INSERT ... SELECT between co-located tables
CREATE TABLE local_facts (id bigint PRIMARY KEY, headline text, people_list text, places_list text);
CREATE TABLE dist_facts (LIKE local_facts);
ALTER TABLE dist_facts ADD PRIMARY KEY (id);
SELECT create_distributed_table('dist_facts', 'id', colocate_with => 'dist_articles');
INSERT INTO local_facts SELECT a.id, f.headline, f.people_list, f.places_list
    FROM local_articles a, LATERAL parse_article_flat(a.body) f;
INSERT INTO dist_facts SELECT a.id, f.headline, f.people_list, f.places_list
    FROM dist_articles a, LATERAL parse_article_flat(a.body) f;
ANALYZE;
SQL
