#!/usr/bin/env bash
# make check-upgrade: on a throwaway server, install the previous release (0.1.0), build on it
# what the README recommends (test/upgrade/objects.sql), ALTER EXTENSION newsext UPDATE, and
# check that every object still works and answers as in a fresh install of this release: the
# same catalog objects (test/upgrade/catalog.sql), the same query answers (answers.sql), index
# scans that use their index and agree (index_queries.txt); then the REINDEX flagging of
# gin_phrase_ops indexes (phrase_indexes), and a pg_dump -Fc / pg_restore round trip of the
# upgraded database. Prints "ok N - ..." / "not ok N - ..." lines and ends with
# "check-upgrade: N passed, N failed". Needs the build installed (make install).
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1
. scripts/pgtmp.sh
PREV=${NEWSEXT_UPGRADE_FROM:-0.1.0}
PREV_KEY_FORMAT=2        # phrase_tokenizer_version() of 0.1.0
CUR=$(sed -n "s/^default_version *= *'\(.*\)'/\1/p" newsext.control)
here=test/upgrade
out=$(mktemp -d /tmp/newsext-upgrade.XXXXXX)
[ "$(id -u)" -eq 0 ] && chown postgres: "$out"
tests=0; passed=0; failed=0

ok()     { tests=$((tests + 1)); passed=$((passed + 1)); echo "ok $tests - $1"; }
not_ok() { tests=$((tests + 1)); failed=$((failed + 1)); echo "not ok $tests - $1"; }
note()   { sed 's/^/#   /'; }
# psql on database $1; stops at the first error
sql()    { local db=$1; shift; "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -d "$db" "$@"; }
val()    { sql "$1" -At -c "$2" 2>&1; }
# expect DESCRIPTION GOT WANT
expect() {
    if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1"; printf 'got:  %s\nwant: %s\n' "$2" "$3" | note; fi
}
# same_output DESCRIPTION FILE_UNDER_TEST FRESH_FILE: the first 60 lines of the diff on failure
same_output() {
    if diff -q "$2" "$3" >/dev/null; then ok "$1"; else
        not_ok "$1"
        diff -u --label "$(basename "$2")" --label "$(basename "$3") (fresh $CUR install)" "$2" "$3" | head -60 | note
    fi
}

# load_articles DB: every fixture article into upgrade_articles(name, body)
load_articles() {
    {
        echo "CREATE TABLE upgrade_articles (name text PRIMARY KEY, body text NOT NULL);"
        for f in test/data/upgrade/*.txt test/data/seed.txt test/data/web.txt test/data/wire.txt \
                 test/data/sample_unicode.txt test/data/sample_crlf.txt test/data/sample_byline.txt; do
            echo "\\set name '$(basename "$f" .txt)'"
            echo "\\set body \`cat '$PWD/$f'\`"
            echo "INSERT INTO upgrade_articles VALUES (:'name', :'body');"
        done
    } | sql "$1" -f -
}

# index_queries DB TAG: run every query of index_queries.txt with sequential scans off; the
# plans go to $out/TAG.plans, the answers to $out/TAG.index
index_queries() {
    local db=$1 tag=$2 index query
    : > "$out/$tag.plans"; : > "$out/$tag.index"
    while IFS=$'\t' read -r index query; do
        case $index in ''|'#'*) continue ;; esac
        local set="SET enable_seqscan = off;"
        plan=$(sql "$db" -At -c "$set" -c "EXPLAIN (COSTS OFF) $query" 2>&1)
        if grep -qE "Scan (on|using) $index( |$)" <<< "$plan"; then
            echo "uses $index: $query" >> "$out/$tag.plans"
        else
            echo "DOES NOT USE $index: $query" >> "$out/$tag.plans"; sed 's/^/    /' <<< "$plan" >> "$out/$tag.plans"
        fi
        { echo "== $query"; sql "$db" -A -c "$set" -c "$query" 2>&1; } >> "$out/$tag.index"
    done < "$here/index_queries.txt"
}

# check_database DB TAG WHEN: the answers and index scans of DB against the fresh install's
check_database() {
    local db=$1 tag=$2 when=$3 skip_phrase_index=${4:-no}
    sql "$db" -f "$here/answers.sql" > "$out/$tag.answers" 2>&1
    same_output "$when: every answer equals the fresh install's" "$out/$tag.answers" "$out/fresh.answers"
    index_queries "$db" "$tag"
    if grep -q '^DOES NOT USE' "$out/$tag.plans"; then
        not_ok "$when: every index query uses its index"; grep '^DOES NOT USE' "$out/$tag.plans" | note
    else
        ok "$when: every index query uses its index ($(wc -l < "$out/$tag.plans") queries, EXPLAIN)"
    fi
    if [ "$skip_phrase_index" = yes ]; then
        # a gin_phrase_ops index with keys of another format answers wrongly until REINDEX
        echo "# $when: index answers of the gin_phrase_ops index not compared (needs REINDEX)"
        awk '/^== /{keep = ($0 !~ /@>|<@/)} keep' "$out/$tag.index" > "$out/$tag.index.cmp"
        awk '/^== /{keep = ($0 !~ /@>|<@/)} keep' "$out/fresh.index" > "$out/fresh.index.cmp"
        same_output "$when: index scan answers equal the fresh install's" "$out/$tag.index.cmp" "$out/fresh.index.cmp"
    else
        same_output "$when: index scan answers equal the fresh install's" "$out/$tag.index" "$out/fresh.index"
    fi
}

# check_catalog DB WHEN: the extension's objects in DB against the fresh install's
check_catalog() {
    sql "$1" -f "$here/catalog.sql" > "$out/$1.catalog" 2>&1
    if awk -f "$here/catalog_diff.awk" "$out/$1.catalog" "$out/fresh.catalog" > "$out/$1.catalog.diff"; then
        ok "$2: the extension's objects equal a fresh install's ($(wc -l < "$out/fresh.catalog") properties)"
    else
        not_ok "$2: the extension's objects equal a fresh install's"
        head -60 "$out/$1.catalog.diff" | note
    fi
}

pgtmp_start || { echo "check-upgrade: 0 passed, 1 failed"; exit 1; }
echo "# upgrade $PREV -> $CUR on $("$PGBIN/postgres" --version)"

expect "the update path $PREV -> $CUR is installed" \
    "$(val postgres "SELECT path FROM pg_available_extension_versions v, pg_extension_update_paths('newsext') p
                     WHERE v.name = 'newsext' AND v.version = '$PREV' AND p.source = '$PREV' AND p.target = '$CUR'")" \
    "$PREV--$CUR"

# the fresh install: the reference for everything below
sql postgres -c "CREATE DATABASE fresh" -c "CREATE DATABASE upgraded"
if sql fresh -c "CREATE EXTENSION newsext" && load_articles fresh && sql fresh -f "$here/objects.sql" >/dev/null; then
    ok "fresh $CUR install: articles, indexes, generated column, views created"
else
    not_ok "fresh $CUR install: articles, indexes, generated column, views created"
fi
sql fresh -f "$here/answers.sql" > "$out/fresh.answers" 2>&1
index_queries fresh fresh
sql fresh -f "$here/catalog.sql" > "$out/fresh.catalog" 2>&1
expect "fresh install: phrase_indexes lists the index with the current key format, not to rebuild" \
    "$(val fresh "SELECT index || ' ' || (key_format = phrase_tokenizer_version()) || ' ' || needs_reindex FROM phrase_indexes")" \
    "articles_body_phrase true false"

# the previous release, and the user's objects on it
if sql upgraded -c "CREATE EXTENSION newsext VERSION '$PREV'" && load_articles upgraded \
   && sql upgraded -f "$here/objects.sql" >/dev/null; then
    ok "$PREV install: articles, indexes, generated column, views created"
else
    not_ok "$PREV install: articles, indexes, generated column, views created"
fi
# between installing the new library and ALTER EXTENSION UPDATE, the old SQL objects call the
# new library: errors are acceptable there, a crash is not
sql upgraded -f "$here/answers.sql" > "$out/before.answers" 2>&1
expect "$PREV objects with the $CUR library, before ALTER EXTENSION UPDATE: no server crash" \
    "$(val upgraded "SELECT 'up'")$(grep -c 'terminated by signal' "$PGTMP_DIR/server.log")" "up0"
grep -m5 '^psql:.*ERROR' "$out/before.answers" | note

# the upgrade
sql upgraded -c "ALTER EXTENSION newsext UPDATE" > "$out/alter.log" 2>&1; rc=$?
note < "$out/alter.log"
expect "ALTER EXTENSION newsext UPDATE succeeds and reaches $CUR" \
    "$rc $(val upgraded "SELECT extversion FROM pg_extension WHERE extname = 'newsext'")" "0 $CUR"
check_catalog upgraded "upgraded"
for db in fresh; do
    missing=$(val $db "SELECT string_agg(pg_describe_object(classid, objid, 0), ', ' ORDER BY 1) FROM pg_depend d
                       WHERE refclassid = 'pg_extension'::regclass AND deptype = 'e'
                         AND refobjid = (SELECT oid FROM pg_extension WHERE extname = 'newsext')
                         AND coalesce(obj_description(objid, (SELECT relname FROM pg_class WHERE oid = classid)), '') = ''")
    expect "every object of the extension has a comment" "$missing" ""
    # catalog comments say what an object is, not its history (issue 11 point 6)
    history=$(grep -E ' :: comment = ' "$out/fresh.catalog" \
              | grep -iE '\b(no longer|previously|formerly|used to|now (uses|returns|is)|issue #?[0-9]|since (version|v?[0-9])|new in|as of|renamed|deprecated|replaces)\b')
    expect "no comment describes history" "$history" ""
done

# the flagging of gin_phrase_ops indexes built with the previous key format
cur_format=$(val fresh "SELECT phrase_tokenizer_version()")
stale=$([ "$cur_format" != "$PREV_KEY_FORMAT" ] && echo true || echo false)
expect "upgraded: phrase_indexes shows the $PREV index with key format $PREV_KEY_FORMAT (needs_reindex $stale: this release has format $cur_format)" \
    "$(val upgraded "SELECT index || ' ' || key_format || ' ' || needs_reindex FROM phrase_indexes")" \
    "articles_body_phrase $PREV_KEY_FORMAT $stale"
sql upgraded -c "CREATE ROLE newsext_upgrade_reader LOGIN" >/dev/null 2>&1
expect "a role without privileges can read phrase_indexes" \
    "$("$PGBIN/psql" -X -q -At -U newsext_upgrade_reader -d upgraded -c "SELECT count(*) FROM phrase_indexes" 2>&1)" 1
if [ "$stale" = true ]; then
    expect "the upgrade script says REINDEX for the index" \
        "$(grep -c 'REINDEX INDEX articles_body_phrase' "$out/alter.log")" 1
else
    expect "the upgrade script asks for no REINDEX (same key format)" "$(grep -c REINDEX "$out/alter.log")" 0
fi

# right after the upgrade: live answers equal the fresh install's; so do stored ones (the
# same library built them), except a gin_phrase_ops index of another key format
check_database upgraded upgraded "right after the upgrade" "$([ "$stale" = true ] && echo yes || echo no)"

# what README "Upgrading" says to do next: REINDEX what phrase_indexes flags, REFRESH
reindex=$(val upgraded "SELECT string_agg(format('REINDEX INDEX %s;', index), ' ') FROM phrase_indexes WHERE needs_reindex")
sql upgraded -c "REFRESH MATERIALIZED VIEW article_people" ${reindex:+-c "$reindex"} >/dev/null 2>&1 \
    && ok "REFRESH MATERIALIZED VIEW${reindex:+ and $reindex}" || not_ok "REFRESH MATERIALIZED VIEW${reindex:+ and $reindex}"
expect "after REINDEX no index needs one" "$(val upgraded "SELECT count(*) FROM phrase_indexes WHERE needs_reindex")" 0
check_database upgraded upgraded-maintained "after REFRESH${reindex:+ and REINDEX}"

# the flag itself, whatever this release's key format: an index recorded with an older
# format is flagged until a rebuild (REINDEX, REINDEX CONCURRENTLY) gives it a new file
flag="INSERT INTO phrase_index_key_formats SELECT oid, relfilenode, phrase_tokenizer_version() - 1
      FROM pg_class WHERE oid = 'articles_body_phrase'::regclass
      ON CONFLICT (indexrelid, relfilenode) DO UPDATE SET key_format = excluded.key_format"
status="SELECT key_format = phrase_tokenizer_version() - 1 AND needs_reindex FROM phrase_indexes"
for rebuild in "REINDEX INDEX articles_body_phrase" "REINDEX INDEX CONCURRENTLY articles_body_phrase" \
               "VACUUM FULL articles"; do
    sql upgraded -c "$flag" >/dev/null 2>&1
    expect "an index recorded with the previous key format is flagged" "$(val upgraded "$status")" t
    sql upgraded -c "$rebuild" >/dev/null 2>&1
    expect "$rebuild clears the flag" "$(val upgraded "$status")" f
done
same_output "after the rebuilds: every answer still equals the fresh install's" \
    <(sql upgraded -f "$here/answers.sql" 2>&1) "$out/fresh.answers"

# pg_dump -Fc / pg_restore of the upgraded database into a new one
"$PGBIN/pg_dump" -Fc -d upgraded -f "$out/upgraded.dump" 2> "$out/dump.err"; rc=$?
expect "pg_dump -Fc of the upgraded database: no error" "$rc $(cat "$out/dump.err")" "0 "
sql postgres -c "CREATE DATABASE restored"
"$PGBIN/pg_restore" --exit-on-error -d restored "$out/upgraded.dump" 2> "$out/restore.err"; rc=$?
expect "pg_restore into a new database: no error" "$rc $(cat "$out/restore.err")" "0 "
indexes="SELECT count(*) || ' indexes, ' || count(*) FILTER (WHERE NOT indisvalid) || ' invalid'
         FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
         WHERE c.relnamespace = 'public'::regnamespace AND c.relname <> 'phrase_index_key_formats'"
expect "restored: every index is valid (pg_index.indisvalid)" "$(val restored "$indexes")" "$(val upgraded "$indexes")"
expect "restored: 0 invalid indexes" "$(val restored "$indexes" | sed 's/.*, //')" "0 invalid"
expect "restored: extension version $CUR, no index to REINDEX" \
    "$(val restored "SELECT extversion || ' ' || (SELECT count(*) FROM phrase_indexes WHERE needs_reindex)
                     FROM pg_extension WHERE extname = 'newsext'")" "$CUR 0"
check_catalog restored "restored"
check_database restored restored "restored"

pgtmp_stop
# NEWSEXT_UPGRADE_KEEP=1 keeps the outputs of a passing run too
if [ "$failed" -eq 0 ] && [ -z "${NEWSEXT_UPGRADE_KEEP:-}" ]; then rm -rf "$out"; else echo "# outputs kept in $out"; fi
echo "check-upgrade: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
