--
-- security: objects a hostile user plants on the search_path cannot capture anything
-- during CREATE EXTENSION (the CVE-2020-14350 class; rum's sql/security.sql does the same).
-- Runs in a database of its own, so the suite's copy of the extension is left alone.
--
SELECT current_database() AS regress_db \gset
SET client_min_messages = warning;
DROP DATABASE IF EXISTS newsext_security;
CREATE DATABASE newsext_security;
\c newsext_security
SET client_min_messages = warning;

-- 1. a planted object with the name of one the script creates: CREATE EXTENSION fails
--    (the script never says CREATE OR REPLACE, so it cannot take the object over)
-- (terse: PostgreSQL 18 adds CONTEXT lines quoting the failing statement of the script)
\set VERBOSITY terse
CREATE FUNCTION public.parse_article(text) RETURNS text
	LANGUAGE sql IMMUTABLE AS $$ SELECT 'captured' $$;
CREATE EXTENSION newsext;
DROP FUNCTION public.parse_article(text);
CREATE TYPE public.parsed_article AS (captured integer);
CREATE EXTENSION newsext;
DROP TYPE public.parsed_article;
CREATE FUNCTION public.article_date(text) RETURNS date
	LANGUAGE sql IMMUTABLE AS $$ SELECT date '1970-01-01' $$;
CREATE EXTENSION newsext;
DROP FUNCTION public.article_date(text);
\set VERBOSITY default

-- 2. the target schema is full of look-alike types and functions: the script takes
--    pg_catalog's (or its own) for every name it uses
CREATE SCHEMA hostile;
CREATE TYPE hostile.text AS (captured integer);
CREATE TYPE hostile.date AS (captured integer);
CREATE TYPE hostile.int4 AS (captured integer);
CREATE TYPE hostile.jsonb AS (captured integer);
CREATE FUNCTION hostile.text(pg_catalog.text) RETURNS pg_catalog.text
	LANGUAGE sql AS $$ SELECT 'captured' $$;
SET search_path = hostile, public;
CREATE EXTENSION newsext SCHEMA hostile;
RESET search_path;

-- every type in the extension's signatures and its composite type is pg_catalog's or its own
SELECT p.oid::regprocedure::text AS function, t.typnamespace::regnamespace AS type_schema, t.typname
FROM pg_depend d
JOIN pg_proc p ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid
CROSS JOIN LATERAL unnest(p.proargtypes::oid[] || p.prorettype) AS u(typ)
JOIN pg_type t ON t.oid = u.typ
WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'newsext')
  AND t.typnamespace <> 'pg_catalog'::regnamespace
  AND NOT EXISTS (SELECT 1 FROM pg_depend d2 WHERE d2.classid = 'pg_type'::regclass
                  AND d2.objid = t.oid AND d2.deptype = 'e' AND d2.refobjid = d.refobjid)
  AND NOT EXISTS (SELECT 1 FROM pg_depend d2 WHERE d2.classid = 'pg_class'::regclass
                  AND d2.objid = t.typrelid AND d2.deptype = 'e' AND d2.refobjid = d.refobjid);
SELECT c.relname, a.attname, t.typnamespace::regnamespace AS type_schema, t.typname
FROM pg_depend d
JOIN pg_class c ON d.classid = 'pg_class'::regclass AND d.objid = c.oid
JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0
JOIN pg_type t ON t.oid = a.atttypid
WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'newsext')
  AND t.typnamespace <> 'pg_catalog'::regnamespace;

-- nothing runs with its owner's rights, nothing pins a search_path or other setting
SELECT p.oid::regprocedure AS definer_or_configured
FROM pg_depend d JOIN pg_proc p ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid
WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'newsext')
  AND (p.prosecdef OR p.proconfig IS NOT NULL);

-- and the functions, called through the hostile search_path, give the real answers
SET search_path = hostile, public;
SELECT (a).headline, (a).published,
	pg_typeof((a).headline) = 'pg_catalog.text'::regtype AS real_text,
	pg_typeof((a).published) = 'pg_catalog.date'::regtype AS real_date
FROM (SELECT parse_article(E'Storm closes schools across the region\nJanuary 7, 2024\n\nSchools closed on Thursday as snow fell.') AS a) s;
SELECT article_date(E'Storm closes schools\n04 September, 2016\n\nBody text here.') AS published,
	pg_typeof(parse_article_json('Storm closes schools')) = 'pg_catalog.jsonb'::regtype AS real_jsonb;
RESET search_path;

\c :regress_db
DROP DATABASE newsext_security;
