-- phrase type: input normalisation, output, errors, equality, hashing, binary I/O
SELECT 'Walked  BACK!'::phrase AS ascii,
       'São Paulo''s'::phrase AS diacritics_apostrophe,
       'five-year'::phrase AS hyphen,
       E'“Walked\n back”'::phrase AS quotes_newline,
       'ﬁve ＡＢ'::phrase AS compat,
       'Москва — Кремль'::phrase AS cyrillic,
       'قالت الحكومة'::phrase AS arabic,
       '北京大学'::phrase AS han;

-- the canonical form re-parses to itself
SELECT p, p::text::phrase = p AS roundtrip
FROM (VALUES ('Secretary of State John Kerry'::phrase), ('Erdoğan’s'), ('U.S.-led')) v(p);

-- equality ignores everything the tokenizer ignores
SELECT 'walked back'::phrase = 'Walked-Back!'::phrase AS eq1,
       'Assad’s'::phrase = 'ASSAD''S'::phrase AS eq2,
       'walked back'::phrase <> 'walks back'::phrase AS ne,
       phrase_hash('walked back') = phrase_hash('WALKED, back') AS hash_eq;
SELECT count(DISTINCT p), count(*)
FROM (VALUES ('a b'::phrase), ('A-B'), ('a  b'), ('b a')) v(p);
SELECT p, count(*) FROM (VALUES ('a b'::phrase), ('A-B'), ('b a')) v(p) GROUP BY p ORDER BY p;
SELECT array_agg(p ORDER BY p) FROM (VALUES ('b'::phrase), ('a b'), ('ab'), ('a'), ('a a')) v(p);
SELECT 'a b'::phrase < 'ab'::phrase AS lt, 'b'::phrase > 'a z'::phrase AS gt, phrase_cmp('x y', 'X-Y') AS cmp0;

-- bad input: 22P02 with a detail
\set VERBOSITY default
SELECT ''::phrase;
SELECT '   '::phrase;
SELECT '... -- !!! ’'::phrase;
-- over the limits: 54000
SELECT repeat('a ', 257)::phrase;
SELECT length(repeat('a ', 256)::phrase::text) AS at_limit;
SELECT repeat('x', 65537)::phrase;
\set VERBOSITY terse
-- the SQLSTATEs
DO $$
BEGIN
  PERFORM ''::phrase;
EXCEPTION WHEN invalid_text_representation THEN RAISE NOTICE 'empty: %', SQLSTATE;
END $$;
DO $$
BEGIN
  PERFORM repeat('a ', 300)::phrase;
EXCEPTION WHEN program_limit_exceeded THEN RAISE NOTICE 'too many words: %', SQLSTATE;
END $$;
\set VERBOSITY default

-- NULL in, NULL out
SELECT NULL::phrase IS NULL AS null_phrase;

-- binary send/receive through COPY
CREATE TEMP TABLE ph_bin (p phrase);
INSERT INTO ph_bin VALUES ('Walked back'), ('São Paulo'), ('北京'), (NULL);
COPY ph_bin TO '/tmp/newsext_phrase_type.bin' (FORMAT binary);
CREATE TEMP TABLE ph_bin2 (p phrase);
COPY ph_bin2 FROM '/tmp/newsext_phrase_type.bin' (FORMAT binary);
SELECT p FROM ph_bin2 ORDER BY p::text;
SELECT encode(phrase_send('Walked back'), 'hex') AS send_bytes;

-- tokenizer version (an on-disk format: a change needs REINDEX)
SELECT phrase_tokenizer_version();
