-- randomised: ~2000 phrases against 1500 generated articles; the index answer, the
-- sequential answer and an independent reference (regexp normalisation + strpos)
-- must agree exactly, before and after random updates (GIN pending list).
SET max_parallel_workers_per_gather = 0;
SELECT setseed(0.4242);

CREATE TABLE rnd_vocab (i int, w text);
INSERT INTO rnd_vocab
SELECT row_number() OVER (), w FROM unnest(ARRAY[
  'the','of','to','and','a','in','said','on','for','that','is','with','it','was','by','at',
  'syria','russia','kerry','deal','united','states','walked','back','five','year','assad','s',
  'café','são','paulo','erdoğan','naïve','oil','prices','market','bank','rose','fell','percent',
  'minister','government','talks','war','peace','city','forces','officials','week','agreed'
]) w;
INSERT INTO rnd_vocab SELECT 50 + g, 'k' || g FROM generate_series(1, 150) g;
-- the vocabulary covers every kind of key of format 3: words among the 256 most common
-- (exact pairs), among the 1,024 (hashed pairs), other listed words and unlisted ones
-- (no pair keys); a word's exact key is 2^29 + its rank
SELECT count(*) FILTER (WHERE r < 256) > 0 AS exact_pair_words,
       count(*) FILTER (WHERE r BETWEEN 256 AND 1023) > 0 AS hashed_pair_words,
       count(*) FILTER (WHERE r BETWEEN 1024 AND 4095) > 0 AS listed_no_pair_words,
       count(*) FILTER (WHERE r IS NULL) > 0 AS unlisted_words
FROM (SELECT CASE WHEN k BETWEEN 536870912 AND 536870912 + 4095 THEN k - 536870912 END AS r
      FROM rnd_vocab, LATERAL unnest(phrase_keys(w::phrase)) k) x;

CREATE TABLE rnd_docs (id int PRIMARY KEY, body text);
INSERT INTO rnd_docs
SELECT d, string_agg(
         CASE WHEN v.w ~ '^[a-z0-9]+$' AND r2 < 0.15 THEN upper(v.w)
              WHEN v.w ~ '^[a-z0-9]+$' AND r2 < 0.35 THEN initcap(v.w)
              ELSE v.w END
         || (ARRAY[' ',' ',' ',' ',', ','-','’','''',E'\n','. ',' "','" ',E'\r\n',' — ','; '])[1 + floor(r3 * 15)::int],
         '' ORDER BY k)
FROM generate_series(1, 1500) d,
     LATERAL (SELECT k, 1 + floor(200 * random() ^ 2.5)::int AS wi, random() AS r2, random() AS r3
              FROM generate_series(1, 10 + floor(random() * 50)::int + d * 0) k) t
JOIN rnd_vocab v ON v.i = t.wi
GROUP BY d;

-- the independent reference: ASCII-fold the few accented words, lower-case,
-- every run of non-alphanumerics becomes one space
CREATE FUNCTION rnd_norm(t text) RETURNS text LANGUAGE sql IMMUTABLE STRICT
  RETURN ' ' || regexp_replace(lower(translate(t, 'ãğïéÃĞÏÉ', 'agieAGIE')), '[^a-z0-9]+', ' ', 'g') || ' ';

CREATE TABLE rnd_phrases (pid serial, q phrase, ref text);
-- phrases sampled from the documents (1..4 words)
INSERT INTO rnd_phrases (q, ref)
SELECT array_to_string(ws[s:s + n - 1], (ARRAY[' ','-',' , ',E'\n'])[1 + floor(random() * 4)::int])::phrase,
       ' ' || array_to_string(ws[s:s + n - 1], ' ') || ' '
FROM (SELECT ws, n, 1 + floor(random() * (cardinality(ws) - n + 1))::int AS s
      FROM (SELECT regexp_split_to_array(btrim(rnd_norm(body)), ' ') AS ws,
                   1 + floor(random() * 4)::int AS n
            FROM rnd_docs, generate_series(1, 1) WHERE random() < 0.95) x
      WHERE cardinality(ws) >= n) y;
-- random word sequences (mostly absent)
INSERT INTO rnd_phrases (q, ref)
SELECT string_agg(w, ' ' ORDER BY k)::phrase, rnd_norm(string_agg(w, ' ' ORDER BY k))
FROM (SELECT p, k, 1 + floor(200 * random() ^ 2)::int AS wi
      FROM generate_series(1, 600) p, LATERAL generate_series(1, 1 + (p % 3) + p * 0) k) t
JOIN rnd_vocab v ON v.i = t.wi
GROUP BY p;

SELECT count(*) >= 2000 AS enough_phrases FROM rnd_phrases;
-- the tokenizer agrees with the reference on every phrase
SELECT count(*) AS phrase_text_mismatches FROM rnd_phrases WHERE ' ' || q::text || ' ' <> ref;

CREATE TEMP TABLE rnd_norms AS SELECT id, rnd_norm(body) AS norm FROM rnd_docs;
CREATE TEMP TABLE ans_ref AS
SELECT p.pid, d.id FROM rnd_phrases p JOIN rnd_norms d ON strpos(d.norm, p.ref) > 0;
SET enable_indexscan = off; SET enable_bitmapscan = off;
CREATE TEMP TABLE ans_seq AS
SELECT p.pid, d.id FROM rnd_phrases p JOIN rnd_docs d ON d.body @> p.q;
RESET enable_indexscan; RESET enable_bitmapscan;

CREATE INDEX rnd_docs_gin ON rnd_docs USING gin (body gin_phrase_ops);
ANALYZE rnd_docs;
SET enable_seqscan = off; SET enable_hashjoin = off; SET enable_mergejoin = off;
-- the index under a plain nested loop: no Memoize node, which some majors' planners add
SET enable_memoize = off;
-- the plan, without lines that differ between PostgreSQL majors
\i sql/include/plan_shape.sql
SELECT pg_temp.plan_shape($$SELECT p.pid, d.id FROM rnd_phrases p JOIN rnd_docs d ON d.body @> p.q$$) AS "QUERY PLAN";
CREATE TEMP TABLE ans_idx AS
SELECT p.pid, d.id FROM rnd_phrases p JOIN rnd_docs d ON d.body @> p.q;

SELECT (SELECT count(*) FROM ans_ref) > 3000 AS many_matches,
       (SELECT count(DISTINCT pid) FROM ans_ref) > 1000 AS many_phrases_match,
       (SELECT count(*) FROM (SELECT * FROM ans_seq EXCEPT SELECT * FROM ans_ref) x) AS seq_not_ref,
       (SELECT count(*) FROM (SELECT * FROM ans_ref EXCEPT SELECT * FROM ans_seq) x) AS ref_not_seq,
       (SELECT count(*) FROM (SELECT * FROM ans_idx EXCEPT SELECT * FROM ans_seq) x) AS idx_not_seq,
       (SELECT count(*) FROM (SELECT * FROM ans_seq EXCEPT SELECT * FROM ans_idx) x) AS seq_not_idx;

-- random updates, inserts and deletes with the index present (pending list), then again
UPDATE rnd_docs SET body = reverse(body) WHERE id % 7 = 3;
UPDATE rnd_docs SET body = body || ' walked back' WHERE id % 11 = 5;
DELETE FROM rnd_docs WHERE id % 13 = 0;
INSERT INTO rnd_docs SELECT 5000 + id, upper(body) FROM rnd_docs WHERE id % 17 = 1;
RESET enable_seqscan; RESET enable_hashjoin; RESET enable_mergejoin; RESET enable_memoize;
TRUNCATE ans_ref, ans_seq, ans_idx, rnd_norms;
INSERT INTO rnd_norms SELECT id, rnd_norm(body) FROM rnd_docs;
INSERT INTO ans_ref
SELECT p.pid, d.id FROM rnd_phrases p JOIN rnd_norms d ON strpos(d.norm, p.ref) > 0;
SET enable_indexscan = off; SET enable_bitmapscan = off;
INSERT INTO ans_seq SELECT p.pid, d.id FROM rnd_phrases p JOIN rnd_docs d ON d.body @> p.q;
RESET enable_indexscan; RESET enable_bitmapscan;
SET enable_seqscan = off; SET enable_hashjoin = off; SET enable_mergejoin = off;
INSERT INTO ans_idx SELECT p.pid, d.id FROM rnd_phrases p JOIN rnd_docs d ON d.body @> p.q;
SELECT (SELECT count(*) FROM (SELECT * FROM ans_seq EXCEPT SELECT * FROM ans_ref) x) AS seq_not_ref,
       (SELECT count(*) FROM (SELECT * FROM ans_ref EXCEPT SELECT * FROM ans_seq) x) AS ref_not_seq,
       (SELECT count(*) FROM (SELECT * FROM ans_idx EXCEPT SELECT * FROM ans_seq) x) AS idx_not_seq,
       (SELECT count(*) FROM (SELECT * FROM ans_seq EXCEPT SELECT * FROM ans_idx) x) AS seq_not_idx;

RESET enable_seqscan; RESET enable_hashjoin; RESET enable_mergejoin;
DROP TABLE rnd_docs, rnd_phrases, rnd_vocab;
DROP FUNCTION rnd_norm(text);
