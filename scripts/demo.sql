-- the demo's SQL, run by scripts/demo.sh from the repository root
\pset null '(null)'
CREATE EXTENSION newsext;
CREATE TABLE articles (id serial PRIMARY KEY, body text NOT NULL);
\set a1 `cat test/data/seed.txt`
\set a2 `cat test/data/wire.txt`
\set a3 `cat test/data/conll_style.txt`
\set a4 `cat test/data/web.txt`
INSERT INTO articles (body) VALUES (:'a1'), (:'a2'), (:'a3'), (:'a4');

\echo
\echo '== SELECT p.* FROM articles, LATERAL parse_article(body) p'
\x on
SELECT a.id, p.headline, p.standfirst, p.byline, p.dateline, p.published, p.reading_minutes,
       p.captions, left(p.lead, 100) AS lead, p.word_count, p.people, p.organizations, p.places
FROM articles a, LATERAL parse_article(a.body) p ORDER BY a.id;
\x off

\echo
\echo '== who is named most, and who said what (article 1)'
SELECT e.entity, e.kind, e.mentions, e.first_position
FROM articles a, LATERAL article_entities(a.body) e WHERE a.id = 1
ORDER BY e.mentions DESC, e.first_position LIMIT 8;
SELECT left(q.quote, 60) AS quote, q.speaker, q.position
FROM articles a, LATERAL article_quotes(a.body) q WHERE a.id = 1;

\echo
\echo '== exact phrase search with a GIN index'
CREATE INDEX articles_body_phrase ON articles USING gin (body gin_phrase_ops);
SET enable_seqscan = off;
EXPLAIN (costs off) SELECT id FROM articles WHERE body @> 'walked back'::phrase;
SELECT id, phrase_count(body, 'walked back') AS times,
       phrase_snippet(body, 'walked back', 6) AS snippet
FROM articles WHERE body @> 'walked back'::phrase;
SELECT id, article_headline(body) FROM articles WHERE body @> 'five-year'::phrase ORDER BY id;
RESET enable_seqscan;

\echo
\echo '== an expression index on the publication date'
CREATE INDEX ON articles (article_date(body));
ANALYZE articles;
SET enable_seqscan = off;
EXPLAIN (costs off) SELECT id, article_headline(body) FROM articles WHERE article_date(body) >= DATE '2016-01-01';
SELECT id, article_headline(body) AS headline, article_date(body) AS published
FROM articles WHERE article_date(body) >= DATE '2016-01-01' ORDER BY published;
RESET enable_seqscan;
