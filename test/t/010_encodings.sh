#!/usr/bin/env bash
# shellcheck disable=SC1111  # the curly quotes are test data
# Encodings: the one encoding boundary (src/encoding.c). In LATIN1, WIN1252, EUC_JP and
# SQL_ASCII databases every function gives the answer a UTF8 database gives for text the
# encoding can hold; positions count what substr() counts there. SQL_ASCII's rule: text is
# read as UTF-8, any other byte raises 22021 in every function.
set -uo pipefail
. "$(dirname "$0")/tap.sh"

encodings="UTF8 LATIN1 WIN1252 EUC_JP SQL_ASCII"
dbname() { echo "newsext_enc_$(echo "$1" | tr 'A-Z' 'a-z')"; }
for enc in $encodings; do
    db=$(dbname "$enc")
    q postgres "DROP DATABASE IF EXISTS $db" >/dev/null
    is "$(q postgres "CREATE DATABASE $db ENCODING '$enc' TEMPLATE template0 LC_COLLATE 'C' LC_CTYPE 'C'")" "" "$enc: database created"
    is "$(q "$db" "CREATE EXTENSION newsext")" "" "$enc: extension created"
done
sql_quote() { printf %s "$1" | sed "s/'/''/g"; }

# Latin-1 letters (LATIN1, WIN1252, and EUC_JP's JIS X 0212 hold them too)
latin=$'Lula rallies supporters in São Paulo\n12 March 2019\nReading time: 3 minutes\n\nSÃO PAULO (Reuters) - Former president Luiz Inácio Lula da Silva told supporters in São Paulo on Tuesday that the Workers\' Party would fight the ruling.\n\n"We will not give up," Lula said at the rally, which the party had organised with unions from Rio de Janeiro.\n\nFollow us on Twitter\n\nReuter'
# Japanese text in an English article (EUC_JP only)
japan=$'Toyota to build a plant in Ohio\n12 March 2019\n\nTOKYO (Reuters) - Toyota Motor Corp said on Tuesday it would build a plant in Ohio, its chairman Akio Toyoda said in 東京 (Tokyo), where the company has its head office.\n\n"We are committed to America," Toyoda told reporters at the 日本 event.'
# typographic quotes (WIN1252 holds them, LATIN1 does not)
curly=$'Mayor backs “green” plan\n4 September 2016\n\nLONDON — The mayor, Sadiq Khan, said on Monday the plan was “a good start” for the city of London.'

# one line per function: every SQL function that reads an article
answers() {
    local db=$1 t; t=$(sql_quote "$2")
    q "$db" "SELECT parse_article('$t')::text"
    q "$db" "SELECT parse_article_json('$t')::text"
    q "$db" "SELECT coalesce(string_agg(format('%s|%s|%s|%s|%s', entity, kind, mention, position, length), ';'), '-') FROM article_mentions('$t')"
    q "$db" "SELECT coalesce(string_agg(format('%s|%s|%s|%s', entity, kind, mentions, first_position), ';'), '-') FROM article_entities('$t')"
    q "$db" "SELECT coalesce(string_agg(format('%s|%s|%s', quote, speaker, position), ';'), '-') FROM article_quotes('$t')"
    q "$db" "SELECT format('%s %s %s', '$t' @> 'told supporters'::phrase, phrase_count('$t', 'said'), phrase_snippet('$t', 'said on Tuesday', 2))"
    # non-ASCII marks: they reach the snippet as UTF-8, as the text does
    q "$db" "SELECT format('%s %s %s', '$t' @@@ 'supporters AND -nothing'::phrase_query, phrase_query_count('$t', 'said OR Tuesday'), phrase_query_snippet('$t', 'São OR Tuesday OR Monday', 2, '<é>', '</é>'))"
    q "$db" "SELECT article_headline('$t') || ' ' || article_date('$t')"
}
# positions are what substr() counts in the database, in every encoding
positions_ok() {
    local db=$1 t; t=$(sql_quote "$2")
    q "$db" "SELECT count(*) > 0 AND bool_and(substr('$t', position, length) = mention) FROM article_mentions('$t')"
}
check_same() {
    local enc=$1 name=$2 text=$3 want got i f
    want=$(answers "$(dbname UTF8)" "$text")
    got=$(answers "$(dbname "$enc")" "$text")
    i=0
    for f in parse_article parse_article_json article_mentions article_entities article_quotes "@>/phrase_count/phrase_snippet" "@@@/phrase_query_count/phrase_query_snippet" "article_headline/article_date"; do
        i=$((i + 1))
        is "$(echo "$got" | sed -n "${i}p")" "$(echo "$want" | sed -n "${i}p")" "$enc: $f of the $name article as in UTF8"
    done
    is "$(positions_ok "$(dbname "$enc")" "$text")" "t" "$enc: substr(text, position, length) is the mention ($name)"
}

is "$(positions_ok "$(dbname UTF8)" "$latin")" "t" "UTF8: substr(text, position, length) is the mention"
for enc in LATIN1 WIN1252 EUC_JP; do check_same "$enc" latin "$latin"; done
check_same EUC_JP japan "$japan"
check_same WIN1252 curly "$curly"

# the users' bugs, named: LATIN1 entities, EUC_JP json
db=$(dbname LATIN1)
t=$(sql_quote "$latin")
is "$(q "$db" "SELECT 'Luiz Inácio Lula da Silva' = ANY(p.people) AND NOT EXISTS (SELECT FROM unnest(p.people) n WHERE n ILIKE '%paulo%') FROM parse_article('$t') p")" "t" \
   "LATIN1: Luiz Inácio Lula da Silva is one person, SÃO PAULO is none"
is "$(q "$db" "SELECT 'São Paulo' = ANY((parse_article('$t')).places)")" "t" "LATIN1: São Paulo is a place"
is "$(q "$(dbname EUC_JP)" "SELECT parse_article_json('$(sql_quote "$japan")') ->> 'headline'")" "Toyota to build a plant in Ohio" \
   "EUC_JP: parse_article_json works"
is "$(q "$db" "SELECT article_headline('$(sql_quote "$curly")')")" \
   "ERROR 22P05: character with byte sequence 0xe2 0x80 0x9c in encoding \"UTF8\" has no equivalent in encoding \"LATIN1\"" \
   "LATIN1: text that LATIN1 cannot hold never reaches the function"
is "$(q "$db" "SELECT article_headline(E'Caf\\u00e9\\u00a0owners\\u00a0\\u00a0protest today')")" "Café owners protest today" \
   "LATIN1: a no-break space is white space"
phrase_sql="SELECT 'Café owners'::phrase::text || ' ' || ('Les Café  Owners' @> 'café owners'::phrase)"
is "$(q "$db" "$phrase_sql")" "$(q "$(dbname UTF8)" "$phrase_sql")" "LATIN1: the phrase type reads and writes Latin-1 as UTF8 does"

# SQL_ASCII: UTF-8 bytes are read as UTF-8; positions count bytes, as substr() there does
db=$(dbname SQL_ASCII)
is "$(positions_ok "$db" "$latin")" "t" "SQL_ASCII: substr(text, position, length) is the mention (bytes)"
is "$(q "$db" "SELECT array_to_string((parse_article('$t')).people, ',')")" \
   "$(q "$(dbname UTF8)" "SELECT array_to_string((parse_article('$t')).people, ',')")" "SQL_ASCII: UTF-8 names as in UTF8"
is "$(q "$db" "SELECT encode(textsend(article_headline('$(sql_quote "$curly")')), 'hex')")" \
   "$(printf %s 'Mayor backs “green” plan' | od -An -tx1 | tr -d ' \n')" "SQL_ASCII: headline bytes unchanged"
# ... and other bytes raise 22021 in every function: one rule
bad="convert_from('\\x436166e9206f776e65727320696e205ac3bc72696368'::bytea, 'SQL_ASCII')"
for f in "parse_article($bad)" "parse_article_json($bad)" "article_headline($bad)" "article_date($bad)" \
         "(SELECT count(*) FROM article_mentions($bad))" "(SELECT count(*) FROM article_entities($bad))" \
         "(SELECT count(*) FROM article_quotes($bad))" "$bad @> 'owners'::phrase" "phrase_count($bad, 'owners')" \
         "phrase_snippet($bad, 'owners')" "$bad::phrase"; do
    is "$(q "$db" "SELECT $f IS NULL")" "ERROR 22021: text is not valid UTF-8" "SQL_ASCII: ${f%%(*} refuses Latin-1 bytes (22021)"
done
is "$(q "$db" "SELECT article_headline(convert_from('\\x4e6f7720c2a0616e64205468656e'::bytea, 'SQL_ASCII'))")" "Now and Then" \
   "SQL_ASCII: valid UTF-8 no-break space is white space"

for enc in $encodings; do
    q postgres "DROP DATABASE $(dbname "$enc")" >/dev/null
done
