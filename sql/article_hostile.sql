--
-- article_hostile: inputs built to break a parser. None may crash the backend, hang,
-- or give a field with bytes the input did not have; non-articles give NULL fields.
-- (sql/article.sql covers the fields of normal articles.)
--
-- empty and blank inputs: a row of NULLs and an empty caption array, not an error
SELECT p.headline, p.published, p.body, p.captions, p.word_count
FROM unnest(ARRAY['', ' ', E'\n\n\n', E'\t\r\n \r', E'\u00a0\u2003\u3000\ufeff']) AS t(x),
	LATERAL parse_article(t.x) p;
SELECT article_headline(''), article_date(''), parse_article_json('') ->> 'headline' AS json_headline;
SELECT parse_article(NULL) IS NULL AS strict_null, article_date(NULL) IS NULL AS strict_date;

-- a 10 MB single line: no headline (too long to be one), the whole line is the body
SELECT p.headline IS NULL AS no_headline, octet_length(p.body) AS body_bytes, p.word_count,
	p.lead = p.body AS lead_is_body
FROM parse_article(repeat('Officials said on Sunday that talks would resume. ', 200000)) p;
-- and a 10 MB "word" without any white space: not an article (no line of two words)
SELECT octet_length(p.body) AS body_bytes, p.word_count
FROM parse_article(repeat('x', 10 * 1024 * 1024)) p;

-- every ASCII control character: treated as white space, never copied into a field
WITH ctl AS (
	SELECT string_agg(chr(c), '') AS c FROM generate_series(1, 31) c WHERE c NOT IN (10, 13)
), art AS (
	SELECT 'Storm ' || c || ' closes schools' || c || E'\n' || c || E'January 7, 2024\n\nSchools' ||
		c || 'closed on Thursday.' || chr(127) AS x FROM ctl
)
SELECT p.body IS NOT NULL AS has_body, p.body ~ '[\x01-\x09\x0b-\x1f\x7f]' AS body_has_control,
	concat(p.headline, p.standfirst, p.byline, p.dateline, p.lead) ~ '[\x01-\x1f\x7f]' AS field_has_control
FROM art, LATERAL parse_article(art.x) p;
SELECT (parse_article_json(E'Head\x01line of\x1b the day\n\nBody \x7f text.') ->> 'headline') AS json_headline;

-- CRLF and bare CR line ends parse exactly like LF
WITH a(x) AS (
	VALUES (E'Storm closes schools across the region\nHeavy snow is expected to continue through Friday.\n2 min read\nJanuary 7, 2024\n\nLONDON (Reuters) - Schools across the region closed on Thursday.\n\nForecasters said more was on the way.\n')
)
SELECT parse_article(replace(x, E'\n', E'\r\n')) = parse_article(x) AS crlf_same,
	parse_article(replace(x, E'\n', E'\r')) = parse_article(x) AS cr_same,
	article_date(replace(x, E'\n', E'\r\n')) AS crlf_date,
	(parse_article(replace(x, E'\n', E'\r\n'))).body !~ E'\r' AS no_cr_in_body
FROM a;

-- many lines, many captions, many blank lines
SELECT cardinality(p.captions) AS captions, p.headline
FROM parse_article(E'Fire sweeps through old town\n\nFirefighters worked through the night.\n' ||
	repeat(E'Smoke over the old town [Getty]\nResidents were evacuated from their homes.\n', 50000)) p;
SELECT p.headline, p.body
FROM parse_article(repeat(E'\n', 1000000) || E'Late headline after a million blank lines\n\nBody text follows here.') p;

-- dates that do not exist are not dates
SELECT x, article_date(E'Storm closes schools across the region\n' || x || E'\n\nBody text here.') AS d
FROM unnest(ARRAY['February 30, 2016', '29 February 2100', '29 February 2000', '31/04/2016',
	'2016-13-01', '0000-01-01', 'Published: 99999-01-01', '32 January 2016',
	'Updated: January 1, 1799', 'January 1, 2200', 'Published: 2016-02-29']) AS t(x);

-- regex food: long meta-looking lines, brackets, parentheses, dashes, near-miss datelines
-- (which fields they give is the heuristics' business; here: a row each, promptly, clean)
SELECT count(*) AS rows,
	bool_or(concat(p.headline, p.standfirst, p.byline, p.dateline, p.lead) ~ '[\x01-\x1f]') AS control_in_fields,
	clock_timestamp() - statement_timestamp() < interval '5 s' AS prompt
FROM unnest(ARRAY[
	repeat('(', 399) || E'\n\nBody.',
	'By ' || repeat('Aa ', 130) || E'\n\nBody text.',
	repeat('A', 398) || E' -\n\nBody text.',
	repeat('WASHINGTON ', 36) || E'(Reuters) - The body.',
	E'Headline here today\n' || repeat('[', 200) || repeat(']', 200),
	E'Headline here today\nPhoto: ' || repeat('Ab ', 130),
	E'Headline here today\n' || repeat('Jane Doe | ', 36) || 'AP',
	E'Headline here today\n' || repeat('1', 398) || ' min read',
	repeat(E'\u2014', 133) || E'\n\nBody text.'
]) AS t(x), LATERAL parse_article(t.x) p;

-- odd Unicode: a BOM is white space; combining marks, right-to-left text, emoji and
-- zero-width characters come back byte for byte
SELECT p.headline, p.headline = E'S\u00e3o Paulo\u2019s mayor \u201cwalks back\u201d on e\u0301te\u0301 plan \U0001F600' AS exact
FROM parse_article(E'\ufeffS\u00e3o Paulo\u2019s mayor \u201cwalks back\u201d on e\u0301te\u0301 plan \U0001F600\n\n\u0627\u0644\u0639\u0631\u0628\u064a\u0629 \u200b\u200d text.') p;
SELECT octet_length(parse_article_json(repeat(E'\u00e9\u200b', 100000))::text) > 0 AS json_ok;
