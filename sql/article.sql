-- parse_article and friends on the fixtures in test/data (loaded through psql)
\set seed `cat test/data/seed.txt`
\set wire `cat test/data/wire.txt`
\set conll `cat test/data/conll_style.txt`
\set web `cat test/data/web.txt`

SET DateStyle = ISO;
CREATE TABLE articles (id int PRIMARY KEY, body text);
INSERT INTO articles VALUES (1, :'seed'), (2, :'wire'), (3, :'conll'), (4, :'web');

\x on
-- the seed article, field by field (the README's call form)
SELECT p.headline, p.standfirst, p.byline, p.dateline, p.published, p.reading_minutes,
       p.captions, left(p.lead, 60) AS lead_starts, p.word_count,
       position('Getty' in p.body) = 0 AS caption_kept_out,
       position('3 min read' in p.body) = 0 AS meta_kept_out,
       p.body ~ E'\n\n\n' AS triple_newline
FROM articles a, LATERAL parse_article(a.body) p WHERE a.id = 1;

-- the people, organisations and places it names, canonical, in order of first mention
SELECT p.people, p.organizations, p.places
FROM articles a, LATERAL parse_article(a.body) p WHERE a.id = 1;
SELECT parse_article_json(:'seed') -> 'people' AS people,
       jsonb_array_length(parse_article_json(:'seed') -> 'entities') > 0 AS has_entities,
       jsonb_array_length(parse_article_json(:'seed') -> 'quotes') AS quotes;

-- wire copy: timestamp line, byline with agency, dateline with region, hard-wrapped body re-flowed
SELECT p.headline, p.byline, p.dateline, p.published, p.lead, p.word_count,
       position('Reuter' || E'\n' in p.body || E'\n') = 0 AS end_marker_dropped,
       array_length(string_to_array(p.body, E'\n\n'), 1) AS paragraphs
FROM articles a, LATERAL parse_article(a.body) p WHERE a.id = 2;

-- CoNLL-style dateline line
SELECT p.headline, p.dateline, p.published, p.lead
FROM articles a, LATERAL parse_article(a.body) p WHERE a.id = 3;

-- a scraped page with CRLF line ends, pipe byline, Published/Updated lines, boilerplate
SELECT p.headline, p.standfirst, p.byline, p.published, p.reading_minutes, p.captions,
       p.body, p.word_count
FROM articles a, LATERAL parse_article(a.body) p WHERE a.id = 4;
\x off

-- single fields agree with the full parse
SELECT a.id, article_headline(a.body) IS NOT DISTINCT FROM p.headline AS same_headline,
       article_date(a.body) IS NOT DISTINCT FROM p.published AS same_date
FROM articles a, LATERAL parse_article(a.body) p ORDER BY a.id;

-- jsonb: snake_case keys, ISO dates
SELECT jsonb_object_keys(parse_article_json(:'seed')) ORDER BY 1;
SELECT parse_article_json(:'seed') -> 'published' AS published,
       parse_article_json(:'seed') -> 'reading_minutes' AS reading_minutes,
       parse_article_json(:'seed') -> 'captions' AS captions;

-- dates never go through DateStyle or TimeZone
SET DateStyle = 'SQL, DMY';
SET TimeZone = 'Pacific/Kiritimati';
SELECT article_date(:'seed') = DATE '2016-09-04' AS same_date;
SET DateStyle = ISO;
RESET TimeZone;

-- date forms in header lines
SELECT f, article_date(E'Some headline here\n' || f || E'\nBody text of the story goes on here.') AS published
FROM (VALUES ('September 4, 2016'), ('Sept. 4, 2016'), ('2016-09-04'), ('Sunday 4 September 2016'),
             ('04 September, 2016'), ('Published: 4 Sep 2016 10:32 BST'), ('Updated: 5 September 2016'),
             ('09/04/2016'), ('26-FEB-1987 15:01:01.79'), ('Sunday, September 4'), ('March 2011'),
             ('30 February 2016')) AS t(f);

-- published wins over updated; a date in the body is not the publication date
SELECT article_date(E'Headline of the story\nUpdated: 6 September 2016\nPublished: 4 September 2016\nBody text.') AS published_wins,
       article_date(E'Headline of the story\n\nThe war began on 4 September 2016 and went on.') AS body_date;

-- expression index on the date
CREATE INDEX articles_date_idx ON articles (article_date(body));
SET enable_seqscan = off;
EXPLAIN (costs off) SELECT id FROM articles WHERE article_date(body) BETWEEN '2016-01-01' AND '2016-12-31';
SELECT id FROM articles WHERE article_date(body) BETWEEN '2016-01-01' AND '2016-12-31' ORDER BY id;
RESET enable_seqscan;

-- bad input: NULL in, NULL out; non-articles give NULL fields and empty arrays, never an error
SELECT parse_article(NULL) IS NULL AS null_in, article_headline(NULL) IS NULL AS null_headline,
       article_date(NULL) IS NULL AS null_date, parse_article_json(NULL) IS NULL AS null_json;
SELECT label, p.headline, p.body IS NULL AS no_body, p.published, p.captions, p.word_count
FROM (VALUES ('empty', ''), ('white space', E'  \n\t\n  '), ('one word', 'Hello'),
             ('numbers', E'1 2 3\n4 5 6\n7.5 8 9'),
             ('control', E'\x01\x02\x03\x04'),
             ('punctuation', E'--- *** ...')) AS t(label, body),
     LATERAL parse_article(t.body) p;
-- non-English text: layout rules are script-neutral (Chinese prose without spaces is an
-- article: its headline is found); no crash, no invented date
SELECT (p).headline, (p).published, (p).word_count
FROM (SELECT parse_article(E'روسيا تتراجع عن اتفاق سوريا\n\nقالت الولايات المتحدة إنها لم تتفق بعد على صفقة مع روسيا.') AS p) s;
SELECT (p).headline, (p).published, (p).word_count
FROM (SELECT parse_article(E'俄罗斯在叙利亚问题上退缩\n\n美国表示，尚未与俄罗斯就遏制叙利亚暴力达成协议。') AS p) s;
-- one long line of prose is a body, not a headline
SELECT (p).headline IS NULL AS no_headline, (p).word_count
FROM (SELECT parse_article(repeat('The talks went on late into the night. ', 40)) AS p) s;

-- every function is IMMUTABLE, STRICT, PARALLEL SAFE and commented
SELECT p.proname, p.provolatile, p.proisstrict, p.proparallel,
       obj_description(p.oid, 'pg_proc') IS NOT NULL AS commented
FROM pg_proc p JOIN pg_depend d ON d.objid = p.oid AND d.classid = 'pg_proc'::regclass
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'newsext'
WHERE p.proname IN ('parse_article', 'parse_article_json', 'article_headline', 'article_date')
ORDER BY 1;

DROP TABLE articles;
