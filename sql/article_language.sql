-- issue 12: header blocks in other languages, bylines, datelines and the language column
-- (fixtures written for this test)
SELECT p.headline, p.byline, p.published, p.standfirst, p.language
FROM parse_article(E'Hafen nach dem Sturm wieder offen\n\nDie Schiffe kehrten am Sonntag zurück. Der Hafen war eine Woche lang gesperrt, weil der Sturm die Kaimauer beschädigt hatte.\n\nVon Anna Berg und Jonas Wolf\nVeröffentlicht am 7. März 2021, 10:05 Uhr\n\nDer Hafen der Stadt ist seit Sonntag wieder geöffnet. Die ersten Frachtschiffe legten am Morgen an, nachdem die Behörden die Schäden an der Kaimauer geprüft hatten. Die Reparaturen werden nach Angaben der Stadtverwaltung noch mehrere Wochen dauern, der Betrieb soll aber nicht mehr eingeschränkt werden.') p;

SELECT p.headline, p.byline, p.published, p.language
FROM parse_article(E'Le port rouvre après la tempête\nPublié le 7 mars 2021 à 10h05 par Claire Martin\n\nLe port de la ville a rouvert dimanche. Les premiers navires sont arrivés le matin, après que les autorités ont examiné les dégâts causés au quai par la tempête de la semaine dernière.') p;

SELECT p.headline, p.byline, p.published
FROM parse_article(E'Harbour reopens after storm\nAna Lima, Rui Costa\n4 min read\n07 March, 2021\nThe harbour reopened on Sunday after a week.') p;

SELECT p.headline, p.dateline, p.published
FROM parse_article(E'Storm closes harbour\n\nPORTO, March 7 , 2021 (AFP)\n\nThe harbour closed on Sunday.') p;

-- language: ISO 639-1, NULL when unsure (short text, gibberish)
SELECT article_language('The harbour reopened on Sunday after a week of repairs to the quay wall, officials said, and the first ships arrived in the morning.') AS en,
       article_language('Der Hafen der Stadt ist seit Sonntag wieder geöffnet, die ersten Schiffe legten am Morgen an, nachdem die Schäden geprüft worden waren.') AS de,
       article_language('Harbour reopens') AS short,
       article_language('') AS empty,
       article_language(repeat('zzq ', 500)) AS gibberish;

SELECT parse_article_json(E'Le port rouvre\n\nLe port de la ville a rouvert dimanche. Les premiers navires sont arrivés le matin, après que les autorités ont examiné les dégâts causés au quai.') -> 'language' AS json_language;

-- entities run only for text the English model can read: German text gives no mentions
SELECT count(*) AS german_mentions
FROM article_mentions('Bundeskanzlerin Anna Berg traf am Sonntag in Hamburg den Bürgermeister Jonas Wolf, um über die Reparatur der Kaimauer und die Zukunft des Hafens zu sprechen.');

-- bad input: NULLs, no error
SELECT (parse_article(repeat(E'Ana Lima, Rui Costa\n', 1000))).headline IS NULL AS no_headline,
       (parse_article(E'Headline words here\n\n' || repeat('7 March 2021, ', 10000) || E'\n\nBody.')).published AS published,
       article_date(E'Headline words here\n\n' || repeat('7 March 2021, ', 10000)) AS date_only;
