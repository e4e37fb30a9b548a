-- Every SQL object of the newsext extension, one property a line:
--   <object> :: <property> = <value>
-- make check-upgrade runs this in an upgraded and in a freshly installed database and compares
-- the two listings line by line, so a change to src/sql/ that the upgrade script misses shows
-- as the object and property that differ.
\pset format unaligned
\pset tuples_only on
\pset null '(null)'
WITH ext AS (
    SELECT oid, extname FROM pg_catalog.pg_extension WHERE extname = 'newsext'
), members AS (
    SELECT d.classid, d.objid, pg_catalog.pg_describe_object(d.classid, d.objid, 0) AS obj
    FROM pg_catalog.pg_depend d JOIN ext ON d.refobjid = ext.oid
    WHERE d.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass AND d.deptype = 'e'
), props(obj, prop, val) AS (
    -- the extension itself
    SELECT 'extension newsext', 'version', e.extversion FROM pg_catalog.pg_extension e JOIN ext USING (oid)
    UNION ALL
    SELECT 'extension newsext', 'relocatable', e.extrelocatable::text FROM pg_catalog.pg_extension e JOIN ext USING (oid)
    UNION ALL
    -- membership and comment of every object
    SELECT m.obj, 'member', 'yes' FROM members m
    UNION ALL
    SELECT m.obj, 'comment', pg_catalog.obj_description(m.objid, c.relname)
    FROM members m JOIN pg_catalog.pg_class c ON c.oid = m.classid
    UNION ALL
    -- functions
    SELECT m.obj, x.prop, x.val
    FROM members m JOIN pg_catalog.pg_proc p ON m.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND p.oid = m.objid
    CROSS JOIN LATERAL (VALUES
        ('arguments', pg_catalog.pg_get_function_arguments(p.oid)),
        ('returns', pg_catalog.pg_get_function_result(p.oid)),
        ('kind', p.prokind::text),
        ('language', (SELECT lanname FROM pg_catalog.pg_language WHERE oid = p.prolang)),
        ('C symbol or body', p.prosrc),
        ('library', p.probin),
        ('volatility', CASE p.provolatile WHEN 'i' THEN 'immutable' WHEN 's' THEN 'stable' ELSE 'volatile' END),
        ('strict', p.proisstrict::text),
        ('parallel', CASE p.proparallel WHEN 's' THEN 'safe' WHEN 'r' THEN 'restricted' ELSE 'unsafe' END),
        ('cost', p.procost::text),
        ('rows', p.prorows::text),
        ('security definer', p.prosecdef::text),
        ('leakproof', p.proleakproof::text),
        ('planner support', p.prosupport::text),
        ('settings', p.proconfig::text),
        ('privileges', p.proacl::text)
    ) AS x(prop, val)
    UNION ALL
    -- types
    SELECT m.obj, x.prop, x.val
    FROM members m JOIN pg_catalog.pg_type t ON m.classid = 'pg_catalog.pg_type'::pg_catalog.regclass AND t.oid = m.objid
    CROSS JOIN LATERAL (VALUES
        ('kind', t.typtype::text),
        ('length', t.typlen::text),
        ('by value', t.typbyval::text),
        ('alignment', t.typalign::text),
        ('storage', t.typstorage::text),
        ('category', t.typcategory::text),
        ('input', t.typinput::text), ('output', t.typoutput::text),
        ('receive', t.typreceive::text), ('send', t.typsend::text),
        ('typmod input', t.typmodin::text), ('typmod output', t.typmodout::text),
        ('analyze', t.typanalyze::text), ('subscript', t.typsubscript::text),
        ('collatable', (t.typcollation <> 0)::text),
        ('privileges', t.typacl::text)
    ) AS x(prop, val)
    UNION ALL
    -- composite types and relations: the attribute order (the C code fills composites by
    -- position) and each attribute's type; dropped attributes count, as they keep a position
    SELECT m.obj, 'attribute order',
           pg_catalog.string_agg(CASE WHEN a.attisdropped THEN '(dropped)' ELSE a.attname::text END, ', ' ORDER BY a.attnum)
    FROM members m
    JOIN pg_catalog.pg_type t ON m.classid = 'pg_catalog.pg_type'::pg_catalog.regclass AND t.oid = m.objid AND t.typrelid <> 0
    JOIN pg_catalog.pg_attribute a ON a.attrelid = t.typrelid AND a.attnum > 0
    GROUP BY m.obj
    UNION ALL
    SELECT m.obj, 'attribute ' || a.attname,
           pg_catalog.format_type(a.atttypid, a.atttypmod)
           || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
           || COALESCE(' default ' || pg_catalog.pg_get_expr(ad.adbin, ad.adrelid), '')
           || COALESCE(' comment ' || pg_catalog.col_description(a.attrelid, a.attnum), '')
    FROM members m
    JOIN pg_catalog.pg_class r ON r.oid = CASE
        WHEN m.classid = 'pg_catalog.pg_class'::pg_catalog.regclass THEN m.objid
        ELSE (SELECT typrelid FROM pg_catalog.pg_type WHERE oid = m.objid AND m.classid = 'pg_catalog.pg_type'::pg_catalog.regclass) END
    JOIN pg_catalog.pg_attribute a ON a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped
    LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
    UNION ALL
    -- tables, views, sequences
    SELECT m.obj, x.prop, x.val
    FROM members m JOIN pg_catalog.pg_class r ON m.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND r.oid = m.objid
    CROSS JOIN LATERAL (VALUES
        ('relation kind', r.relkind::text),
        ('view definition', CASE WHEN r.relkind IN ('v', 'm') THEN pg_catalog.pg_get_viewdef(r.oid) END),
        ('privileges', r.relacl::text),
        ('options', r.reloptions::text),
        ('indexes', (SELECT pg_catalog.string_agg(pg_catalog.regexp_replace(pg_catalog.pg_get_indexdef(i.indexrelid), ' ON \S+ ', ' ON '), '; ' ORDER BY 1)
                     FROM pg_catalog.pg_index i WHERE i.indrelid = r.oid))
    ) AS x(prop, val)
    UNION ALL
    -- operators
    SELECT m.obj, x.prop, x.val
    FROM members m JOIN pg_catalog.pg_operator o ON m.classid = 'pg_catalog.pg_operator'::pg_catalog.regclass AND o.oid = m.objid
    CROSS JOIN LATERAL (VALUES
        ('result', o.oprresult::pg_catalog.regtype::text),
        ('function', o.oprcode::pg_catalog.regprocedure::text),
        ('commutator', NULLIF(o.oprcom, 0)::pg_catalog.regoperator::text),
        ('negator', NULLIF(o.oprnegate, 0)::pg_catalog.regoperator::text),
        ('restriction estimator', o.oprrest::text),
        ('join estimator', o.oprjoin::text),
        ('hashes', o.oprcanhash::text),
        ('merges', o.oprcanmerge::text)
    ) AS x(prop, val)
    UNION ALL
    -- operator classes
    SELECT m.obj, x.prop, x.val
    FROM members m JOIN pg_catalog.pg_opclass c ON m.classid = 'pg_catalog.pg_opclass'::pg_catalog.regclass AND c.oid = m.objid
    CROSS JOIN LATERAL (VALUES
        ('default', c.opcdefault::text),
        ('input type', c.opcintype::pg_catalog.regtype::text),
        ('storage type', NULLIF(c.opckeytype, 0)::pg_catalog.regtype::text),
        ('family', pg_catalog.pg_describe_object('pg_catalog.pg_opfamily'::pg_catalog.regclass, c.opcfamily, 0))
    ) AS x(prop, val)
    UNION ALL
    -- operator families: their operators and support functions
    SELECT m.obj, pg_catalog.format('operator %s (%s, %s)', ao.amopstrategy, ao.amoplefttype::pg_catalog.regtype, ao.amoprighttype::pg_catalog.regtype),
           ao.amopopr::pg_catalog.regoperator::text
           || CASE ao.amoppurpose WHEN 'o' THEN ' for order by ' || ao.amopsortfamily::text ELSE '' END
    FROM members m JOIN pg_catalog.pg_amop ao ON m.classid = 'pg_catalog.pg_opfamily'::pg_catalog.regclass AND ao.amopfamily = m.objid
    UNION ALL
    SELECT m.obj, pg_catalog.format('function %s (%s, %s)', ap.amprocnum, ap.amproclefttype::pg_catalog.regtype, ap.amprocrighttype::pg_catalog.regtype),
           ap.amproc::pg_catalog.regprocedure::text
    FROM members m JOIN pg_catalog.pg_amproc ap ON m.classid = 'pg_catalog.pg_opfamily'::pg_catalog.regclass AND ap.amprocfamily = m.objid
    UNION ALL
    -- casts
    SELECT m.obj, x.prop, x.val
    FROM members m JOIN pg_catalog.pg_cast c ON m.classid = 'pg_catalog.pg_cast'::pg_catalog.regclass AND c.oid = m.objid
    CROSS JOIN LATERAL (VALUES
        ('function', NULLIF(c.castfunc, 0)::pg_catalog.regprocedure::text),
        ('context', c.castcontext::text),
        ('method', c.castmethod::text)
    ) AS x(prop, val)
)
SELECT obj || ' :: ' || prop || ' = ' || COALESCE(pg_catalog.replace(val, E'\n', ' '), '(null)')
FROM props
ORDER BY 1;
