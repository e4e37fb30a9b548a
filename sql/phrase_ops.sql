-- text @> phrase, phrase <@ text, phrase_count, phrase_snippet, phrase_tokens, phrase_keys
SELECT phrase_tokens(E'Assad’s co\u00ADoperation, U.S.-led “five-year” plan; São Paulo\r\nMOSCOW — Москва 北京大学 قالت');

SELECT t, p, t @> p AS contains, p <@ t AS contained
FROM (VALUES
  ('The five-year conflict', 'five year'::phrase),
  ('The five year conflict', 'five-year'),
  (E'Russians walked\n\nback on some', 'walked back'),
  ('Russia ''walks back'' on Syria', 'walked back'),
  ('jaywalked backwards', 'walked back'),
  ('Assad’s forces', 'Assad''s forces'),
  ('Assad''s forces', 'assad'),
  ('Assad''s forces', 'assad s forces'),
  ('Assads forces', 'assad'),
  ('the Café Riche', 'cafe riche'),
  ('Erdogan', 'Erdoğan'),
  ('start of text', 'start'),
  ('text at the end', 'the end'),
  ('blue blue blue', 'blue blue'),
  ('blue', 'blue blue'),
  ('a a a b', 'a a b'),
  ('Secretary for State', 'Secretary of State'),
  ('he walked. Back home', 'walked back'),
  ('Москва — Кремль заявил', 'кремль заявил'),
  ('我在北京大学学习', '京大学'),
  ('我在北京大学学习', '北大'),
  ('قالت الحكومة السورية', 'الحكومة السورية'),
  -- signs between words separate them (the recheck's fast path steps over these)
  ('Profits of £5.2 billion were', '5 2 billion'),
  ('a €40 million (£35 million) deal', '40 million 35 million'),
  ('temperatures of 25°C', '25 c'),
  ('1 × 2 ÷ 3 · 4', '1 2 3 4'),
  ('news • sport', 'news sport'),
  ('«Bonjour» dit-il', 'bonjour dit'),
  ('©Reuters 2016', 'reuters 2016'),
  ('£5', '5 2'),
  ('', 'x')
) v(t, p);

-- implicit phrase literal on the right of @>
SELECT 'The five-year conflict'::text @> 'FIVE YEAR' AS literal;

-- NULLs
SELECT NULL::text @> 'x'::phrase AS n1, 'x'::text @> NULL::phrase AS n2,
       phrase_count(NULL, 'x') AS n3, phrase_snippet('x', NULL) AS n4;

-- phrase_count: non-overlapping occurrences
SELECT phrase_count('blue blue blue blue', 'blue blue') AS four,
       phrase_count('blue blue blue', 'blue blue') AS three,
       phrase_count('Syria, syria; SYRIA’s', 'syria') AS syria,
       phrase_count('nothing here', 'syria') AS none,
       phrase_count('£1 £1 £1', '1 1') AS one_of_three_ones,
       phrase_count('paid £1m, €1m and ¥1m', '1m') AS three_currencies;

-- phrase_snippet
SELECT phrase_snippet(E'one two three four\n five six seven eight nine ten', 'five six', 2);
SELECT phrase_snippet(E'one two three four\n five six seven eight nine ten', 'five six');
SELECT phrase_snippet('The United States said it had not yet agreed on a deal', 'united states', 3, '[', ']');
SELECT phrase_snippet('no match here', 'syria') IS NULL AS no_match_is_null;
SELECT phrase_snippet('x', 'x', -1);
SELECT phrase_snippet('x', 'x', 1001);

-- keys: one unigram key for a word; for n words the keys of the pairs between common words
-- and the unigram keys of the words outside the 256 most common (key format 3), at most
-- five: the rarest by word frequency (this phrase has six)
SELECT cardinality(phrase_keys('Syria'::phrase)) AS one_word,
       cardinality(phrase_keys('Secretary of State John Kerry'::phrase)) AS five_words,
       phrase_keys('walked back'::phrase) <@ phrase_keys('Russians walked back on'::text) AS subset,
       phrase_keys('Syria'::phrase) <@ phrase_keys('violence in Syria'::text) AS subset1,
       phrase_keys('walked back'::phrase) = phrase_keys('WALKED-back'::phrase) AS same;
SELECT phrase_keys('walked back'::phrase) AS pinned_pair_and_word, phrase_keys('syria'::phrase) AS pinned_unigram;
SELECT phrase_keys(''::text) AS empty_text;

-- invalid UTF-8 cannot get into a UTF8 database; large texts are correct
SELECT repeat('lorem ipsum ', 4500000) || 'walked back' @> 'walked back'::phrase AS fifty_mb_end,
       phrase_count(repeat('walked back, ', 4000000), 'back walked') AS fifty_mb_count;
-- and cancellable
SET statement_timeout = '200ms';
SELECT phrase_count(repeat('a ', 100000000), 'b');
RESET statement_timeout;
