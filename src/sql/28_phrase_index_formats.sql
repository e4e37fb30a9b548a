
-- ---------------------------------------------------------------------------
-- Which gin_phrase_ops indexes need a REINDEX after an upgrade
-- ---------------------------------------------------------------------------
-- An index's keys are made by the library that built it. An upgrade script records, for
-- every gin_phrase_ops index that exists when it runs, the key format of the release being
-- upgraded from, together with the index's relfilenode. Any rebuild (REINDEX, REINDEX
-- CONCURRENTLY, VACUUM FULL, CLUSTER, a table rewrite, a restore from pg_dump) gives the
-- index a new relfilenode and keys of the running library, so the record no longer applies.
-- The table is not dumped: a restored index is built by the restoring library.

CREATE TABLE phrase_index_key_formats (
    indexrelid pg_catalog.oid NOT NULL,
    relfilenode pg_catalog.oid NOT NULL,
    key_format pg_catalog.int4 NOT NULL,
    PRIMARY KEY (indexrelid, relfilenode)
);
COMMENT ON TABLE phrase_index_key_formats IS
'key format of gin_phrase_ops index files that an upgrade found, by index and relfilenode (written by upgrade scripts; read it through phrase_indexes)';

-- a view, not a function: it reads the catalogs, so it could only be STABLE, and a view is
-- what \dv lists and BI tools show
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
