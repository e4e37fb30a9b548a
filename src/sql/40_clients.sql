
-- ---------------------------------------------------------------------------
-- Clients (issue 15): typed string parameters for phrase search, flat columns
-- for BI tools. SQL-language functions here have SQL-standard bodies (RETURN,
-- BEGIN ATOMIC): they are parsed once, at creation, and refer to the objects
-- they use by identity, so they keep working after ALTER EXTENSION newsext
-- SET SCHEMA and whatever the caller's search_path is.
-- ---------------------------------------------------------------------------

-- pgJDBC's setString binds a character varying parameter, Npgsql and others a
-- text one; neither resolves against text @> phrase without a cast. Implicit
-- casts from exactly these two types (through phrase_in, so validation and
-- errors are those of a phrase literal) make body @> $1 resolve to the
-- indexable text @> phrase. They leave the resolution of untyped literals
-- alone: an unknown literal never looks at casts.
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
