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
-- The section "which gin_phrase_ops indexes need a REINDEX" below names them in a WARNING,
-- and the view phrase_indexes lists them (needs_reindex).

-- No triConsistent (support function 6) any more: with one, PostgreSQL's GIN
-- keeps asking for a recheck of every row after the first row it answered
-- "maybe" for (a boolean query such as 'that AND action AND NOT fairford'
-- rechecked 130 of its 503 rows for 1 doubtful one); GIN's own ternary wrapper
-- around phrase_gin_consistent asks row by row. The indexes stay valid.
ALTER OPERATOR FAMILY gin_phrase_ops USING gin
    DROP FUNCTION 6 (pg_catalog.text, pg_catalog.text);
DROP FUNCTION phrase_gin_triconsistent(pg_catalog.internal, pg_catalog.int2, pg_catalog.text,
                                       pg_catalog.int4, pg_catalog.internal, pg_catalog.internal,
                                       pg_catalog.internal);

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

-- ---------------------------------------------------------------------------
-- Upgrades (issue 11): which gin_phrase_ops indexes need a REINDEX
-- ---------------------------------------------------------------------------
-- phrase_index_key_formats and phrase_indexes, as in src/sql/28_phrase_index_formats.sql.
-- Every gin_phrase_ops index that exists now was built by a 0.1.0 library, key format 2;
-- phrase_indexes compares that with phrase_tokenizer_version() of the library installed now,
-- and a WARNING below names every index to rebuild. A later upgrade script records the key
-- format of the release it upgrades from in the same way (indexes rebuilt since keep the
-- format of the library that rebuilt them).

CREATE TABLE phrase_index_key_formats (
    indexrelid pg_catalog.oid NOT NULL,
    relfilenode pg_catalog.oid NOT NULL,
    key_format pg_catalog.int4 NOT NULL,
    PRIMARY KEY (indexrelid, relfilenode)
);
COMMENT ON TABLE phrase_index_key_formats IS
'key format of gin_phrase_ops index files that an upgrade found, by index and relfilenode (written by upgrade scripts; read it through phrase_indexes)';

CREATE VIEW phrase_indexes AS
SELECT i.indexrelid::pg_catalog.regclass AS index,
       i.indrelid::pg_catalog.regclass AS "table",
       COALESCE(f.key_format, phrase_tokenizer_version()) AS key_format,
       COALESCE(f.key_format, phrase_tokenizer_version()) <> phrase_tokenizer_version() AS needs_reindex
FROM pg_catalog.pg_index i
JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid AND c.relkind = 'i'
LEFT JOIN phrase_index_key_formats f ON f.indexrelid = i.indexrelid AND f.relfilenode = c.relfilenode
WHERE EXISTS (
    SELECT FROM pg_catalog.unnest(i.indclass::pg_catalog.oid[]) AS ic(opclass)
    JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_opclass'::pg_catalog.regclass
        AND d.objid = ic.opclass AND d.deptype = 'e'
        AND d.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass
    JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid AND e.extname = 'newsext'
    JOIN pg_catalog.pg_opclass o ON o.oid = ic.opclass AND o.opcname = 'gin_phrase_ops');
COMMENT ON VIEW phrase_indexes IS
'every gin_phrase_ops index with the key format of its entries; needs_reindex when that is not the format of phrase_tokenizer_version() (rebuild with REINDEX INDEX)';
GRANT SELECT ON phrase_indexes TO PUBLIC;

-- the indexes of 0.1.0 (key format 2)
INSERT INTO phrase_index_key_formats (indexrelid, relfilenode, key_format)
SELECT c.oid, c.relfilenode, 2
FROM phrase_indexes p JOIN pg_catalog.pg_class c ON c.oid = p.index;

DO $$
DECLARE
    stale record;
BEGIN
    FOR stale IN SELECT index, key_format FROM phrase_indexes WHERE needs_reindex ORDER BY index::text LOOP
        RAISE WARNING 'gin_phrase_ops index % has keys of format %, this newsext reads format %',
            stale.index, stale.key_format, phrase_tokenizer_version()
            USING HINT = pg_catalog.format('Rebuild it: REINDEX INDEX %s; until then phrase queries that use it can miss rows.', stale.index);
    END LOOP;
END
$$;

-- ---------------------------------------------------------------------------
-- Catalog comments (issue 11 point 6): what the objects do, as src/sql/ says
-- ---------------------------------------------------------------------------
COMMENT ON FUNCTION parse_article_json(pg_catalog.text) IS
'parse a plain-text news article into jsonb: the fields of parse_article (snake_case keys, ISO dates), every entity mention with its position and length, and the quotes';
COMMENT ON FUNCTION phrase_gin_consistent(pg_catalog.internal, pg_catalog.int2, pg_catalog.text, pg_catalog.int4, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal) IS
    'GIN support: true when every key of the phrase is present; asks for a recheck unless the phrase is one common word or two of the most common (exact keys)';
COMMENT ON OPERATOR CLASS gin_phrase_ops USING gin IS
    'exact phrase search on text: text @> phrase, word-pair and word keys (exact for common words, hashed otherwise); candidates found by hashed keys are rechecked';
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

-- ---------------------------------------------------------------------------
-- issue 12 (language): parsed_article gains language (last, as in a fresh install), and
-- article_language(text)
ALTER TYPE parsed_article ADD ATTRIBUTE language pg_catalog.text;

COMMENT ON TYPE parsed_article IS
'an article''s fields: headline, standfirst, byline, dateline, publication date, reading time, captions, clean body, lead paragraph, word count, the people, organizations and places it names (canonical names, in order of first mention; English text only), and its language (ISO 639-1, NULL when unsure)';

CREATE FUNCTION article_language(pg_catalog.text) RETURNS pg_catalog.text
	AS 'MODULE_PATHNAME', 'newsext_article_language'
	LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 20;

COMMENT ON FUNCTION article_language(pg_catalog.text) IS
'the language of the text as an ISO 639-1 code (en, de, ja, ...), NULL when unsure; by CLD2 from at most the first 1.5 kB, without parsing the article';

-- parse_article_flat (issue 15) reads parsed_article, so it follows the new language
-- attribute here; it has the language column too
-- Not STRICT: the planner inlines only non-strict SQL set-returning functions,
-- and inlined, a LATERAL call parses each article once (parse_article itself
-- is STRICT, so NULL in still gives a row of NULLs).
CREATE FUNCTION parse_article_flat(doc pg_catalog.text,
    OUT headline pg_catalog.text, OUT standfirst pg_catalog.text, OUT byline pg_catalog.text,
    OUT dateline pg_catalog.text, OUT published pg_catalog.date,
    OUT reading_minutes pg_catalog.int4, OUT captions_list pg_catalog.text,
    OUT body pg_catalog.text, OUT lead pg_catalog.text, OUT word_count pg_catalog.int4,
    OUT people_list pg_catalog.text, OUT organizations_list pg_catalog.text,
    OUT places_list pg_catalog.text, OUT language pg_catalog.text)
RETURNS SETOF record
LANGUAGE sql IMMUTABLE PARALLEL SAFE ROWS 1
BEGIN ATOMIC
    SELECT p.headline, p.standfirst, p.byline, p.dateline, p.published, p.reading_minutes,
           flat_list(p.captions), p.body, p.lead, p.word_count,
           flat_list(p.people), flat_list(p.organizations), flat_list(p.places), p.language
    FROM parse_article(doc) p;
END;
COMMENT ON FUNCTION parse_article_flat(pg_catalog.text) IS
    'parse_article with every list as flat text (captions_list, people_list, organizations_list, places_list, joined by flat_list) and its language: only text, date and integer columns, for BI tools; call as LATERAL parse_article_flat(body)';

-- ---------------------------------------------------------------------------
-- ---- phrase_query (issue 14 part 2): new type, @@@ operator, strategy 8 of gin_phrase_ops ----
-- (the same statements as src/sql/25_phrase_query.sql)

-- ---------------------------------------------------------------------------
-- phrase_query: boolean phrase queries with proximity, text @@@ phrase_query,
-- served by gin_phrase_ops (strategy 8).  Operators are upper case:
--   ("walked back" OR backtracked) AND (Syria OR Aleppo) -"United Nations"
--   Kerry NEAR/5 Lavrov        Kerry BEFORE/3 Lavrov
-- ---------------------------------------------------------------------------

CREATE TYPE phrase_query;

CREATE FUNCTION phrase_query_in(pg_catalog.cstring) RETURNS phrase_query
    AS 'MODULE_PATHNAME', 'newsext_phrase_query_in'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 10;
CREATE FUNCTION phrase_query_out(phrase_query) RETURNS pg_catalog.cstring
    AS 'MODULE_PATHNAME', 'newsext_phrase_query_out'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 10;
CREATE FUNCTION phrase_query_recv(pg_catalog.internal) RETURNS phrase_query
    AS 'MODULE_PATHNAME', 'newsext_phrase_query_recv'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 10;
CREATE FUNCTION phrase_query_send(phrase_query) RETURNS pg_catalog.bytea
    AS 'MODULE_PATHNAME', 'newsext_phrase_query_send'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 10;

CREATE TYPE phrase_query (
    INPUT = phrase_query_in,
    OUTPUT = phrase_query_out,
    RECEIVE = phrase_query_recv,
    SEND = phrase_query_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = int4,
    STORAGE = extended
);

COMMENT ON TYPE phrase_query IS 'a boolean query of phrases (AND, OR, NOT, NEAR/n, BEFORE/n, parentheses), parsed and normalised once';
COMMENT ON FUNCTION phrase_query_in(pg_catalog.cstring) IS 'input function of type phrase_query: parses and normalises once';
COMMENT ON FUNCTION phrase_query_out(phrase_query) IS 'output function of type phrase_query: the canonical, parenthesised form';
COMMENT ON FUNCTION phrase_query_recv(pg_catalog.internal) IS 'binary input function of type phrase_query';
COMMENT ON FUNCTION phrase_query_send(phrase_query) IS 'binary output function of type phrase_query';

CREATE FUNCTION phrase_query_eq(phrase_query, phrase_query) RETURNS pg_catalog.bool
    AS 'MODULE_PATHNAME', 'newsext_phrase_query_eq'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 1;
CREATE FUNCTION phrase_query_ne(phrase_query, phrase_query) RETURNS pg_catalog.bool
    AS 'MODULE_PATHNAME', 'newsext_phrase_query_ne'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 1;
COMMENT ON FUNCTION phrase_query_eq(phrase_query, phrase_query) IS 'implementation of = for phrase_query: the same canonical query';
COMMENT ON FUNCTION phrase_query_ne(phrase_query, phrase_query) IS 'implementation of <> for phrase_query';

CREATE OPERATOR = (
    LEFTARG = phrase_query, RIGHTARG = phrase_query, FUNCTION = phrase_query_eq,
    COMMUTATOR = =, NEGATOR = <>,
    RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel
);
CREATE OPERATOR <> (
    LEFTARG = phrase_query, RIGHTARG = phrase_query, FUNCTION = phrase_query_ne,
    COMMUTATOR = <>, NEGATOR = =,
    RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
COMMENT ON OPERATOR =(phrase_query, phrase_query) IS 'queries have the same canonical form';
COMMENT ON OPERATOR <>(phrase_query, phrase_query) IS 'queries differ';

-- matching: @@@, a name no operator on text has, so body @@@ '...' is always a phrase_query
CREATE FUNCTION phrase_query_match(pg_catalog.text, phrase_query) RETURNS pg_catalog.bool
    AS 'MODULE_PATHNAME', 'newsext_text_matches_phrase_query'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 100;
CREATE FUNCTION phrase_query_match(phrase_query, pg_catalog.text) RETURNS pg_catalog.bool
    AS 'MODULE_PATHNAME', 'newsext_phrase_query_matches_text'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 100;
COMMENT ON FUNCTION phrase_query_match(pg_catalog.text, phrase_query) IS 'implementation of text @@@ phrase_query';
COMMENT ON FUNCTION phrase_query_match(phrase_query, pg_catalog.text) IS 'implementation of phrase_query @@@ text';

CREATE FUNCTION phrase_query_sel(pg_catalog.internal, pg_catalog.oid, pg_catalog.internal, pg_catalog.int4)
    RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'newsext_phrase_query_sel'
    LANGUAGE C STABLE STRICT PARALLEL SAFE COST 1;
-- STABLE, not IMMUTABLE: it reads the column statistics (as the built-in estimators do)
COMMENT ON FUNCTION phrase_query_sel(pg_catalog.internal, pg_catalog.oid, pg_catalog.internal, pg_catalog.int4) IS
    'restriction selectivity of text @@@ phrase_query: phrase_contsel''s estimate of each phrase, combined along the query';

CREATE OPERATOR @@@ (
    LEFTARG = pg_catalog.text, RIGHTARG = phrase_query, FUNCTION = phrase_query_match,
    COMMUTATOR = @@@,
    RESTRICT = phrase_query_sel, JOIN = pg_catalog.contjoinsel
);
CREATE OPERATOR @@@ (
    LEFTARG = phrase_query, RIGHTARG = pg_catalog.text, FUNCTION = phrase_query_match,
    COMMUTATOR = @@@,
    RESTRICT = phrase_query_sel, JOIN = pg_catalog.contjoinsel
);
COMMENT ON OPERATOR @@@(pg_catalog.text, phrase_query) IS 'text matches the phrase query (indexable with gin_phrase_ops)';
COMMENT ON OPERATOR @@@(phrase_query, pg_catalog.text) IS 'commutator of text @@@ phrase_query';

CREATE FUNCTION phrase_query_count(pg_catalog.text, phrase_query) RETURNS pg_catalog.int4
    AS 'MODULE_PATHNAME', 'newsext_phrase_query_count'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 200;
COMMENT ON FUNCTION phrase_query_count(pg_catalog.text, phrase_query) IS
    'number of occurrences of the query''s phrases (not those under NOT), left to right without overlap, if the text matches; else 0';

CREATE FUNCTION phrase_query_snippet(doc pg_catalog.text, query phrase_query,
                                     words_around pg_catalog.int4 DEFAULT 10,
                                     start_sel pg_catalog.text DEFAULT '<b>',
                                     stop_sel pg_catalog.text DEFAULT '</b>')
    RETURNS pg_catalog.text
    AS 'MODULE_PATHNAME', 'newsext_phrase_query_snippet'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 200;
COMMENT ON FUNCTION phrase_query_snippet(pg_catalog.text, phrase_query, pg_catalog.int4, pg_catalog.text, pg_catalog.text) IS
    'the first occurrence of one of the query''s phrases with words_around words either side, every occurrence in it marked; NULL if the text does not match';

-- the index: one more strategy in gin_phrase_ops (same support functions, which dispatch on it)
ALTER OPERATOR FAMILY gin_phrase_ops USING gin ADD
    OPERATOR 8 @@@ (pg_catalog.text, phrase_query);
