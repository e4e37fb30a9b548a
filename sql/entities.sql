-- article_mentions / article_entities: the seed article, canonical names, edge inputs
\set seed `cat test/data/seed.txt`

-- the seed's canonical entities, in order of first mention
SELECT * FROM article_entities(:'seed');

-- mentions per kind, and every position/length agrees with substr() (1-based characters)
SELECT kind, count(*) FROM article_mentions(:'seed') GROUP BY kind ORDER BY kind;
SELECT count(*) AS mentions, bool_and(substr(:'seed', position, length) = mention) AS substr_ok
FROM article_mentions(:'seed');
SELECT entity, kind, mention, position, length FROM article_mentions(:'seed')
WHERE entity IN ('Bashar al-Assad', 'al-Nusra Front', 'John Kerry', 'United States') ORDER BY position;

-- canonicalisation: titles stripped, short names fold into full names, U.S./US are United States
SELECT * FROM article_entities('President Barack Obama met Secretary of State John Kerry in Washington on Monday. Obama said Kerry would brief the U.S. Congress before the US delegation left for Geneva.');
SELECT entity, mention FROM article_mentions('The al-Nusra Front renamed itself. Officials said Nusra was still active in Idlib.') ORDER BY position;

-- multi-byte characters before and inside mentions: positions count characters
SELECT mention, position, length, substr(t, position, length) = mention AS ok
FROM (SELECT 'Über café — São Paulo mayor Fernando Haddad visited Zürich and Berlin.'::text AS t) s,
     article_mentions(t) ORDER BY position;

-- empty, white space, NULL: no rows, no error
SELECT count(*) FROM article_mentions('');
SELECT count(*) FROM article_entities(E'  \n\t \r\n ');
SELECT count(*) FROM article_mentions(NULL);

-- text that is not English: few or no entities, never an error
SELECT count(*) AS arabic FROM article_mentions('قال الرئيس السوري بشار الأسد إن الحرب في سوريا ستستمر رغم المفاوضات في جنيف');
SELECT count(*) AS chinese FROM article_mentions('美国总统奥巴马周日在杭州表示，叙利亚问题非常复杂，但值得尝试。');
SELECT count(*) AS russian FROM article_mentions('Министр иностранных дел России Сергей Лавров встретился с Джоном Керри в Женеве.');

-- a table of numbers and a market report: no flood of entities
SELECT count(*) AS numbers_table FROM article_mentions(E'12.5  13.0  -0.5  1,234\n7.25  8.00  +0.75  5,678\n1996-08-30  10:30  45.2%\n0 0 0 0 0 0 0 0\n');
SELECT count(*) <= 6 AS market_report_few FROM article_mentions(E'BONDS - PRICES CLOSE HIGHER\nThe 30-year bond rose 5/32 to 98-17/32, yielding 6.92 percent.\nVolume was light at 1.2 billion.\n');

-- an all-caps headline still gives places, not one entity per word
SELECT entity, kind FROM article_entities(E'RUSSIA WALKS BACK ON SYRIA DEAL WITH UNITED STATES\nRussia has backtracked on a deal with the United States on Syria.');

-- CRLF line ends: the same entities as LF, offsets still right
SELECT (SELECT array_agg(entity ORDER BY first_position) FROM article_entities(replace(:'seed', E'\n', E'\r\n')))
     = (SELECT array_agg(entity ORDER BY first_position) FROM article_entities(:'seed')) AS crlf_same_entities;
SELECT bool_and(substr(replace(:'seed', E'\n', E'\r\n'), position, length) = mention) AS crlf_substr_ok
FROM article_mentions(replace(:'seed', E'\n', E'\r\n'));

-- a 1 MB input: bounded, same canonical entities
SELECT octet_length(repeat(:'seed' || E'\n\n', 300)) > 1000000 AS one_mb,
       count(*) AS entities, sum(mentions) AS mentions
FROM article_entities(repeat(:'seed' || E'\n\n', 300));

-- garbage bytes and control characters: no error
SELECT count(*) >= 0 AS ok FROM article_mentions(E'\u0001\u0002 "" \'\' --- *** ((( ))) \uFFFD \u200B' || repeat('" ', 1000));

-- entities come from the article's content only: no meta lines ("Reading time: 4 minutes"),
-- boilerplate ("Follow us on Twitter"), caption credits ("(AFP Photo)"), bylines or the wire
-- end marker ("Reuter"); positions still point into the whole text
\set web `cat test/data/web.txt`
SELECT count(*) AS mentions FROM article_mentions(:'web')
WHERE mention IN ('Twitter', 'Reading', 'AFP Photo', 'AFP', 'Jane Doe', 'AP');
\set wire `cat test/data/wire.txt`
SELECT entity, kind, mention, position, substr(:'wire', position, length) = mention AS substr_ok
FROM article_mentions(:'wire');
SELECT entity FROM article_entities(:'wire' || E'\nReuter') WHERE entity ILIKE 'reuter%';

-- the English model stays quiet on other languages, also when a line of English (a menu,
-- a share button, a caption) is part of the page; an English article full of foreign names
-- is still read
-- (CLD2 scores this German text 10% English: under the 15% that makes a text English)
SELECT count(*) AS german_with_english_lines
FROM article_mentions(E'Bürgermeisterin Anna Berg eröffnete am Sonntag in Hamburg den neuen Hafen, nachdem die Arbeiten an der Kaimauer nach drei Jahren abgeschlossen worden waren. Die Stadtverwaltung rechnet damit, dass im kommenden Jahr deutlich mehr Frachtschiffe anlegen werden als bisher. Auch der Verband der Reedereien begrüßte die Eröffnung und sprach von einem wichtigen Tag für die Region.\n\nSign up for our newsletter. Follow us on Twitter and Facebook for the latest news.\n\nDie Bauarbeiten hatten nach Angaben der Stadt rund vierzig Millionen Euro gekostet. Der Bund übernahm davon etwa die Hälfte, den Rest trugen das Land und die Hafengesellschaft. Kritiker bemängelten, dass die Kosten im Laufe der Jahre immer weiter gestiegen seien und der Zeitplan mehrmals verschoben werden musste. Der Senat wies die Vorwürfe zurück und verwies auf die schwierigen Bodenverhältnisse am Ufer.');
SELECT count(*) > 0 AS english_with_foreign_names
FROM article_mentions(E'Results of the Bundesliga on Saturday: Borussia Dortmund beat Eintracht Frankfurt, Bayer Leverkusen drew with Werder Bremen and Hertha Berlin lost to VfB Stuttgart, coach Jürgen Klopp said.');
