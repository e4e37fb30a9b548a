-- article_quotes: direct quotes and who said them
\set seed `cat test/data/seed.txt`

-- the seed: six attributed quotes; scare quotes ('walks back', "walking back") skipped
SELECT speaker, left(quote, 45) AS quote_starts, position FROM article_quotes(:'seed');
SELECT bool_and(substr(:'seed', position, length(quote)) = quote) AS substr_ok FROM article_quotes(:'seed');

-- typographic quotes, "said NAME" order, titles stripped from the speaker
SELECT * FROM article_quotes('“We will not back down,” said Prime Minister Theresa May on Tuesday.');
-- attribution before the quote, with a colon and with "that"
SELECT * FROM article_quotes('The minister said: "Taxes will rise next year." Analysts were unconvinced.');
SELECT * FROM article_quotes('Angela Merkel met reporters. Merkel insisted that "Europe must stand together on this".');
-- a pronoun refers to the most recent person named outside quotes
SELECT * FROM article_quotes(E'The talks went on. President Barack Obama spoke in Hangzhou on Monday.\n\n"It is complicated," he told reporters.');
-- scare quotes and quoted titles with no speech verb beside them are not quotes of a speaker
SELECT count(*) AS scare FROM article_quotes('Critics called the plan a "walk back" of earlier promises and the talks "often outgunned".');
-- "he said" with no person named anywhere: no speaker, no row
SELECT count(*) AS unresolved FROM article_quotes('"It works," he said.');
-- an unclosed quote at the end of a paragraph runs to its end
SELECT * FROM article_quotes(E'Jeremy Corbyn said: "We are ready for the vote and we will win it\n\nThe vote is on Monday.');
-- multi-byte text before the quote: position counts characters
SELECT quote, speaker, position, substr(t, position, length(quote)) = quote AS ok
FROM (SELECT 'Café owners in São Paulo were angry. "Prices are too high," Maria Silva said.'::text AS t) s,
     article_quotes(t);
-- empty and odd inputs
SELECT count(*) FROM article_quotes('');
SELECT count(*) FROM article_quotes('""""""');
SELECT count(*) FROM article_quotes(repeat('"a," he said. ', 2000));
