/* newsext install script: built by concatenating src/sql/*.sql in name order */

-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "CREATE EXTENSION newsext" to load this file. \quit

