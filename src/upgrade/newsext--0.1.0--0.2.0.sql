-- newsext upgrade script 0.1.0 -> 0.2.0 (ALTER EXTENSION newsext UPDATE TO '0.2.0')
--
-- Every change a release makes to the SQL objects of src/sql/ is written here too, so that an
-- upgraded database ends with the same objects as a fresh install (make check-upgrade compares
-- them). One section per change, each headed by a comment that says what and why.

-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "ALTER EXTENSION newsext UPDATE TO '0.2.0'" to load this file. \quit

-- ---------------------------------------------------------------------------
-- phraseindex (issue 14, parts 1 and 3): gin_phrase_ops key format 3, COSTs
-- and a selectivity estimator for text @> phrase
-- ---------------------------------------------------------------------------

-- Key format 3 (phrase_tokenizer_version() 2 -> 3): pair keys only between two
-- of the 1,024 most common words, 2^12 pair and 2^16 word buckets (the index is
-- less than half its former size). The tokens did not change, so stored phrase
-- values stay valid; every gin_phrase_ops INDEX MUST BE REBUILT: until then a
-- query looks up keys that the old index does not hold and MISSES ROWS.
-- Run REINDEX INDEX on each index this warning lists; to list them later:
--   SELECT i.indexrelid::regclass FROM pg_index i JOIN pg_opclass o
--     ON o.oid = ANY (i.indclass::oid[]) WHERE o.opcname = 'gin_phrase_ops';
DO $$
DECLARE
    stale text;
BEGIN
    SELECT string_agg(i.indexrelid::pg_catalog.regclass::text, ', ')
      INTO stale
      FROM pg_catalog.pg_index i
      JOIN pg_catalog.pg_opclass o ON o.oid = ANY (i.indclass::pg_catalog.oid[])
     WHERE o.opcname = 'gin_phrase_ops';
    IF stale IS NOT NULL THEN
        RAISE WARNING 'newsext 0.2.0 changed the keys of gin_phrase_ops: these indexes miss rows until rebuilt: %', stale
            USING ERRCODE = '01000',
                  HINT = 'Run REINDEX INDEX on each of them.';
    END IF;
END
$$;

-- COSTs measured on 16,207 real news articles (1.1 kB on average): a cost unit is
-- about an int4 comparison (0.03 us); text @> phrase and phrase_count read the
-- whole text (about 3 us an article), the others tokenize it.
ALTER FUNCTION phrase_in(pg_catalog.cstring) COST 10;
ALTER FUNCTION phrase_out(phrase) COST 2;
ALTER FUNCTION phrase_recv(pg_catalog.internal) COST 10;
ALTER FUNCTION phrase_send(phrase) COST 2;
ALTER FUNCTION phrase_text_contains(pg_catalog.text, phrase) COST 100;
ALTER FUNCTION phrase_contained_in(phrase, pg_catalog.text) COST 100;
ALTER FUNCTION phrase_count(pg_catalog.text, phrase) COST 100;
ALTER FUNCTION phrase_snippet(pg_catalog.text, phrase, pg_catalog.int4, pg_catalog.text, pg_catalog.text) COST 400;
ALTER FUNCTION phrase_tokens(pg_catalog.text) COST 600;
ALTER FUNCTION phrase_keys(phrase) COST 5;
ALTER FUNCTION phrase_keys(pg_catalog.text) COST 800;
ALTER FUNCTION phrase_gin_extract_value(pg_catalog.text, pg_catalog.internal, pg_catalog.internal) COST 800;
ALTER FUNCTION phrase_gin_extract_query(pg_catalog.text, pg_catalog.internal, pg_catalog.int2,
                                        pg_catalog.internal, pg_catalog.internal,
                                        pg_catalog.internal, pg_catalog.internal) COST 5;

-- the row estimate of text @> phrase: word frequencies of news instead of contsel's constant
CREATE FUNCTION phrase_contsel(pg_catalog.internal, pg_catalog.oid, pg_catalog.internal, pg_catalog.int4)
    RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'newsext_phrase_contsel'
    LANGUAGE C STABLE STRICT PARALLEL SAFE COST 1;
COMMENT ON FUNCTION phrase_contsel(pg_catalog.internal, pg_catalog.oid, pg_catalog.internal, pg_catalog.int4) IS
    'restriction selectivity of text @> phrase: word frequencies of news and the column''s average width';
ALTER OPERATOR @> (pg_catalog.text, phrase) SET (RESTRICT = phrase_contsel);
ALTER OPERATOR <@ (phrase, pg_catalog.text) SET (RESTRICT = phrase_contsel);

-- clients (issue 15): implicit casts text/varchar -> phrase for typed driver parameters
-- (pgJDBC setString), flat_list and parse_article_flat for BI tools; the same statements
-- as src/sql/40_clients.sql. newsext.control now says relocatable = true.
CREATE CAST (pg_catalog.text AS phrase) WITH INOUT AS IMPLICIT;
CREATE CAST (pg_catalog.varchar AS phrase) WITH INOUT AS IMPLICIT;
COMMENT ON CAST (pg_catalog.text AS phrase) IS
    'text parameters (Npgsql, psycopg with typed text) work with @>, <@, phrase_count and phrase_snippet; parsed by phrase_in';
COMMENT ON CAST (pg_catalog.varchar AS phrase) IS
    'varchar parameters (pgJDBC setString) work with @>, <@, phrase_count and phrase_snippet; parsed by phrase_in';

-- flat text for BI tools, which do not show arrays ---------------------------

CREATE FUNCTION flat_list(items pg_catalog.text[]) RETURNS pg_catalog.text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 5
    RETURN NULLIF(pg_catalog.array_to_string(items, '; '), '');
COMMENT ON FUNCTION flat_list(pg_catalog.text[]) IS
    'the items joined by "; " (semicolon, space) in their order, NULL items skipped; NULL when there are none';

-- Not STRICT: the planner inlines only non-strict SQL set-returning functions,
-- and inlined, a LATERAL call parses each article once (parse_article itself
-- is STRICT, so NULL in still gives a row of NULLs).
CREATE FUNCTION parse_article_flat(doc pg_catalog.text,
    OUT headline pg_catalog.text, OUT standfirst pg_catalog.text, OUT byline pg_catalog.text,
    OUT dateline pg_catalog.text, OUT published pg_catalog.date,
    OUT reading_minutes pg_catalog.int4, OUT captions_list pg_catalog.text,
    OUT body pg_catalog.text, OUT lead pg_catalog.text, OUT word_count pg_catalog.int4,
    OUT people_list pg_catalog.text, OUT organizations_list pg_catalog.text,
    OUT places_list pg_catalog.text)
RETURNS SETOF record
LANGUAGE sql IMMUTABLE PARALLEL SAFE ROWS 1
BEGIN ATOMIC
    SELECT p.headline, p.standfirst, p.byline, p.dateline, p.published, p.reading_minutes,
           flat_list(p.captions), p.body, p.lead, p.word_count,
           flat_list(p.people), flat_list(p.organizations), flat_list(p.places)
    FROM parse_article(doc) p;
END;
COMMENT ON FUNCTION parse_article_flat(pg_catalog.text) IS
    'parse_article with every list as flat text (captions_list, people_list, organizations_list, places_list, joined by flat_list): only text, date and integer columns, for BI tools; call as LATERAL parse_article_flat(body)';
