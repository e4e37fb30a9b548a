-- newsext upgrade script 0.1.0 -> 0.2.0 (ALTER EXTENSION newsext UPDATE TO '0.2.0')
--
-- Every change a release makes to the SQL objects of src/sql/ is written here too, so that an
-- upgraded database ends with the same objects as a fresh install (make check-upgrade compares
-- them). One section per change, each headed by a comment that says what and why.

-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "ALTER EXTENSION newsext UPDATE TO '0.2.0'" to load this file. \quit
