\set ECHO none
-- pg_temp.plan_shape(query): EXPLAIN (costs off) of the query without the lines only some
-- PostgreSQL majors print (18 marks a node that enable_* = off could not avoid with
-- "Disabled: true"), so a test's expected plan holds on 15 to 19. Read it with
-- \i sql/include/plan_shape.sql (pg_regress runs psql in the repository's root).
CREATE FUNCTION pg_temp.plan_shape(query text) RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE line text;
BEGIN
    FOR line IN EXECUTE 'EXPLAIN (costs off) ' || query LOOP
        CONTINUE WHEN line ~ '^\s*Disabled: true$';
        RETURN NEXT line;
    END LOOP;
END $$;
\set ECHO all
