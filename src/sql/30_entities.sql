-- Named entities and quotes (issue 4). The tagger's model is model/newsext_ner.bin,
-- installed into the extension directory and memory-mapped once per backend.

CREATE FUNCTION article_mentions(body pg_catalog.text,
    OUT entity pg_catalog.text, OUT kind pg_catalog.text, OUT mention pg_catalog.text,
    OUT "position" pg_catalog.int4, OUT length pg_catalog.int4)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'newsext_article_mentions'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
ROWS 20;

COMMENT ON FUNCTION article_mentions(pg_catalog.text) IS
'every named-entity mention in text order: canonical entity, kind (person, organization, place, other), the mention as written, its 1-based character position (as substr() counts) and length';

CREATE FUNCTION article_entities(body pg_catalog.text,
    OUT entity pg_catalog.text, OUT kind pg_catalog.text, OUT mentions pg_catalog.int4,
    OUT first_position pg_catalog.int4)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'newsext_article_entities'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
ROWS 10;

COMMENT ON FUNCTION article_entities(pg_catalog.text) IS
'one row per canonical entity ("Obama" folds into "Barack Obama", "U.S." is "United States"), in order of first mention, with its kind, number of mentions and first character position';

CREATE FUNCTION article_quotes(body pg_catalog.text,
    OUT quote pg_catalog.text, OUT speaker pg_catalog.text, OUT "position" pg_catalog.int4)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'newsext_article_quotes'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
ROWS 5;

COMMENT ON FUNCTION article_quotes(pg_catalog.text) IS
'direct quotes with an attributed speaker (canonical person, or the attribution phrase such as "a senior State Department official"), and the 1-based character position of the quoted text';
