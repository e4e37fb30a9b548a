--
-- cancel: statement_timeout stops the parser, the phrase functions and a gin_phrase_ops
-- index build on 50 MB articles within a second.
-- The core polls for interrupts every few lines and every megabyte of a long line, and
-- the tokenizer every few hundred kilobytes; gin_phrase_ops's key comparison polls in
-- GIN's own loops over a text's keys.
-- The texts are built before the timed statements: building 50 MB is itself slow on
-- small machines, and repeat() would take the cancel instead of the parser.
--
CREATE TEMP TABLE big (kind text, body text);
INSERT INTO big VALUES
	('lines', repeat(E'Officials said on Sunday that talks would resume in Geneva next week.\n', 720000)),
	('one line', repeat('word ', 10000000));
-- 31 more copies of each: a copy stores the compressed value again (about 0.6 MB), and
-- every statement below then has 32 x 50 MB to get through, more than any machine does
-- in 100 ms, so the timeout, not the end of the work, is what stops it
INSERT INTO big SELECT kind, body FROM big, generate_series(2, 32);
SELECT kind, count(*), min(octet_length(body)), max(octet_length(body)), max(pg_column_size(body)) < 2000000 AS compressed
FROM big GROUP BY kind ORDER BY kind;

SET statement_timeout = '100ms';
SELECT parse_article(body) IS NULL FROM big WHERE kind = 'lines';
SELECT (parse_article(body)).word_count FROM big WHERE kind = 'one line';
SELECT parse_article_json(body) IS NULL FROM big WHERE kind = 'lines';
SELECT article_date(body) FROM big WHERE kind = 'lines';
SELECT article_date(body) FROM big WHERE kind = 'one line';
SELECT article_headline(body) FROM big WHERE kind = 'lines';
CREATE INDEX big_phrase ON big USING gin (body gin_phrase_ops);
RESET statement_timeout;
SELECT count(*) FROM pg_class WHERE relname = 'big_phrase';

-- promptly: the statement ends well within a second of its 100 ms timeout
-- (the clock starts with the statement, so reading the 50 MB value back counts too)
CREATE FUNCTION pg_temp.cancel_time(query text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	t0 timestamptz := clock_timestamp();
BEGIN
	EXECUTE query;
	RETURN 'not canceled';
EXCEPTION WHEN query_canceled THEN
	IF clock_timestamp() - t0 < interval '1.1 s' THEN
		RETURN 'canceled within a second';
	END IF;
	RETURN 'canceled after ' || (clock_timestamp() - t0);
END
$$;
SET statement_timeout = '100ms';
SELECT pg_temp.cancel_time($$SELECT parse_article(body) FROM big WHERE kind = 'lines'$$);
SELECT pg_temp.cancel_time($$SELECT parse_article(body) FROM big WHERE kind = 'one line'$$);
SELECT pg_temp.cancel_time($$SELECT parse_article_json(body) FROM big WHERE kind = 'one line'$$);
SELECT pg_temp.cancel_time($$SELECT article_date(body) FROM big WHERE kind = 'lines'$$);
SELECT pg_temp.cancel_time($$SELECT article_headline(body) FROM big WHERE kind = 'one line'$$);
SELECT pg_temp.cancel_time($$SELECT count(*) FROM big b, LATERAL article_entities(b.body) e WHERE b.kind = 'one line'$$);
SELECT pg_temp.cancel_time($$SELECT count(*) FROM big b, LATERAL article_mentions(b.body) m WHERE b.kind = 'lines'$$);
SELECT pg_temp.cancel_time($$SELECT count(*) FROM big b, LATERAL article_quotes(b.body) q WHERE b.kind = 'lines'$$);
SELECT pg_temp.cancel_time($$SELECT phrase_count(body, 'talks would resume') FROM big WHERE kind = 'lines'$$);
SELECT pg_temp.cancel_time($$SELECT phrase_count(body, 'word word') FROM big WHERE kind = 'one line'$$);
SELECT pg_temp.cancel_time($$SELECT phrase_snippet(body, 'not there') FROM big WHERE kind = 'lines'$$);
SELECT pg_temp.cancel_time($$SELECT body @> 'not there'::phrase FROM big WHERE kind = 'one line'$$);
SELECT pg_temp.cancel_time($$CREATE INDEX ON big USING gin (body gin_phrase_ops) WHERE kind = 'lines'$$);
SELECT pg_temp.cancel_time($$CREATE INDEX ON big USING gin (body gin_phrase_ops) WHERE kind = 'one line'$$);
RESET statement_timeout;

-- GIN sorts a text's keys and puts each into its build tree without polling; the
-- comparison it calls for each key is newsext's, which polls (an article with millions of
-- distinct keys once held CREATE INDEX for seconds after its timeout)
SELECT amproc FROM pg_amproc p JOIN pg_opfamily f ON f.oid = p.amprocfamily
WHERE f.opfname = 'gin_phrase_ops' AND p.amprocnum = 1;

-- without a timeout the same work completes (so the timeout, not an error, stopped it)
SELECT article_date(body) IS NULL AS no_date, article_headline(body) IS NULL AS no_headline
FROM big WHERE kind = 'one line' LIMIT 1;
DROP TABLE big;
