
-- ---------------------------------------------------------------------------
-- phrase: a normalised token sequence, text @> phrase, gin_phrase_ops
-- (the tokenizer and key format have a version, phrase_tokenizer_version(): a
-- change requires REINDEX of every gin_phrase_ops index; see phrase_indexes)
-- ---------------------------------------------------------------------------

CREATE TYPE phrase;

CREATE FUNCTION phrase_in(pg_catalog.cstring) RETURNS phrase
    AS 'MODULE_PATHNAME', 'newsext_phrase_in'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 10;
CREATE FUNCTION phrase_out(phrase) RETURNS pg_catalog.cstring
    AS 'MODULE_PATHNAME', 'newsext_phrase_out'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 2;
CREATE FUNCTION phrase_recv(pg_catalog.internal) RETURNS phrase
    AS 'MODULE_PATHNAME', 'newsext_phrase_recv'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 10;
CREATE FUNCTION phrase_send(phrase) RETURNS pg_catalog.bytea
    AS 'MODULE_PATHNAME', 'newsext_phrase_send'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 2;

CREATE TYPE phrase (
    INPUT = phrase_in,
    OUTPUT = phrase_out,
    RECEIVE = phrase_recv,
    SEND = phrase_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = int4,
    STORAGE = extended
);

COMMENT ON TYPE phrase IS 'a normalised word sequence (case folded, diacritics removed, punctuation dropped) for exact phrase search';
COMMENT ON FUNCTION phrase_in(pg_catalog.cstring) IS 'input function of type phrase: tokenizes and normalises once';
COMMENT ON FUNCTION phrase_out(phrase) IS 'output function of type phrase: the tokens joined by single spaces';
COMMENT ON FUNCTION phrase_recv(pg_catalog.internal) IS 'binary input function of type phrase';
COMMENT ON FUNCTION phrase_send(phrase) IS 'binary output function of type phrase';

-- equality and hashing -------------------------------------------------------

CREATE FUNCTION phrase_eq(phrase, phrase) RETURNS pg_catalog.bool
    AS 'MODULE_PATHNAME', 'newsext_phrase_eq'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 1;
CREATE FUNCTION phrase_ne(phrase, phrase) RETURNS pg_catalog.bool
    AS 'MODULE_PATHNAME', 'newsext_phrase_ne'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 1;
CREATE FUNCTION phrase_hash(phrase) RETURNS pg_catalog.int4
    AS 'MODULE_PATHNAME', 'newsext_phrase_hash'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 1;

COMMENT ON FUNCTION phrase_eq(phrase, phrase) IS 'implementation of = for phrase: same tokens';
COMMENT ON FUNCTION phrase_ne(phrase, phrase) IS 'implementation of <> for phrase';
COMMENT ON FUNCTION phrase_hash(phrase) IS 'hash support for phrase (GROUP BY, DISTINCT, hash joins)';

CREATE OPERATOR = (
    LEFTARG = phrase, RIGHTARG = phrase, FUNCTION = phrase_eq,
    COMMUTATOR = =, NEGATOR = <>,
    RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES
);
CREATE OPERATOR <> (
    LEFTARG = phrase, RIGHTARG = phrase, FUNCTION = phrase_ne,
    COMMUTATOR = <>, NEGATOR = =,
    RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
COMMENT ON OPERATOR =(phrase, phrase) IS 'phrases have the same tokens';
COMMENT ON OPERATOR <>(phrase, phrase) IS 'phrases differ';

CREATE OPERATOR CLASS phrase_hash_ops
    DEFAULT FOR TYPE phrase USING hash AS
    OPERATOR 1 = (phrase, phrase),
    FUNCTION 1 phrase_hash(phrase);
COMMENT ON OPERATOR CLASS phrase_hash_ops USING hash IS 'hash operator class for phrase';

-- ordering (bytewise order of the canonical text) ----------------------------

CREATE FUNCTION phrase_cmp(phrase, phrase) RETURNS pg_catalog.int4
    AS 'MODULE_PATHNAME', 'newsext_phrase_cmp'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 1;
CREATE FUNCTION phrase_lt(phrase, phrase) RETURNS pg_catalog.bool
    AS 'MODULE_PATHNAME', 'newsext_phrase_lt'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 1;
CREATE FUNCTION phrase_le(phrase, phrase) RETURNS pg_catalog.bool
    AS 'MODULE_PATHNAME', 'newsext_phrase_le'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 1;
CREATE FUNCTION phrase_gt(phrase, phrase) RETURNS pg_catalog.bool
    AS 'MODULE_PATHNAME', 'newsext_phrase_gt'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 1;
CREATE FUNCTION phrase_ge(phrase, phrase) RETURNS pg_catalog.bool
    AS 'MODULE_PATHNAME', 'newsext_phrase_ge'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 1;
COMMENT ON FUNCTION phrase_cmp(phrase, phrase) IS 'btree support for phrase: bytewise order of the canonical text';
COMMENT ON FUNCTION phrase_lt(phrase, phrase) IS 'implementation of < for phrase';
COMMENT ON FUNCTION phrase_le(phrase, phrase) IS 'implementation of <= for phrase';
COMMENT ON FUNCTION phrase_gt(phrase, phrase) IS 'implementation of > for phrase';
COMMENT ON FUNCTION phrase_ge(phrase, phrase) IS 'implementation of >= for phrase';

CREATE OPERATOR < (
    LEFTARG = phrase, RIGHTARG = phrase, FUNCTION = phrase_lt,
    COMMUTATOR = >, NEGATOR = >=,
    RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
CREATE OPERATOR <= (
    LEFTARG = phrase, RIGHTARG = phrase, FUNCTION = phrase_le,
    COMMUTATOR = >=, NEGATOR = >,
    RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);
CREATE OPERATOR > (
    LEFTARG = phrase, RIGHTARG = phrase, FUNCTION = phrase_gt,
    COMMUTATOR = <, NEGATOR = <=,
    RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);
CREATE OPERATOR >= (
    LEFTARG = phrase, RIGHTARG = phrase, FUNCTION = phrase_ge,
    COMMUTATOR = <=, NEGATOR = <,
    RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);
COMMENT ON OPERATOR <(phrase, phrase) IS 'less than (bytewise order of the canonical text)';
COMMENT ON OPERATOR <=(phrase, phrase) IS 'less than or equal';
COMMENT ON OPERATOR >(phrase, phrase) IS 'greater than';
COMMENT ON OPERATOR >=(phrase, phrase) IS 'greater than or equal';

CREATE OPERATOR CLASS phrase_btree_ops
    DEFAULT FOR TYPE phrase USING btree AS
    OPERATOR 1 < (phrase, phrase),
    OPERATOR 2 <= (phrase, phrase),
    OPERATOR 3 = (phrase, phrase),
    OPERATOR 4 >= (phrase, phrase),
    OPERATOR 5 > (phrase, phrase),
    FUNCTION 1 phrase_cmp(phrase, phrase);
COMMENT ON OPERATOR CLASS phrase_btree_ops USING btree IS 'btree operator class for phrase';
COMMENT ON OPERATOR FAMILY phrase_btree_ops USING btree IS 'btree operator family for phrase';

-- containment ----------------------------------------------------------------

CREATE FUNCTION phrase_text_contains(pg_catalog.text, phrase) RETURNS pg_catalog.bool
    AS 'MODULE_PATHNAME', 'newsext_text_contains_phrase'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 100;
CREATE FUNCTION phrase_contained_in(phrase, pg_catalog.text) RETURNS pg_catalog.bool
    AS 'MODULE_PATHNAME', 'newsext_phrase_contained_in_text'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 100;
COMMENT ON FUNCTION phrase_text_contains(pg_catalog.text, phrase) IS 'implementation of text @> phrase';
COMMENT ON FUNCTION phrase_contained_in(phrase, pg_catalog.text) IS 'implementation of phrase <@ text';

CREATE FUNCTION phrase_contsel(pg_catalog.internal, pg_catalog.oid, pg_catalog.internal, pg_catalog.int4)
    RETURNS pg_catalog.float8
    AS 'MODULE_PATHNAME', 'newsext_phrase_contsel'
    LANGUAGE C STABLE STRICT PARALLEL SAFE COST 1;
-- STABLE, not IMMUTABLE: it reads the column statistics (as the built-in estimators do)
COMMENT ON FUNCTION phrase_contsel(pg_catalog.internal, pg_catalog.oid, pg_catalog.internal, pg_catalog.int4) IS
    'restriction selectivity of text @> phrase: word frequencies of news and the column''s average width';

CREATE OPERATOR @> (
    LEFTARG = pg_catalog.text, RIGHTARG = phrase, FUNCTION = phrase_text_contains,
    COMMUTATOR = <@,
    RESTRICT = phrase_contsel, JOIN = pg_catalog.contjoinsel
);
CREATE OPERATOR <@ (
    LEFTARG = phrase, RIGHTARG = pg_catalog.text, FUNCTION = phrase_contained_in,
    COMMUTATOR = @>,
    RESTRICT = phrase_contsel, JOIN = pg_catalog.contjoinsel
);
COMMENT ON OPERATOR @>(pg_catalog.text, phrase) IS 'text contains the phrase: its words, next to each other, in this order';
COMMENT ON OPERATOR <@(phrase, pg_catalog.text) IS 'phrase is contained in the text';

CREATE FUNCTION phrase_count(pg_catalog.text, phrase) RETURNS pg_catalog.int4
    AS 'MODULE_PATHNAME', 'newsext_phrase_count'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 100;
COMMENT ON FUNCTION phrase_count(pg_catalog.text, phrase) IS 'number of non-overlapping occurrences of the phrase in the text';

CREATE FUNCTION phrase_snippet(doc pg_catalog.text, query phrase,
                               words_around pg_catalog.int4 DEFAULT 10,
                               start_sel pg_catalog.text DEFAULT '<b>',
                               stop_sel pg_catalog.text DEFAULT '</b>')
    RETURNS pg_catalog.text
    AS 'MODULE_PATHNAME', 'newsext_phrase_snippet'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 400;
COMMENT ON FUNCTION phrase_snippet(pg_catalog.text, phrase, pg_catalog.int4, pg_catalog.text, pg_catalog.text) IS
    'the first occurrence of the phrase with words_around words either side, marked with start_sel and stop_sel; NULL if the phrase does not occur';

-- introspection --------------------------------------------------------------

CREATE FUNCTION phrase_tokens(pg_catalog.text) RETURNS pg_catalog.text[]
    AS 'MODULE_PATHNAME', 'newsext_phrase_tokens'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 600;
COMMENT ON FUNCTION phrase_tokens(pg_catalog.text) IS 'the normalised tokens the phrase tokenizer reads in a text';

CREATE FUNCTION phrase_keys(phrase) RETURNS pg_catalog.int4[]
    AS 'MODULE_PATHNAME', 'newsext_phrase_keys_phrase'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 5;
CREATE FUNCTION phrase_keys(pg_catalog.text) RETURNS pg_catalog.int4[]
    AS 'MODULE_PATHNAME', 'newsext_phrase_keys_text'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 800;
COMMENT ON FUNCTION phrase_keys(phrase) IS 'the gin_phrase_ops keys a query for this phrase looks up';
COMMENT ON FUNCTION phrase_keys(pg_catalog.text) IS 'the gin_phrase_ops keys indexed for this text';

CREATE FUNCTION phrase_tokenizer_version() RETURNS pg_catalog.int4
    AS 'MODULE_PATHNAME', 'newsext_phrase_tokenizer_version'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 1;
COMMENT ON FUNCTION phrase_tokenizer_version() IS 'version of the phrase tokenizer and key format; a change requires REINDEX of gin_phrase_ops indexes';

-- GIN operator class ---------------------------------------------------------
-- The query argument of extract_query/consistent is declared as text (the
-- opclass input type, which amvalidate expects); the datum is a phrase. There is
-- no triConsistent (support function 6): with one, PostgreSQL's GIN keeps
-- asking for a recheck of every row after the first row it answered "maybe"
-- for, while GIN's own ternary wrapper around consistent asks row by row
-- (src/phrase_gin.c).

CREATE FUNCTION phrase_gin_compare(pg_catalog.int4, pg_catalog.int4) RETURNS pg_catalog.int4
    AS 'MODULE_PATHNAME', 'newsext_phrase_gin_compare'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 1;
CREATE FUNCTION phrase_gin_extract_value(pg_catalog.text, pg_catalog.internal, pg_catalog.internal)
    RETURNS pg_catalog.internal
    AS 'MODULE_PATHNAME', 'newsext_phrase_gin_extract_value'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 800;
CREATE FUNCTION phrase_gin_extract_query(pg_catalog.text, pg_catalog.internal, pg_catalog.int2,
                                         pg_catalog.internal, pg_catalog.internal,
                                         pg_catalog.internal, pg_catalog.internal)
    RETURNS pg_catalog.internal
    AS 'MODULE_PATHNAME', 'newsext_phrase_gin_extract_query'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 5;
CREATE FUNCTION phrase_gin_consistent(pg_catalog.internal, pg_catalog.int2, pg_catalog.text,
                                      pg_catalog.int4, pg_catalog.internal, pg_catalog.internal,
                                      pg_catalog.internal, pg_catalog.internal)
    RETURNS pg_catalog.bool
    AS 'MODULE_PATHNAME', 'newsext_phrase_gin_consistent'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 1;
COMMENT ON FUNCTION phrase_gin_compare(pg_catalog.int4, pg_catalog.int4) IS
    'GIN support: order of keys (as btint4cmp), polling for interrupts';
COMMENT ON FUNCTION phrase_gin_extract_value(pg_catalog.text, pg_catalog.internal, pg_catalog.internal) IS
    'GIN support: keys of an indexed text';
COMMENT ON FUNCTION phrase_gin_extract_query(pg_catalog.text, pg_catalog.internal, pg_catalog.int2, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal) IS
    'GIN support: keys of a phrase query';
COMMENT ON FUNCTION phrase_gin_consistent(pg_catalog.internal, pg_catalog.int2, pg_catalog.text, pg_catalog.int4, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal, pg_catalog.internal) IS
    'GIN support: true when every key of the phrase is present; asks for a recheck unless the phrase is one common word or two of the most common (exact keys)';

CREATE OPERATOR CLASS gin_phrase_ops
    FOR TYPE pg_catalog.text USING gin AS
    OPERATOR 7 @> (pg_catalog.text, phrase),
    FUNCTION 1 phrase_gin_compare(pg_catalog.int4, pg_catalog.int4),
    FUNCTION 2 phrase_gin_extract_value(pg_catalog.text, pg_catalog.internal, pg_catalog.internal),
    FUNCTION 3 phrase_gin_extract_query(pg_catalog.text, pg_catalog.internal, pg_catalog.int2,
                                        pg_catalog.internal, pg_catalog.internal,
                                        pg_catalog.internal, pg_catalog.internal),
    FUNCTION 4 phrase_gin_consistent(pg_catalog.internal, pg_catalog.int2, pg_catalog.text,
                                     pg_catalog.int4, pg_catalog.internal, pg_catalog.internal,
                                     pg_catalog.internal, pg_catalog.internal),
    STORAGE pg_catalog.int4;
COMMENT ON OPERATOR CLASS gin_phrase_ops USING gin IS
    'exact phrase search on text: text @> phrase, word-pair and word keys (exact for common words, hashed otherwise); candidates found by hashed keys are rechecked';
COMMENT ON OPERATOR FAMILY gin_phrase_ops USING gin IS
    'exact phrase search on text (gin_phrase_ops)';
COMMENT ON OPERATOR FAMILY phrase_hash_ops USING hash IS 'hash operator family for phrase';
