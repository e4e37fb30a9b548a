-- gin_phrase_ops: same rows with and without the index, EXPLAIN, amvalidate, DML, pending list
SET max_parallel_workers_per_gather = 0;

SELECT opcname, amvalidate(oid) FROM pg_opclass
WHERE opcname IN ('gin_phrase_ops', 'phrase_hash_ops', 'phrase_btree_ops') ORDER BY 1;

CREATE TABLE phrase_docs (id int PRIMARY KEY, body text);
INSERT INTO phrase_docs VALUES
  (1, 'Russia ''walks back'' on Syria deal with United States'),
  (2, E'"Russians walked\nback on some of the areas we thought we were agreed on"'),
  (3, 'Successive rounds have failed to end the five-year conflict [Getty]'),
  (4, 'Assad’s forces took the city'),
  (5, 'Assad''s forces took the city'),
  (6, 'São Paulo and Erdoğan met'),
  (7, 'SAO PAULO, Erdogan'),
  (8, 'blue blue blue'),
  (9, E'“Walked back,” he said.\r\nBack home.'),
  (10, 'jaywalked backwards'),
  (11, 'قالت الحكومة السورية'),
  (12, '我在北京大学学习'),
  (13, 'Москва — Кремль заявил'),
  (14, 'Syria'),
  (15, 'the end of the text, walked'),
  (16, ''),
  (17, NULL),
  (18, 'co-operation between the U.S. and E.U.'),
  (19, 'ΑΘΉΝΑ, Αθήνα'),
  (20, 'Secretary of State John Kerry said'),
  (21, 'Secretary for State'),
  (22, 'ﬁve year plan'),
  (23, 'Syria’s'),
  (24, 'a a a b'),
  (25, 'He said that it was over, it said.'),
  (26, E'Officials said:\n"It is over."'),
  (27, 'Said It Was the end of the week');
-- filler so the table is not trivially small
INSERT INTO phrase_docs
SELECT 100 + g, 'filler article number ' || g || ' about markets, oil and the weather in region ' || (g % 37)
FROM generate_series(1, 2000) g;

CREATE TABLE phrase_queries (qid serial, q phrase);
INSERT INTO phrase_queries (q) VALUES
  ('walked back'), ('walks back'), ('five year'), ('five-year'), ('assad'), ('Assad''s'),
  ('Assad’s forces'), ('sao paulo'), ('SÃO PAULO'), ('erdogan'), ('blue blue'),
  ('blue blue blue blue'), ('syria'), ('back home'), ('said back'), ('قالت الحكومة'),
  ('北京'), ('京大学'), ('москва кремль'), ('кремль заявил'), ('secretary of state'),
  ('of state'), ('U.S.'), ('co operation'), ('αθηνα'), ('five year plan'),
  ('walked back he said'), ('Russia walks back on Syria deal with United States'),
  ('the'), ('walked'), ('a a b'), ('region 5'), ('filler article number 1999'),
  ('weather in region 36'), ('nothing like this'),
  -- common words and pairs of them: exact keys, answered without a recheck
  ('said it'), ('it said'), ('said'), ('of the'), ('the end'), ('it was'), ('the week'), ('said that it');

-- sequential answers
SET enable_indexscan = off; SET enable_bitmapscan = off;
CREATE TEMP TABLE seq_answers AS
SELECT qid, q, (SELECT array_agg(id ORDER BY id) FROM phrase_docs d WHERE d.body @> qq.q) AS ids
FROM phrase_queries qq;
RESET enable_indexscan; RESET enable_bitmapscan;

CREATE INDEX phrase_docs_gin ON phrase_docs USING gin (body gin_phrase_ops);
ANALYZE phrase_docs;
SET enable_seqscan = off;

EXPLAIN (costs off) SELECT id FROM phrase_docs WHERE body @> 'walked back'::phrase;
EXPLAIN (costs off) SELECT id FROM phrase_docs WHERE 'Syria'::phrase <@ body;
-- the plan, without lines that differ between PostgreSQL majors
\i sql/include/plan_shape.sql
SELECT pg_temp.plan_shape($$SELECT qid, (SELECT array_agg(id) FROM phrase_docs d WHERE d.body @> qq.q) FROM phrase_queries qq$$) AS "QUERY PLAN";

CREATE TEMP TABLE idx_answers AS
SELECT qid, (SELECT array_agg(id ORDER BY id) FROM phrase_docs d WHERE d.body @> qq.q) AS ids
FROM phrase_queries qq;

-- the answers (sequential), and any difference with the index (none expected)
SELECT q, ids[1:12] AS first_ids, cardinality(ids) AS n FROM seq_answers ORDER BY qid;
SELECT s.qid, s.q, s.ids AS seq, i.ids AS idx
FROM seq_answers s JOIN idx_answers i USING (qid)
WHERE s.ids IS DISTINCT FROM i.ids;

-- the commutator uses the index too
SELECT array_agg(id ORDER BY id) FROM phrase_docs WHERE 'Syria'::phrase <@ body;

-- DML with the index: insert, update, delete
INSERT INTO phrase_docs VALUES (30, 'Kerry walked back his remarks');
UPDATE phrase_docs SET body = 'nothing to see' WHERE id = 2;
UPDATE phrase_docs SET body = 'then he walked   back' WHERE id = 10;
DELETE FROM phrase_docs WHERE id = 9;
SELECT array_agg(id ORDER BY id) FROM phrase_docs WHERE body @> 'walked back';
SET enable_seqscan = on; SET enable_bitmapscan = off;
SELECT array_agg(id ORDER BY id) FROM phrase_docs WHERE body @> 'walked back';
RESET enable_bitmapscan; SET enable_seqscan = off;

-- fastupdate: rows in the pending list are found, and after it is flushed
CREATE TABLE phrase_pending (id int, body text);
CREATE INDEX phrase_pending_gin ON phrase_pending USING gin (body gin_phrase_ops)
  WITH (fastupdate = on, gin_pending_list_limit = 4096);
INSERT INTO phrase_pending SELECT g, 'pending row ' || g || ' walked back' FROM generate_series(1, 50) g;
INSERT INTO phrase_pending VALUES (51, 'Syria'), (52, 'walked, back!');
SELECT count(*) FROM phrase_pending WHERE body @> 'walked back';
SELECT array_agg(id ORDER BY id) FROM phrase_pending WHERE body @> 'pending row 7';
SELECT gin_clean_pending_list('phrase_pending_gin'::regclass) > 0 AS flushed;
SELECT count(*) FROM phrase_pending WHERE body @> 'walked back';
SELECT array_agg(id ORDER BY id) FROM phrase_pending WHERE body @> 'syria';
DELETE FROM phrase_pending WHERE id <= 25;
INSERT INTO phrase_pending VALUES (53, 'he walked back');
SELECT count(*) FROM phrase_pending WHERE body @> 'walked back';
-- enough inserts to overflow the pending list on the way
INSERT INTO phrase_pending SELECT 1000 + g, 'bulk ' || g || ' walked back ' || repeat('word ', 50) FROM generate_series(1, 500) g;
SELECT count(*) FROM phrase_pending WHERE body @> 'walked back';
SELECT count(*) FROM phrase_pending WHERE body @> 'bulk 250 walked';
VACUUM phrase_pending;
SELECT count(*) FROM phrase_pending WHERE body @> 'walked back';

RESET enable_seqscan;
DROP TABLE phrase_pending;
DROP TABLE phrase_docs;
DROP TABLE phrase_queries;
