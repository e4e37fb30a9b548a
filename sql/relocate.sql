-- ALTER EXTENSION newsext SET SCHEMA: every object moves, and operators, operator classes,
-- casts, SQL-language functions, the composite type and the entity model still resolve
SET max_parallel_workers_per_gather = 0;
\set seed `cat test/data/seed.txt`

CREATE TABLE moved_docs (id int PRIMARY KEY, body text,
  headline text GENERATED ALWAYS AS (article_headline(body)) STORED);
INSERT INTO moved_docs (id, body) VALUES
  (1, :'seed'), (2, 'Russia walked back its offer'), (3, 'walked home and back');
CREATE INDEX moved_docs_phrase ON moved_docs USING gin (body gin_phrase_ops);
CREATE INDEX moved_docs_date ON moved_docs (article_date(body));

CREATE SCHEMA newsext_moved;
ALTER EXTENSION newsext SET SCHEMA newsext_moved;

-- nothing of the extension is left behind
SELECT count(*) AS left_in_public
FROM pg_depend d JOIN pg_extension x ON d.refobjid = x.oid AND x.extname = 'newsext'
WHERE d.deptype = 'e' AND pg_describe_object(d.classid, d.objid, 0) ~ '\mpublic\.';
SELECT extname, extnamespace::regnamespace FROM pg_extension WHERE extname = 'newsext';

-- with the new schema off the search_path, qualified names work
SET search_path = public;
SET enable_seqscan = off;
EXPLAIN (costs off)
SELECT id FROM moved_docs WHERE body OPERATOR(newsext_moved.@>) 'walked back'::newsext_moved.phrase;
SELECT id FROM moved_docs WHERE body OPERATOR(newsext_moved.@>) 'walked back'::newsext_moved.phrase
ORDER BY id;
-- the casts have no schema: a varchar parameter still becomes a phrase
PREPARE moved_by_varchar(varchar) AS
  SELECT id FROM moved_docs WHERE body OPERATOR(newsext_moved.@>) $1 ORDER BY id;
SET plan_cache_mode = force_generic_plan;
EXPLAIN (costs off) EXECUTE moved_by_varchar('walked back');
EXECUTE moved_by_varchar('walked back');
RESET plan_cache_mode;
RESET enable_seqscan;
-- SQL-language functions (SQL-standard bodies) find the functions they call
SELECT f.headline, f.people_list FROM moved_docs m, LATERAL newsext_moved.parse_article_flat(m.body) f
WHERE m.id = 1;
SELECT newsext_moved.flat_list(ARRAY['a', 'b']);
-- the composite type, the entity model, generated columns and expression indexes
SELECT (p).headline IS NOT NULL AS has_headline, (p).published
FROM (SELECT newsext_moved.parse_article(body) AS p FROM moved_docs WHERE id = 1) s;
SELECT entity, kind FROM newsext_moved.article_entities(:'seed') WHERE kind = 'person' ORDER BY 1;
INSERT INTO moved_docs (id, body) VALUES (4, 'A headline

The body walked back.');
SELECT id, headline FROM moved_docs ORDER BY id;
SELECT newsext_moved.phrase_count(body, 'walked back') FROM moved_docs WHERE id = 4;
-- an unqualified call fails as for any schema off the path
SELECT flat_list(ARRAY['a']);

-- and back, for the tests that follow
RESET search_path;
ALTER EXTENSION newsext SET SCHEMA public;
SELECT id FROM moved_docs WHERE body @> 'walked back' ORDER BY id;
DEALLOCATE moved_by_varchar;
DROP TABLE moved_docs;
DROP SCHEMA newsext_moved;
