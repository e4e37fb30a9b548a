#!/usr/bin/env bash
# psycopg2: its parameters arrive as untyped literals (they work as phrase literals) or, cast
# or bound by PREPARE, as text and varchar; a generic plan with a text parameter uses
# gin_phrase_ops; an invalid phrase is 22P02; the flat BI columns have plain type OIDs.
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1
# a database of its own with the extension (test/t/run.sh connects to postgres)
export PGDATABASE=newsext_drivers_$$
"$PGBIN/psql" -X -q -d postgres -c "CREATE DATABASE $PGDATABASE" || exit 1
trap '"$PGBIN/psql" -X -q -d postgres -c "DROP DATABASE IF EXISTS $PGDATABASE"' EXIT
"$PGBIN/psql" -X -q -c "CREATE EXTENSION newsext" || exit 1
/usr/bin/python3 - test/data/seed.txt <<'EOF'
import sys
import psycopg2

n = failed = 0
def ok(passed, what, got):
    global n, failed
    n += 1
    print(("ok " if passed else "not ok ") + "%d - psycopg2: %s" % (n, what))
    if not passed:
        failed += 1
        print("#   got: %r" % (got,))

conn = psycopg2.connect("")  # PGHOST, PGPORT, PGUSER from the environment
conn.autocommit = True
cur = conn.cursor()
cur.execute("DROP TABLE IF EXISTS py_docs, py_articles CASCADE")
cur.execute("CREATE TABLE py_docs (id int PRIMARY KEY, body text)")
cur.execute("INSERT INTO py_docs VALUES (1, %s), (2, %s), (3, %s)",
            ("Russia walked back its offer", "walked home, then back", "It was WALKED BACK twice"))
cur.execute("CREATE INDEX py_docs_phrase ON py_docs USING gin (body gin_phrase_ops)")

def ids(sql, *params):
    try:
        cur.execute(sql, params)
        return [r[0] for r in cur.fetchall()]
    except psycopg2.Error as e:
        return "%s %s" % (e.pgcode, e.pgerror.splitlines()[0])

for form in ("%s", "%s::text", "%s::varchar"):
    got = ids("SELECT id FROM py_docs WHERE body @> " + form + " ORDER BY id", "walked back")
    ok(got == [1, 3], "body @> " + form, got)
got = ids("SELECT phrase_count(body, %s::varchar) FROM py_docs ORDER BY id", "walked")
ok(got == [1, 1, 1], "phrase_count(body, %s::varchar)", got)

cur.execute("PREPARE py_by_text(text) AS SELECT id FROM py_docs WHERE body @> $1 ORDER BY id")
got = ids("EXECUTE py_by_text(%s)", "Walked back!")
ok(got == [1, 3], "PREPARE with a text parameter, EXECUTE", got)
cur.execute("SET plan_cache_mode = force_generic_plan")
cur.execute("SET enable_seqscan = off")
cur.execute("EXPLAIN (costs off) EXECUTE py_by_text(%s)", ("walked back",))
plan = "\n".join(r[0] for r in cur.fetchall())
ok("Bitmap Index Scan on py_docs_phrase" in plan and "($1)::phrase" in plan,
   "the generic plan with a text parameter uses gin_phrase_ops", plan)
cur.execute("RESET enable_seqscan")
cur.execute("RESET plan_cache_mode")

for form in ("%s", "%s::text", "%s::varchar"):
    got = ids("SELECT id FROM py_docs WHERE body @> " + form, "!!!")
    ok(got == '22P02 ERROR:  invalid input syntax for type phrase: "!!!"',
       "an invalid phrase as " + form + " is 22P02", got)

cur.execute("CREATE TABLE py_articles (id int PRIMARY KEY, body text)")
cur.execute("INSERT INTO py_articles VALUES (1, %s)", (open(sys.argv[1], encoding="utf-8").read(),))
cur.execute("SELECT a.id, f.* FROM py_articles a, LATERAL parse_article_flat(a.body) f")
row = cur.fetchone()
# int4 23, text 25, date 1082: nothing an ORM or BI driver has to know about
oids = sorted({d.type_code for d in cur.description})
ok(oids == [23, 25, 1082], "parse_article_flat columns are int4, text and date", oids)
people = row[[d.name for d in cur.description].index("people_list")]
ok(people == "John Kerry; Sergei Lavrov; Barack Obama; Bashar al-Assad; Theresa May",
   "people_list of the seed article", people)
cur.execute("DROP TABLE py_docs, py_articles")
print("# psycopg2: %d passed, %d failed" % (n - failed, failed))
sys.exit(1 if failed else 0)
EOF
