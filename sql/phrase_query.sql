-- phrase_query: the type, canonical form, errors, operator resolution, index use, snippets
SET max_parallel_workers_per_gather = 0;

-- canonical output: normalised words, parenthesised, upper-case operators
SELECT q, q::phrase_query AS canonical FROM (VALUES
  ('("walked back" OR backtracked) AND (Syria OR Aleppo) AND NOT "United Nations"'),
  ('Kerry NEAR/5 Lavrov'),
  ('Kerry BEFORE/3 Lavrov'),
  ('(Kerry OR Obama) NEAR/10 "Sergei Lavrov"'),
  ('Syria Aleppo -Damascus'),              -- adjacent terms: AND; -word: NOT
  ('a OR b c'),                            -- AND binds tighter than OR
  ('a b OR c d'),
  ('NOT a b'),                             -- NOT binds tightest
  ('NOT (a b)'),
  ('a NEAR/2 b c'),                        -- NEAR binds tighter than AND
  ('a NEAR/2 b OR c'),
  ('five-year plan'),                      -- a bare word of several tokens is a phrase
  ('U.S. Erdoğan São-Paulo'),
  ('“walked back” -“United Nations”'),     -- curly quotes
  ('and or not near before'),              -- lower case: words
  ('"AND" "OR"'),                          -- quoted: words
  ('NOT NOT a'),
  ('-(a OR b)'),
  ('((a OR (b OR c)) AND (d e))'),
  ('a ! & b'),                             -- punctuation-only words separate, as in a phrase
  ('NOT syria')
) v(q);

-- equality compares canonical forms; text round trip; binary send
SELECT 'A  b'::phrase_query = 'a AND b'::phrase_query AS eq,
       'a b'::phrase_query = 'b a'::phrase_query AS order_matters,
       'a b'::phrase_query <> 'a OR b'::phrase_query AS ne,
       '(x OR "y z") NEAR/4 w'::phrase_query::text::phrase_query = '(x OR "y z") NEAR/4 w'::phrase_query AS round_trip;
SELECT phrase_query_send('Kerry NEAR/5 Lavrov');

-- bad input: 22P02 or 54000, with a detail
\set VERBOSITY default
SELECT ''::phrase_query;
SELECT '!!! ... ???'::phrase_query;
SELECT '()'::phrase_query;
SELECT 'a (  ) b'::phrase_query;
SELECT '(a OR b'::phrase_query;
SELECT 'a OR b)'::phrase_query;
SELECT '"walked back'::phrase_query;
SELECT '""'::phrase_query;
SELECT 'a AND'::phrase_query;
SELECT 'OR a'::phrase_query;
SELECT 'a OR OR b'::phrase_query;
SELECT 'NOT'::phrase_query;
SELECT 'a NEAR/0 b'::phrase_query;
SELECT 'a NEAR/100000 b'::phrase_query;
SELECT 'a NEAR b'::phrase_query;
SELECT 'a BEFORE/x b'::phrase_query;
SELECT 'a NEAR/2 b NEAR/2 c'::phrase_query;
SELECT '(a b) NEAR/2 c'::phrase_query;
SELECT 'a NEAR/2 NOT c'::phrase_query;
SELECT repeat('word ', 10000)::phrase_query;
SELECT (repeat('(', 1000) || 'a' || repeat(')', 1000))::phrase_query;
SELECT (repeat('NOT ', 10000) || 'a')::phrase_query;    -- linear, NOTs pair off
SELECT repeat('x', 70000)::phrase_query;
SELECT (repeat('(', 32) || 'a' || repeat(')', 32))::phrase_query;   -- the deepest allowed
\set VERBOSITY terse

-- operator resolution: an untyped literal after @@@ is a phrase_query, after @> a phrase
SELECT o.oprleft::regtype, o.oprright::regtype, o.oprcode
FROM pg_operator o WHERE o.oprname = '@@@' AND o.oprleft = 'text'::regtype;
SELECT count(*) AS text_text_ops FROM pg_operator
WHERE oprname = '@@@' AND oprleft IN ('text'::regtype, 'varchar'::regtype, 'unknown'::regtype);
CREATE TABLE pq_docs (id int PRIMARY KEY, body text);
EXPLAIN (costs off, verbose) SELECT id FROM pq_docs WHERE body @@@ 'kerry NEAR/5 lavrov';
EXPLAIN (costs off, verbose) SELECT id FROM pq_docs WHERE 'kerry' @@@ body;
EXPLAIN (costs off, verbose) SELECT id FROM pq_docs WHERE body @> 'kerry';
EXPLAIN (costs off, verbose) SELECT id FROM pq_docs WHERE body::varchar @@@ 'kerry';

-- matching semantics
SELECT q, 'Secretary John Kerry met Russian Foreign Minister Sergei Lavrov in Geneva.' @@@ q::phrase_query AS m
FROM (VALUES ('kerry NEAR/6 lavrov'), ('kerry NEAR/5 lavrov'), ('lavrov NEAR/6 kerry'),
             ('kerry BEFORE/6 lavrov'), ('lavrov BEFORE/6 kerry'), ('"john kerry" BEFORE/1 met'),
             ('john BEFORE/1 kerry'), ('kerry NEAR/1 john'), ('kerry BEFORE/1 john'),
             ('(putin OR lavrov) NEAR/3 geneva'), ('kerry -lavrov'), ('kerry OR putin'),
             ('NOT putin'), ('NOT kerry'), ('kerry NEAR/10 kerry'), ('"foreign minister" AND NOT "prime minister"'),
             ('minister NEAR/1 foreign'), ('secretary BEFORE/1000 geneva')) v(q);

-- the index: same rows as a sequential scan, AND/OR/NOT decided in the index, NOT-only by a scan
INSERT INTO pq_docs VALUES
  (1, 'Russia ''walked back'' on the Syria deal with the United States'),
  (2, 'Kerry met Lavrov in Geneva to talk about Syria and Aleppo'),
  (3, 'The United Nations said the ceasefire in Aleppo held'),
  (4, 'Officials backtracked on Syria, the United Nations said'),
  (5, 'Lavrov said Kerry had walked back his remarks'),
  (6, 'Nothing about that at all'),
  (7, ''),
  (8, NULL);
INSERT INTO pq_docs SELECT 100 + g, 'filler ' || g || ' markets oil and the weather' FROM generate_series(1, 2000) g;
CREATE INDEX pq_docs_gin ON pq_docs USING gin (body gin_phrase_ops);
ANALYZE pq_docs;
CREATE TABLE pq_queries (qid serial, q phrase_query);
INSERT INTO pq_queries (q) VALUES
  ('("walked back" OR backtracked) AND (Syria OR Aleppo) AND NOT "United Nations"'),
  ('Kerry NEAR/5 Lavrov'), ('Lavrov BEFORE/2 Kerry'), ('Kerry BEFORE/2 Lavrov'),
  ('syria OR aleppo'), ('the AND said'), ('the -said'), ('NOT the'), ('NOT syria'),
  ('said OR NOT syria'), ('filler 7'), ('"filler 7" OR "filler 8" OR nothing'),
  ('oil NEAR/2 weather'), ('weather NEAR/3 oil'), ('oil BEFORE/1 and'), ('NOT (filler OR syria)');
SET enable_indexscan = off; SET enable_bitmapscan = off;
CREATE TEMP TABLE pq_seq AS
SELECT qid, (SELECT array_agg(id ORDER BY id) FROM pq_docs WHERE body @@@ q) ids FROM pq_queries;
RESET enable_indexscan; RESET enable_bitmapscan;
SET enable_seqscan = off;
EXPLAIN (costs off) SELECT id FROM pq_docs WHERE body @@@ 'syria AND NOT aleppo';
EXPLAIN (costs off) SELECT id FROM pq_docs WHERE body @@@ 'NOT syria';
CREATE TEMP TABLE pq_idx AS
SELECT qid, (SELECT array_agg(id ORDER BY id) FROM pq_docs WHERE body @@@ q) ids FROM pq_queries;
RESET enable_seqscan;
SELECT q.qid, q.q, s.ids = i.ids OR (s.ids IS NULL AND i.ids IS NULL) AS same,
       CASE WHEN cardinality(s.ids) > 8 THEN cardinality(s.ids)::text ELSE s.ids::text END AS rows
FROM pq_queries q JOIN pq_seq s USING (qid) JOIN pq_idx i USING (qid) ORDER BY qid;

-- exact keys: a query of common words answered by the index alone calls no recheck
SET track_functions = 'all';
SET enable_seqscan = off;
SELECT pg_stat_force_next_flush();
CREATE TEMP TABLE pq_calls0 AS
SELECT coalesce((SELECT sum(calls) FROM pg_stat_user_functions WHERE funcname = 'phrase_query_match'), 0) c;
SELECT count(*) FROM pq_docs WHERE body @@@ '(the AND said) OR (filler AND NOT oil)';
SELECT pg_stat_force_next_flush();
SELECT coalesce((SELECT sum(calls) FROM pg_stat_user_functions WHERE funcname = 'phrase_query_match'), 0) - c AS rechecks_exact
FROM pq_calls0;
SELECT count(*) FROM pq_docs WHERE body @@@ 'the NEAR/1 said';
SELECT pg_stat_force_next_flush();
SELECT coalesce((SELECT sum(calls) FROM pg_stat_user_functions WHERE funcname = 'phrase_query_match'), 0) - c > 0 AS rechecks_near
FROM pq_calls0;
RESET enable_seqscan; RESET track_functions;

-- snippets and counts mark every occurrence of the query's phrases (not those under NOT)
SELECT phrase_query_snippet('Kerry met Lavrov in Geneva, and Kerry said the talks on Syria went well.',
                            '(kerry OR syria) AND NOT putin', 3);
SELECT phrase_query_snippet('Kerry met Lavrov in Geneva, and Kerry said the talks on Syria went well.',
                            '(kerry OR syria OR "the talks") AND NOT putin', 10);
SELECT phrase_query_snippet('Kerry met Lavrov in Geneva, and Kerry said the talks on Syria went well.',
                            'lavrov NEAR/3 kerry', 2, '[', ']');
SELECT phrase_query_snippet('Kerry met Lavrov in Geneva.', 'putin');                 -- no match: NULL
SELECT phrase_query_snippet('Kerry met Lavrov in Geneva today.', 'NOT putin', 1);    -- no phrase to mark
SELECT phrase_query_snippet('', 'NOT putin');
SELECT phrase_query_snippet('a b c', 'a', 1001);
SELECT phrase_query_count('Kerry met Lavrov in Geneva, and Kerry said so', 'kerry OR geneva') AS three,
       phrase_query_count('blue blue blue blue', '"blue blue"') AS two,
       phrase_query_count('blue blue blue blue', '"blue blue"') = phrase_count('blue blue blue blue', 'blue blue') AS as_phrase_count,
       phrase_query_count('Kerry met Lavrov', 'kerry -lavrov') AS no_match,
       phrase_query_count('Kerry met Lavrov', 'NOT putin') AS nothing_marked;
-- the untyped call resolves (no phrase_snippet/phrase_count overload)
SELECT phrase_snippet('Kerry met Lavrov', 'kerry'), phrase_count('Kerry met Lavrov', 'kerry');

-- stored values and NULLs
CREATE TABLE pq_saved (q phrase_query);
INSERT INTO pq_saved VALUES ('Kerry NEAR/5 Lavrov'), (NULL);
SELECT q, 'Kerry and Lavrov' @@@ q AS m FROM pq_saved;
