#!/usr/bin/env bash
# The parsed_article type and the field table (src/core/fields.c) agree: same columns,
# same order, same types. The CLI prints the table (newsext fields).
set -uo pipefail
. "$(dirname "$0")/tap.sh"
cd "$(dirname "$0")/../.." || exit 1
[ -x ./newsext ] || make -s newsext >/dev/null
q postgres "CREATE EXTENSION IF NOT EXISTS newsext" >/dev/null
got=$(q postgres "SELECT string_agg(attname || ' ' || format_type(atttypid, atttypmod), ',' ORDER BY attnum) FROM pg_attribute WHERE attrelid = 'parsed_article'::regclass AND attnum > 0 AND NOT attisdropped")
want=$(./newsext fields | paste -sd, -)
is "$got" "$want" "parsed_article has the field table's columns and types"
is "$(q postgres "SELECT count(*) FROM jsonb_object_keys(parse_article_json('Title here
1 May 2020

A body paragraph that says little.')) k WHERE k NOT IN ('entities', 'quotes')")" "$(./newsext fields | wc -l)" \
   "parse_article_json has one key per field"
