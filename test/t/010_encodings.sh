#!/usr/bin/env bash
# shellcheck disable=SC1111  # the curly quotes are test data
# Encodings: in LATIN1, WIN1252 and SQL_ASCII databases the functions give the right
# characters or a clear error with an errcode (22021), never wrong bytes.
set -uo pipefail
. "$(dirname "$0")/tap.sh"

art=$'Café owners in Zürich protest “new” rules\n04 September, 2016\n\nZÜRICH (Reuters) - Café owners said on Sunday that the rules would hurt trade.'
art_latin1=$'Café owners in Zürich protest à la carte rules\n04 September, 2016\n\nZÜRICH (Reuters) - Café owners said on Sunday that the rules would hurt trade.'

for enc in LATIN1 WIN1252 SQL_ASCII; do
    db=newsext_enc_$(echo "$enc" | tr 'A-Z' 'a-z')
    q postgres "DROP DATABASE IF EXISTS $db" >/dev/null
    is "$(q postgres "CREATE DATABASE $db ENCODING '$enc' TEMPLATE template0 LC_COLLATE 'C' LC_CTYPE 'C'")" "" "$enc: database created"
    is "$(q "$db" "CREATE EXTENSION newsext")" "" "$enc: extension created"
done

# LATIN1: characters arrive converted, leave converted back: the same text, and Latin-1 bytes
db=newsext_enc_latin1
text=$(printf %s "$art_latin1" | sed "s/'/''/g")
is "$(q $db "SELECT article_headline('$text')")" "Café owners in Zürich protest à la carte rules" "LATIN1: headline"
is "$(q $db "SELECT encode(convert_to(article_headline('$text'), 'LATIN1'), 'hex')")" \
   "$(printf %s 'Café owners in Zürich protest à la carte rules' | iconv -f UTF-8 -t LATIN1 | od -An -tx1 | tr -d ' \n')" \
   "LATIN1: headline bytes are Latin-1"
is "$(q $db "SELECT (parse_article('$text')).dateline")" "ZÜRICH" "LATIN1: dateline"
is "$(q $db "SELECT (parse_article('$text')).body")" "Café owners said on Sunday that the rules would hurt trade." "LATIN1: body"
is "$(q $db "SELECT article_date('$text')")" "2016-09-04" "LATIN1: date"
is "$(q $db "SELECT parse_article_json('$text') ->> 'headline'")" "Café owners in Zürich protest à la carte rules" "LATIN1: jsonb headline"
is "$(q $db "SELECT article_headline(E'Caf\\u00e9\\u00a0owners\\u00a0\\u00a0protest today')")" "Café owners protest today" \
   "LATIN1: a no-break space is white space"
is "$(q $db "SELECT article_headline('$(printf %s "$art" | sed "s/'/''/g")')")" \
   "ERROR 22P05: character with byte sequence 0xe2 0x80 0x9c in encoding \"UTF8\" has no equivalent in encoding \"LATIN1\"" \
   "LATIN1: text that LATIN1 cannot hold never reaches the function"

# WIN1252: typographic quotes and dashes exist there, and round-trip through the core
db=newsext_enc_win1252
text=$(printf %s "$art" | sed "s/'/''/g")
is "$(q $db "SELECT article_headline('$text')")" "Café owners in Zürich protest “new” rules" "WIN1252: headline with curly quotes"
is "$(q $db "SELECT (parse_article('$text')).dateline || ' / ' || article_date('$text')")" "ZÜRICH / 2016-09-04" "WIN1252: dateline and date"
is "$(q $db "SELECT (parse_article(E'Talks resume\\n\\nGENEVA \\u2014 Officials met on Sunday.')).dateline")" "GENEVA" \
   "WIN1252: an em dash after a dateline"

# SQL_ASCII: UTF-8 bytes are parsed as UTF-8 and come back unchanged ...
db=newsext_enc_sql_ascii
is "$(q $db "SELECT article_headline('$text')")" "Café owners in Zürich protest “new” rules" "SQL_ASCII: UTF-8 headline"
is "$(q $db "SELECT encode(textsend(article_headline('$text')), 'hex')")" \
   "$(printf %s 'Café owners in Zürich protest “new” rules' | od -An -tx1 | tr -d ' \n')" "SQL_ASCII: headline bytes unchanged"
is "$(q $db "SELECT (parse_article('$text')).dateline || ' / ' || article_date('$text')")" "ZÜRICH / 2016-09-04" "SQL_ASCII: dateline and date"
# ... and other bytes are refused with an errcode, not reinterpreted
bad="convert_from('\\x436166e9206f776e65727320696e205ac3bc72696368'::bytea, 'SQL_ASCII')"
for f in parse_article parse_article_json article_headline article_date; do
    is "$(q $db "SELECT $f($bad) IS NULL")" "ERROR 22021: article text is not valid UTF-8" "SQL_ASCII: $f refuses Latin-1 bytes (22021)"
done
is "$(q $db "SELECT article_headline(convert_from('\\x4e6f7720c2a0616e64205468656e'::bytea, 'SQL_ASCII'))")" "Now and Then" \
   "SQL_ASCII: valid UTF-8 no-break space is white space"

for enc in LATIN1 WIN1252 SQL_ASCII; do
    q postgres "DROP DATABASE newsext_enc_$(echo "$enc" | tr 'A-Z' 'a-z')" >/dev/null
done
