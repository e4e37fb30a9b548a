-- make stress, phrase index: a gin_phrase_ops index on articles.body, made before the
-- articles are loaded (so every row goes through the index's insert path, pending list
-- included), and the phrases the mix and check_phrase.sql ask for.
--
-- The phrases cover each kind of query the key format treats differently: one common word
-- (an exact key, answered without a recheck), two common words (exact pair keys among the
-- most common words, also without a recheck; hashed pair keys, rechecked, for the rest of
-- the list), common words in a longer phrase, rare words (hashed keys, rechecked), phrases
-- the inserts and updates of the mix add or change, and phrases that never occur. The rarer
-- phrases come from test/data.
CREATE INDEX articles_phrase ON articles USING gin (body gin_phrase_ops);

CREATE TABLE stress_phrases (n int PRIMARY KEY, q phrase NOT NULL);
INSERT INTO stress_phrases (n, q)
SELECT row_number() OVER (), q::phrase FROM unnest(ARRAY[
	-- one common word
	'the', 'said', 'of', 'on', 'it', 'sunday', 'year', 'reuter',
	-- two common words
	'said it', 'of the', 'in the', 'on sunday', 'it was', 'said on', 'united states',
	'five-year', 'grain exports', 'São Paulo',
	-- three or more words, common ones among them
	'said on Sunday', 'one of the', 'the United States said',
	'Secretary of State John Kerry', 'stemming the violence in Syria',
	'Follow us on Twitter', 'giving the river back to the people',
	-- rare words
	'walks back', 'walked back', 'John Kerry', 'Sergei Lavrov', 'Hangzhou', 'backtracked',
	'riverside park', 'soybean crop', 'harbour authority', 'transit plan',
	-- changed by the mix: inserts end with "Filed by client N", updates add a paragraph
	'filed by client', 'client 3', 'Updated paragraph from client 5',
	-- never occurs
	'zebra quantum xylophone', 'the the the'
]) AS q;
