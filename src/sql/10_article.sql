--
-- Articles as columns
--

CREATE TYPE parsed_article AS (
	headline pg_catalog.text,
	standfirst pg_catalog.text,
	byline pg_catalog.text,
	dateline pg_catalog.text,
	published pg_catalog.date,
	reading_minutes pg_catalog.int4,
	captions pg_catalog.text[],
	body pg_catalog.text,
	lead pg_catalog.text,
	word_count pg_catalog.int4,
	people pg_catalog.text[],
	organizations pg_catalog.text[],
	places pg_catalog.text[],
	language pg_catalog.text
);

COMMENT ON TYPE parsed_article IS
'an article''s fields: headline, standfirst, byline, dateline, publication date, reading time, captions, clean body, lead paragraph, word count, the people, organizations and places it names (canonical names, in order of first mention; English text only), and its language (ISO 639-1, NULL when unsure)';

-- Every function below reads only its argument: no clock, no DateStyle, no TimeZone,
-- no newsext setting. That makes them IMMUTABLE (expression indexes, generated
-- columns) and PARALLEL SAFE (parallel query, Citus shards). STRICT: NULL in, NULL out.

CREATE FUNCTION parse_article(pg_catalog.text) RETURNS parsed_article
	AS 'MODULE_PATHNAME', 'newsext_parse_article'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION parse_article(pg_catalog.text) IS
'parse a plain-text news article into its fields; call as LATERAL parse_article(body) to parse once per row';

CREATE FUNCTION parse_article_json(pg_catalog.text) RETURNS pg_catalog.jsonb
	AS 'MODULE_PATHNAME', 'newsext_parse_article_json'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION parse_article_json(pg_catalog.text) IS
'parse a plain-text news article into jsonb: the fields of parse_article (snake_case keys, ISO dates), every entity mention with its position and length, and the quotes';

CREATE FUNCTION article_headline(pg_catalog.text) RETURNS pg_catalog.text
	AS 'MODULE_PATHNAME', 'newsext_article_headline'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION article_headline(pg_catalog.text) IS
'the article''s headline, without parsing the body (for expression indexes and generated columns)';

CREATE FUNCTION article_date(pg_catalog.text) RETURNS pg_catalog.date
	AS 'MODULE_PATHNAME', 'newsext_article_date'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION article_date(pg_catalog.text) IS
'the article''s publication date from its header, never from the clock or session settings (for expression indexes)';

CREATE FUNCTION article_language(pg_catalog.text) RETURNS pg_catalog.text
	AS 'MODULE_PATHNAME', 'newsext_article_language'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 20;

COMMENT ON FUNCTION article_language(pg_catalog.text) IS
'the language of the text as an ISO 639-1 code (en, de, ja, ...), NULL when unsure; by CLD2 from at most the first 1.5 kB, without parsing the article';
