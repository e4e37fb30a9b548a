-- Clients (issue 15): typed string parameters (pgJDBC binds varchar, other drivers text)
-- resolve to text @> phrase and use gin_phrase_ops; untyped literals resolve as before;
-- flat columns and an entity table for BI tools
SET max_parallel_workers_per_gather = 0;
\set seed `cat test/data/seed.txt`

CREATE TABLE client_docs (id int PRIMARY KEY, body text);
INSERT INTO client_docs VALUES
  (1, 'Russia walked back its offer on Monday'),
  (2, 'The minister walked home, then back to the office'),
  (3, 'WALKED  BACK: a headline in capitals'),
  (4, NULL),
  (5, 'Five-year plans were walked back twice');
CREATE INDEX client_docs_phrase ON client_docs USING gin (body gin_phrase_ops);

-- the casts: implicit, from text and varchar only, through the type's input function
SELECT castsource::regtype, casttarget::regtype, castcontext, castmethod
FROM pg_cast WHERE casttarget = 'phrase'::regtype OR castsource = 'phrase'::regtype
ORDER BY 1::text;

-- typed parameters, as the drivers bind them
PREPARE by_varchar(varchar) AS SELECT id FROM client_docs WHERE body @> $1 ORDER BY id;
PREPARE by_text(text) AS SELECT id FROM client_docs WHERE body @> $1 ORDER BY id;
PREPARE contained_varchar(varchar) AS SELECT id FROM client_docs WHERE $1 <@ body ORDER BY id;
PREPARE counts_varchar(varchar) AS
  SELECT id, phrase_count(body, $1), phrase_snippet(body, $1, 2) FROM client_docs ORDER BY id;
EXECUTE by_varchar('walked back');
EXECUTE by_text('Walked BACK!');
EXECUTE contained_varchar('walked back');
EXECUTE counts_varchar('walked');
-- same rows as the phrase literal
SELECT array_agg(id ORDER BY id) FROM client_docs WHERE body @> 'walked back'::phrase;

-- a generic plan (the parameter is not folded into a constant) uses the index
SET enable_seqscan = off;
SET plan_cache_mode = force_generic_plan;
EXPLAIN (costs off) EXECUTE by_varchar('walked back');
EXPLAIN (costs off) EXECUTE by_text('walked back');
EXPLAIN (costs off) EXECUTE contained_varchar('walked back');
EXECUTE by_varchar('walked back');
RESET plan_cache_mode;
RESET enable_seqscan;

-- validation is unchanged: an invalid phrase is still 22P02 with the same message
DO $$
DECLARE v varchar := '!!!'; t text := ' -- ';
BEGIN
  BEGIN
    PERFORM count(*) FROM client_docs WHERE body @> v;
  EXCEPTION WHEN OTHERS THEN RAISE NOTICE 'varchar: % %', SQLSTATE, SQLERRM;
  END;
  BEGIN
    PERFORM count(*) FROM client_docs WHERE body @> t;
  EXCEPTION WHEN OTHERS THEN RAISE NOTICE 'text: % %', SQLSTATE, SQLERRM;
  END;
  BEGIN
    PERFORM count(*) FROM client_docs WHERE body @> '!!!';
  EXCEPTION WHEN OTHERS THEN RAISE NOTICE 'literal: % %', SQLSTATE, SQLERRM;
  END;
END $$;
EXECUTE by_varchar(repeat('word ', 300));

-- untyped literals resolve as before: to text @> phrase, phrase_count(text, phrase) and
-- phrase_snippet(text, phrase, ...)
EXPLAIN (verbose, costs off)
SELECT phrase_count(body, 'walked'), phrase_snippet(body, 'walked')
FROM client_docs WHERE body @> 'walked back';
-- other operators on strings keep their meaning
SELECT 'a'::varchar = 'a'::varchar AS varchar_eq, 'walked back'::text = 'walked back'::text AS text_eq,
       'a b'::varchar || 'c'::text AS concat;
-- a phrase column compares with a text value as a phrase
SELECT 'Walked, back'::phrase = 'walked back'::text AS phrase_eq_text;
-- other string types are not converted implicitly (only text and varchar are)
SELECT id FROM client_docs WHERE body @> 'walked back'::bpchar;
SELECT id FROM client_docs WHERE body @> 'walked back'::name;

DEALLOCATE ALL;

-- BI output: flat text lists and an entity table ----------------------------------

SELECT flat_list(ARRAY['Barack Obama', NULL, 'John Kerry']) AS two, flat_list('{}') AS none,
       flat_list(ARRAY[NULL]::text[]) AS only_null, flat_list(NULL) AS null_in;

CREATE TABLE client_articles (id int PRIMARY KEY, body text);
INSERT INTO client_articles VALUES (1, :'seed'), (2, NULL), (3, '');

-- the README's recipe: one row of flat columns per article
CREATE VIEW client_article_facts AS
SELECT a.id, f.*
FROM client_articles a, LATERAL parse_article_flat(a.body) f;

-- the same values as parse_article, lists joined by flat_list
SELECT f.id, f.headline, f.published, f.word_count, f.people_list, f.places_list, f.organizations_list,
       f.captions_list
FROM client_article_facts f ORDER BY f.id;
SELECT count(*) AS differing
FROM client_articles a, LATERAL parse_article(a.body) p, LATERAL parse_article_flat(a.body) f
WHERE (p.headline, p.standfirst, p.byline, p.dateline, p.published, p.reading_minutes, p.body,
       p.lead, p.word_count, coalesce(array_to_string(p.people, '; '), ''),
       coalesce(array_to_string(p.organizations, '; '), ''),
       coalesce(array_to_string(p.places, '; '), ''), coalesce(array_to_string(p.captions, '; '), ''),
       p.language)
      IS DISTINCT FROM
      (f.headline, f.standfirst, f.byline, f.dateline, f.published, f.reading_minutes, f.body,
       f.lead, f.word_count, coalesce(f.people_list, ''), coalesce(f.organizations_list, ''),
       coalesce(f.places_list, ''), coalesce(f.captions_list, ''), f.language);

-- inlined: one parse_article call per article, not one per column
EXPLAIN (verbose, costs off) SELECT * FROM client_article_facts;

-- the entity table: one row per article and entity
CREATE VIEW client_article_entity_rows AS
SELECT a.id AS article_id, e.entity, e.kind, e.mentions, e.first_position
FROM client_articles a, LATERAL article_entities(a.body) e;
SELECT * FROM client_article_entity_rows WHERE kind = 'person' ORDER BY article_id, first_position;
SELECT kind, count(*) FROM client_article_entity_rows GROUP BY kind ORDER BY kind;

-- every column of both views has a type a BI tool reads: no arrays, composites or phrase
SELECT c.table_name, c.column_name, c.data_type
FROM information_schema.columns c
WHERE c.table_name IN ('client_article_facts', 'client_article_entity_rows')
  AND c.data_type NOT IN ('text', 'integer', 'date', 'bigint')
ORDER BY 1, 2;
SELECT c.table_name, count(*) AS columns
FROM information_schema.columns c
WHERE c.table_name IN ('client_article_facts', 'client_article_entity_rows')
GROUP BY 1 ORDER BY 1;

DROP VIEW client_article_facts, client_article_entity_rows;
DROP TABLE client_articles, client_docs;
