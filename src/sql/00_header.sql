/* newsext install script: built by concatenating the files in src/sql/ in name order */

-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "CREATE EXTENSION newsext" to load this file. \quit

