--
-- cancel: statement_timeout stops the parser on 50 MB articles within a second.
-- The parser polls for interrupts every few lines and every megabyte of a long line.
-- The texts are built before the timed statements: building 50 MB is itself slow on
-- small machines, and repeat() would take the cancel instead of the parser.
--
CREATE TEMP TABLE big (kind text, body text);
INSERT INTO big VALUES
	('lines', repeat(E'Officials said on Sunday that talks would resume in Geneva next week.\n', 720000)),
	('one line', repeat('word ', 10000000));
SELECT kind, octet_length(body) FROM big ORDER BY kind;

SET statement_timeout = '100ms';
SELECT parse_article(body) IS NULL FROM big WHERE kind = 'lines';
SELECT (parse_article(body)).word_count FROM big WHERE kind = 'one line';
SELECT parse_article_json(body) IS NULL FROM big WHERE kind = 'lines';
SELECT article_date(body) FROM big WHERE kind = 'lines';
SELECT article_date(body) FROM big WHERE kind = 'one line';
SELECT article_headline(body) FROM big WHERE kind = 'lines';
RESET statement_timeout;

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
RESET statement_timeout;

-- without a timeout the same work completes (so the timeout, not an error, stopped it)
SELECT article_date(body) IS NULL AS no_date, article_headline(body) IS NULL AS no_headline
FROM big WHERE kind = 'one line';
DROP TABLE big;
