-- make stress, phrase index: one row per phrase whose answer through articles_phrase
-- differs from a sequential scan, or whose indexed query does not use the index; the
-- index is checked with its pending list (fastupdate), then again after
-- gin_clean_pending_list has moved the list into the main tree.
SET enable_indexscan = off;
SET enable_bitmapscan = off;
CREATE TEMP TABLE phrase_by_seq AS
SELECT s.n, s.q,
	(SELECT array_agg(id ORDER BY id) FROM articles a WHERE a.body @> s.q) AS ids
FROM stress_phrases s;
RESET enable_indexscan;
RESET enable_bitmapscan;

SET enable_seqscan = off;
CREATE FUNCTION pg_temp.phrase_plan(q phrase) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	line text;
	plan text := '';
BEGIN
	FOR line IN EXECUTE format('EXPLAIN SELECT id FROM articles WHERE body @> %L::phrase', q) LOOP
		plan := plan || line || E'\n';
	END LOOP;
	RETURN plan;
END
$$;
SELECT 'phrase query does not use the index: ' || q::text
FROM phrase_by_seq WHERE pg_temp.phrase_plan(q) NOT LIKE '%Bitmap Index Scan on articles_phrase%';

-- planned when selected, so with the settings of the moment
CREATE TEMP VIEW phrase_index_differs AS
SELECT 'phrase index differs from a sequential scan for ' || quote_literal(s.q::text)
	|| ' (' || coalesce(cardinality(s.ids), 0) || ' rows by sequential scan, '
	|| coalesce(cardinality(i.ids), 0) || ' by the index' AS msg
FROM phrase_by_seq s,
	LATERAL (SELECT array_agg(id ORDER BY id) AS ids FROM articles a WHERE a.body @> s.q) i
WHERE i.ids IS DISTINCT FROM s.ids;

SELECT msg || ', pending list kept)' FROM phrase_index_differs;
SELECT 1 WHERE gin_clean_pending_list('articles_phrase') < 0;
SELECT msg || ', pending list cleaned)' FROM phrase_index_differs;
RESET enable_seqscan;
