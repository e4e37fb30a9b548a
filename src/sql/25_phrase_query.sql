
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
