-- Queries whose answers an upgraded database must share with a fresh install (make
-- check-upgrade runs them in both and compares the outputs). Sequential scans only here: the
-- index scans are in index_queries.txt, each checked with EXPLAIN.
\pset format unaligned
\pset null '(null)'
SET enable_indexscan = off;
SET enable_bitmapscan = off;
SET enable_indexonlyscan = off;
\echo == parse_article, every column
SELECT a.id, p.* FROM articles a, LATERAL parse_article(a.body) p ORDER BY a.id;
\echo == the view over LATERAL parse_article (its columns as created under 0.1.0)
SELECT id, headline, standfirst, byline, dateline, published, reading_minutes, captions, body,
       lead, word_count, people, organizations, places
FROM article_fields ORDER BY id;
\echo == parse_article_json
SELECT id, parse_article_json(body) FROM articles ORDER BY id;
\echo == article_headline, article_date, the generated column
SELECT id, article_headline(body), article_date(body), headline FROM articles ORDER BY id;
\echo == article_mentions
SELECT a.id, m.* FROM articles a, LATERAL article_mentions(a.body) m ORDER BY a.id, m.position, m.entity;
\echo == article_entities
SELECT a.id, e.* FROM articles a, LATERAL article_entities(a.body) e ORDER BY a.id, e.first_position, e.entity;
\echo == article_quotes
SELECT a.id, q.* FROM articles a, LATERAL article_quotes(a.body) q ORDER BY a.id, q.position;
\echo == the materialized view
SELECT * FROM article_people ORDER BY id, first_position, entity;
\echo == phrase values: stored, input, output, binary, order
SELECT id, topic, topic::text, phrase_send(topic) FROM articles ORDER BY id;
SELECT topic FROM articles WHERE topic IS NOT NULL ORDER BY topic, id;
SELECT 'Walked  BACK!'::phrase, 'São Paulo''s'::phrase, '“five-year”'::phrase,
       'walked back'::phrase = 'WALKED back'::phrase, 'a b'::phrase < 'a c'::phrase;
\echo == phrase search with a sequential scan
SELECT q.p, count(a.id), string_agg(a.id::text, ',' ORDER BY a.id)
FROM (VALUES ('walked back'), ('United States'), ('said on Sunday'), ('the'), ('Syria'),
             ('five year'), ('São Paulo'), ('ferry'), ('interest rates'), ('no such words here'))
     AS q(p)
LEFT JOIN articles a ON a.body @> q.p::phrase
GROUP BY q.p ORDER BY q.p;
SELECT id, phrase_count(body, 'said'), phrase_count(body, 'on Sunday'),
       phrase_snippet(body, 'said', 3), phrase_snippet(body, 'United States', 2, '[', ']')
FROM articles ORDER BY id;
SELECT id, phrase_tokens(body), phrase_keys(body) FROM articles ORDER BY id;
SELECT phrase_keys('walked back'::phrase), phrase_tokenizer_version();
