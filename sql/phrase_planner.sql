-- the planner and text @> phrase: row estimates (phrase_contsel) within 10x of the truth
-- for a one-common-word phrase and a rare phrase, an index scan on a small table, a join
SET max_parallel_workers_per_gather = 0;

-- real-looking text, generated here: news function words at roughly their frequency
-- (a skewed draw from a list ordered by frequency), made-up content words, and a rare
-- made-up name planted in 6 of 2000 articles
SELECT setseed(0.14);
CREATE TABLE plan_sources (id int PRIMARY KEY, name text NOT NULL);
INSERT INTO plan_sources SELECT g, 'source ' || g FROM generate_series(1, 40) g;
CREATE TABLE plan_articles (id int PRIMARY KEY, source_id int NOT NULL, body text NOT NULL);
WITH words AS (
  SELECT ARRAY['the','of','to','and','a','in','said','that','for','on','is','was','with','it',
               'by','as','at','from','he','has','be','have','not','are','its','an','will','but',
               'this','year','they','had','were','after','new','been','would','which','more',
               'percent','government','minister','people','two','first','last','company',
               'market','state','police','officials','week','told','president','city'] AS w
), syllables AS (
  SELECT ARRAY['ka','lo','mir','ten','dra','vo','sel','bu','rin','tas','pe','gon'] AS s
)
INSERT INTO plan_articles
SELECT a, 1 + a % 40,
       (SELECT string_agg(CASE WHEN random() < 0.75
                               THEN w[1 + floor(array_length(w, 1) * random() ^ 2.5)::int]
                               ELSE s[1 + floor(12 * random())::int] || s[1 + floor(12 * random())::int]
                                    || s[1 + floor(12 * random())::int] END,
                          CASE WHEN random() < 0.07 THEN '. ' ELSE ' ' END)
          FROM words, syllables, generate_series(1, 120 + (a * 7) % 90) t
         WHERE a > 0)
FROM generate_series(1, 2000) a;
UPDATE plan_articles SET body = body || ' Officials met Zorvath Quellmire on Monday.' WHERE id % 333 = 0;
CREATE INDEX plan_articles_body ON plan_articles USING gin (body gin_phrase_ops);
ANALYZE plan_articles;
ANALYZE plan_sources;

-- estimated rows of the plan's top node against the true count
CREATE FUNCTION plan_rows(q text) RETURNS float8 LANGUAGE plpgsql AS $$
DECLARE
    plan json;
BEGIN
    EXECUTE 'EXPLAIN (FORMAT JSON) ' || q INTO plan;
    RETURN (plan -> 0 -> 'Plan' ->> 'Plan Rows')::float8;
END $$;
CREATE FUNCTION plan_uses(q text, node text) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
    line text;
BEGIN
    FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP
        IF line LIKE '%' || node || '%' THEN
            RETURN true;
        END IF;
    END LOOP;
    RETURN false;
END $$;

SELECT p AS phrase, truth > 0 AS occurs,
       plan_rows(format('SELECT id FROM plan_articles WHERE body @> %L::phrase', p)) BETWEEN truth / 10 AND truth * 10
         AS within_10x
FROM (VALUES (1, 'the'), (2, 'said it'), (3, 'Zorvath Quellmire')) v(i, p),
     LATERAL (SELECT count(*)::float8 AS truth FROM plan_articles WHERE body @> p::phrase) c
ORDER BY i;

-- a phrase that occurs nowhere is estimated at a handful of rows, not contsel's constant
SELECT plan_rows($$SELECT id FROM plan_articles WHERE body @> 'quellmire zorvath tasdra'$$) < 5 AS tiny;
-- the commutator <@ is estimated the same way
SELECT plan_rows($$SELECT id FROM plan_articles WHERE 'Zorvath Quellmire' <@ body$$)
     = plan_rows($$SELECT id FROM plan_articles WHERE body @> 'Zorvath Quellmire'$$) AS same;

-- text @@@ phrase_query (phrase_query_sel): each phrase as @> estimates it, combined along
-- the query; within 10x of the truth for AND, OR, NOT and NEAR of these phrases
SELECT q AS query, truth > 0 AS occurs,
       plan_rows(format('SELECT id FROM plan_articles WHERE body @@@ %L::phrase_query', q)) BETWEEN truth / 10 AND truth * 10
         AS within_10x
FROM (VALUES (1, '"Zorvath Quellmire"'), (2, '"said it" AND government'), (3, 'zorvath OR quellmire OR minister'),
             (4, 'NOT "said it"'), (5, 'zorvath NEAR/3 officials'), (6, 'said BEFORE/2 government')) v(i, q),
     LATERAL (SELECT count(*)::float8 AS truth FROM plan_articles WHERE body @@@ q::phrase_query) c
ORDER BY i;
-- a one-phrase query is estimated as the phrase is; the commutator the same way
SELECT plan_rows($$SELECT id FROM plan_articles WHERE body @@@ '"Zorvath Quellmire"'$$)
     = plan_rows($$SELECT id FROM plan_articles WHERE body @> 'Zorvath Quellmire'$$) AS same_as_phrase,
       plan_rows($$SELECT id FROM plan_articles WHERE '"Zorvath Quellmire"' @@@ body$$)
     = plan_rows($$SELECT id FROM plan_articles WHERE body @@@ '"Zorvath Quellmire"'$$) AS commutator_same;
SELECT plan_uses($$SELECT id FROM plan_articles WHERE body @@@ 'zorvath AND quellmire'$$,
                 'Bitmap Index Scan on plan_articles_body') AS rare_query_uses_index;

-- saved searches in a column, matched against a constant text (an alert table): the text is
-- not the phrase side, so the estimators fall back to their default instead of reading it
CREATE TABLE plan_alerts (id int, q phrase_query, p phrase);
INSERT INTO plan_alerts VALUES (1, 'zorvath NEAR/3 quellmire', 'Zorvath Quellmire'), (2, 'syria AND aleppo', 'foreign minister');
ANALYZE plan_alerts;
SELECT plan_rows($$SELECT id FROM plan_alerts WHERE 'Officials met Zorvath Quellmire.' @@@ q$$) > 0 AS query_column,
       plan_rows($$SELECT id FROM plan_alerts WHERE 'Officials met Zorvath Quellmire.' @> p$$) > 0 AS phrase_column,
       plan_rows($$SELECT id FROM plan_alerts WHERE p <@ 'Officials met Zorvath Quellmire.'$$) > 0 AS commutator;
SELECT id FROM plan_alerts WHERE 'Officials met Zorvath Quellmire.' @@@ q AND 'Officials met Zorvath Quellmire.' @> p;
DROP TABLE plan_alerts;

-- a rare phrase goes through the index; a join with it starts from the index
SELECT plan_uses($$SELECT id FROM plan_articles WHERE body @> 'Zorvath Quellmire'$$,
                 'Bitmap Index Scan on plan_articles_body') AS rare_uses_index;
SELECT plan_uses($$SELECT s.name, a.id FROM plan_articles a JOIN plan_sources s ON s.id = a.source_id
                   WHERE a.body @> 'Zorvath Quellmire'$$, 'Bitmap Index Scan on plan_articles_body') AS join_uses_index;
SELECT plan_uses($$SELECT s.name, a.id FROM plan_articles a JOIN plan_sources s ON s.id = a.source_id
                   WHERE a.body @> 'Zorvath Quellmire'$$, 'Seq Scan on plan_articles') AS join_scans_articles;
SELECT s.name, a.id FROM plan_articles a JOIN plan_sources s ON s.id = a.source_id
WHERE a.body @> 'Zorvath Quellmire' ORDER BY a.id;

-- a shard-sized table of 100 rows: the COST of @> makes the index worth it for a rare phrase
CREATE TABLE plan_shard AS SELECT * FROM plan_articles WHERE id <= 99 OR id = 333;
CREATE INDEX plan_shard_body ON plan_shard USING gin (body gin_phrase_ops);
ANALYZE plan_shard;
SELECT plan_uses($$SELECT id FROM plan_shard WHERE body @> 'Zorvath Quellmire'$$,
                 'Bitmap Index Scan on plan_shard_body') AS shard_uses_index;
SELECT id FROM plan_shard WHERE body @> 'Zorvath Quellmire';

-- every function of the phrase code has a COST of its own choosing (not all the default 1)
SELECT p.proname, p.procost FROM pg_proc p
WHERE p.pronamespace = (SELECT extnamespace FROM pg_extension WHERE extname = 'newsext')
  AND p.proname IN ('phrase_text_contains', 'phrase_contained_in', 'phrase_count', 'phrase_snippet',
                    'phrase_tokens', 'phrase_keys', 'phrase_gin_extract_value', 'phrase_in')
ORDER BY 1, 2;
SELECT oprname, oprrest FROM pg_operator WHERE oprname IN ('@>', '<@') AND oprright = 'phrase'::regtype
   OR oprname = '<@' AND oprleft = 'phrase'::regtype
   OR oprname = '@@@' AND 'phrase_query'::regtype IN (oprleft, oprright) ORDER BY 1, 2;

DROP TABLE plan_shard, plan_articles, plan_sources;
DROP FUNCTION plan_rows(text), plan_uses(text, text);
