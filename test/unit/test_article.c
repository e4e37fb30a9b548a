/* unit tests for the core's article segmentation (src/core/article.c) */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "article.h"
#include "langid.h"
#include "content.h"

static nx_article
parse(const char *text)
{
	nx_article	a;

	assert_int_equal(nx_article_parse(text, strlen(text), NX_PARSE_FULL, &nx_malloc_allocator, &a), NX_OK);
	return a;
}

static void
test_headline_twice_counts_once(void **state)
{
	nx_article	a = parse("Deal agreed at last\n\nDeal agreed at last\nA summary line of the story.\n3 min read\n\nBody text here.");

	(void) state;
	assert_string_equal(a.headline, "Deal agreed at last");
	assert_string_equal(a.standfirst, "A summary line of the story.");
	assert_int_equal(a.reading_minutes, 3);
	assert_string_equal(a.body, "Body text here.");
	assert_string_equal(a.lead, "Body text here.");
	assert_int_equal(a.word_count, 3);
	nx_article_free(&a, &nx_malloc_allocator);
}

/* the article of a template with one line filled in */
static nx_article
parse_with_line(const char *template, const char *line)
{
	char		text[512];

	snprintf(text, sizeof(text), template, line);
	return parse(text);
}

/* "Updated 4:12 p.m. ET" under the date is header meta: not the lead, not body text */
static void
test_labelled_time_line_in_header(void **state)
{
	static const char *const times[] = {"Updated 4:12 p.m. ET", "Aktualisiert 14.32 Uhr", "Updated 2 hours ago"};

	(void) state;
	for (size_t i = 0; i < sizeof(times) / sizeof(times[0]); i++)
	{
		nx_article	a = parse_with_line("Rescuers search for survivors after quake\n\nBy Jane Doe\nMarch 5, 2024\n%s\n\n"
										"Rescue teams worked through the night to reach people trapped under buildings.\n\n"
										"The authorities said at least 40 people had died.\n", times[i]);

		assert_string_equal(a.headline, "Rescuers search for survivors after quake");
		assert_string_equal(a.byline, "Jane Doe");
		assert_int_equal(a.published.year, 2024);
		assert_string_equal(a.lead, "Rescue teams worked through the night to reach people trapped under buildings.");
		assert_null(strstr(a.body, times[i]));
		nx_article_free(&a, &nx_malloc_allocator);
	}
}

/* a wire dateline alone on its line, ending in a dash: the dateline, not a byline */
static void
test_dateline_line_ending_in_a_dash(void **state)
{
	static const char *const lines[] = {"NAIROBI, Kenya \xE2\x80\x94", "NAIROBI \xE2\x80\x94", "NAIROBI, Kenya \xE2\x80\x93"};

	(void) state;
	for (size_t i = 0; i < sizeof(lines) / sizeof(lines[0]); i++)
	{
		nx_article	a = parse_with_line("Floods kill dozens in Kenya\nMay 3, 2024\n\n%s\n"
										"Floods in Kenya have killed at least 39 people, the government said on Friday.\n\n"
										"Heavy rain has battered the region for a week.\n", lines[i]);

		assert_null(a.byline);
		assert_non_null(a.dateline);
		assert_string_equal(a.dateline, i == 1 ? "NAIROBI" : "NAIROBI, Kenya");
		assert_string_equal(a.lead, "Floods in Kenya have killed at least 39 people, the government said on Friday.");
		nx_article_free(&a, &nx_malloc_allocator);
	}
}

static void
test_wire_dateline_agency(void **state)
{
	nx_article	a = parse("Talks resume\n\nWASHINGTON (Reuters) - Talks resumed on Monday.\nA second paragraph.");

	(void) state;
	assert_string_equal(a.dateline, "WASHINGTON");
	assert_string_equal(a.lead, "Talks resumed on Monday.");
	assert_string_equal(a.body, "Talks resumed on Monday.\n\nA second paragraph.");
	assert_int_equal(a.has_published, 0);
	nx_article_free(&a, &nx_malloc_allocator);
}

static void
test_dateline_with_date_and_year(void **state)
{
	nx_article	a = parse("Markets calm\n\nKUALA LUMPUR, April 1 , 1997 (AFP) - Shares were steady.");

	(void) state;
	assert_string_equal(a.dateline, "KUALA LUMPUR");
	assert_int_equal(a.has_published, 1);
	assert_int_equal(a.published.year, 1997);
	assert_int_equal(a.published.month, 4);
	assert_int_equal(a.published.day, 1);
	nx_article_free(&a, &nx_malloc_allocator);
}

static void
test_bylines(void **state)
{
	nx_article	a = parse("Storm hits coast\nBy Jane Doe and John Roe, Reuters\n\nThe storm hit on Monday.");
	nx_article	b = parse("Storm hits coast\nBy the time the storm hit, most people had left.\nMore text.");

	(void) state;
	assert_string_equal(a.byline, "Jane Doe and John Roe, Reuters");
	assert_null(b.byline);
	assert_string_equal(b.lead, "By the time the storm hit, most people had left.");
	nx_article_free(&a, &nx_malloc_allocator);
	nx_article_free(&b, &nx_malloc_allocator);
}

static void
test_captions_and_boilerplate(void **state)
{
	nx_article	a = parse("Fire at the plant\n\nSmoke rises over the plant [Getty]\nThe fire started at dawn.\n"
						  "Read more: other stories\nAdvertisement\nPhoto: Reuters\nCrews were on site by noon.");

	(void) state;
	assert_int_equal(a.ncaptions, 2);
	assert_string_equal(a.captions[0], "Smoke rises over the plant [Getty]");
	assert_string_equal(a.captions[1], "Photo: Reuters");
	assert_string_equal(a.body, "The fire started at dawn.\n\nCrews were on site by noon.");
	nx_article_free(&a, &nx_malloc_allocator);
	/* "Image caption, ..." as BBC pages print it, with a comma */
	a = parse("Fire at the plant\n\nThe fire started at dawn.\n\nImage caption, Smoke over the plant\n\nCrews were on site by noon.");
	assert_int_equal(a.ncaptions, 1);
	assert_string_equal(a.captions[0], "Image caption, Smoke over the plant");
	assert_string_equal(a.body, "The fire started at dawn.\n\nCrews were on site by noon.");
	nx_article_free(&a, &nx_malloc_allocator);
}

static void
test_non_articles(void **state)
{
	const char *inputs[] = {"", "   \n\n\t", "Hello", "1 2 3\n4 5 6", "\x01\x02\x03", "\xff\xfe\xfd \xc3\x28 \x80\x80"};
	size_t		i;

	(void) state;
	for (i = 0; i < sizeof(inputs) / sizeof(inputs[0]); i++)
	{
		nx_article	a;

		assert_int_equal(nx_article_parse(inputs[i], strlen(inputs[i]), NX_PARSE_FULL, &nx_malloc_allocator, &a), NX_OK);
		assert_null(a.headline);
		assert_int_equal(a.has_published, 0);
		assert_int_equal(a.ncaptions, 0);
		nx_article_free(&a, &nx_malloc_allocator);
	}
}

static void
test_long_single_line(void **state)
{
	size_t		n = 10 * 1024 * 1024,
				i;
	char	   *big = malloc(n + 1);
	nx_article	a;

	(void) state;
	for (i = 0; i < n; i++)
		big[i] = "word "[i % 5];
	big[n] = '\0';
	assert_int_equal(nx_article_parse(big, n, NX_PARSE_FULL, &nx_malloc_allocator, &a), NX_OK);
	assert_null(a.headline);
	assert_int_equal(a.word_count, (int) (n / 5));
	nx_article_free(&a, &nx_malloc_allocator);
	free(big);
}

static void
test_header_only_mode_agrees(void **state)
{
	const char *text = "Headline of note\nPublished: 4 September 2016\n\nBody.\nUpdated: 9 September 2016";
	nx_article	full,
				head;

	(void) state;
	assert_int_equal(nx_article_parse(text, strlen(text), NX_PARSE_FULL, &nx_malloc_allocator, &full), NX_OK);
	assert_int_equal(nx_article_parse(text, strlen(text), NX_PARSE_HEADER_ONLY, &nx_malloc_allocator, &head), NX_OK);
	assert_string_equal(full.headline, head.headline);
	assert_int_equal(full.published.day, 4);
	assert_int_equal(head.published.day, 4);
	assert_null(head.body);
	nx_article_free(&full, &nx_malloc_allocator);
	nx_article_free(&head, &nx_malloc_allocator);
}

static char *
slurp_fixture(const char *path, size_t *len)
{
	FILE	   *f = fopen(path, "rb");
	char	   *buf;

	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	*len = (size_t) ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc(*len + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, *len, f), *len);
	buf[*len] = '\0';
	fclose(f);
	return buf;
}

static void
assert_same_text(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		assert_ptr_equal(a, b);
	else
		assert_string_equal(a, b);
}

/*
 * The smaller modes classify only the lines they read: on every fixture they give the full
 * parse's headline, and the header mode its header fields and date
 */
static void
test_partial_modes_agree_on_fixtures(void **state)
{
	static const char *const files[] = {"test/data/seed.txt", "test/data/web.txt", "test/data/wire.txt",
		"test/data/sample_byline.txt", "test/data/sample_crlf.txt", "test/data/sample_unicode.txt",
	"test/data/sample_wire.txt", "test/data/conll_style.txt", NULL};

	(void) state;
	for (int f = 0; files[f] != NULL; f++)
	{
		size_t		len;
		char	   *text = slurp_fixture(files[f], &len);
		nx_article	full,
					head,
					line;

		assert_int_equal(nx_article_parse(text, len, NX_PARSE_FULL, &nx_malloc_allocator, &full), NX_OK);
		assert_int_equal(nx_article_parse(text, len, NX_PARSE_HEADER_ONLY, &nx_malloc_allocator, &head), NX_OK);
		assert_int_equal(nx_article_parse(text, len, NX_PARSE_HEADLINE_ONLY, &nx_malloc_allocator, &line), NX_OK);
		assert_same_text(full.headline, line.headline);
		assert_same_text(full.headline, head.headline);
		assert_same_text(full.byline, head.byline);
		assert_same_text(full.dateline, head.dateline);
		assert_same_text(full.standfirst, head.standfirst);
		assert_int_equal(full.has_published, head.has_published);
		assert_memory_equal(&full.published, &head.published, sizeof(nx_date));
		assert_null(line.byline);
		assert_null(line.body);
		nx_article_free(&full, &nx_malloc_allocator);
		nx_article_free(&head, &nx_malloc_allocator);
		nx_article_free(&line, &nx_malloc_allocator);
		free(text);
	}
}

/*
 * A labelled date line at the foot, with a credit after the date or a place before it: the
 * header-only parse (article_date) takes it as the full parse does (a fuzz finding: it read
 * only whole date lines there)
 */
static void
test_foot_date_lines_same_in_both_modes(void **state)
{
#define FERRY_STORY "Ferry timetable changes\n\nThe harbour ferry will leave every twenty minutes from Monday, " \
	"the operator said, after a month of complaints about crowded morning boats.\n\nThe first boat leaves at six.\n\n" \
	"Evening boats keep their hourly timetable.\n\nTickets bought before Monday stay valid.\n\n" \
	"The operator will review the change in the summer.\n\nPassengers can comment on its website.\n\n"
	static const char *const texts[] = {
		FERRY_STORY "Updated March 4, 2015 Source: Harbour Board\n",
		FERRY_STORY "Bristol - Updated March 4, 2015\n",
	};
#undef FERRY_STORY

	(void) state;
	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
	{
		nx_article	full,
					head;

		assert_int_equal(nx_article_parse(texts[i], strlen(texts[i]), NX_PARSE_FULL, &nx_malloc_allocator, &full), NX_OK);
		assert_int_equal(nx_article_parse(texts[i], strlen(texts[i]), NX_PARSE_HEADER_ONLY, &nx_malloc_allocator, &head), NX_OK);
		assert_true(full.has_published);
		assert_int_equal(full.published.day, 4);
		assert_int_equal(head.has_published, full.has_published);
		assert_memory_equal(&full.published, &head.published, sizeof(nx_date));
		nx_article_free(&full, &nx_malloc_allocator);
		nx_article_free(&head, &nx_malloc_allocator);
	}
}

/* 07/03/2021 without a label: 7 March in an article in German, March 7 in English, in both modes */
static void
test_numeric_date_order_by_language(void **state)
{
	static const struct
	{
		const char *text;
		int			day;
	}			cases[] = {
		{"Hafen wieder offen\n\nVon Anna Berg\n07/03/2021 10:05\n\nDer Hafen wurde am Sonntag wieder geöffnet, nachdem "
			"ihn der schwerste Sturm seit Jahren eine ganze Woche lang geschlossen hatte. Die Hafenbehörde zählte am Montag "
		"die Schäden an den Kais und an den Kränen.", 7},
		{"Harbour reopens\n\nBy Ana Lima\n07/03/2021 10:05\n\nThe harbour reopened on Sunday after the worst storm in "
			"years had kept it shut for a whole week. The port authority counted the damage to the quays and the cranes "
		"on Monday.", 3},
	};
	size_t		i;

	(void) state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		nx_parse_mode mode;

		for (mode = NX_PARSE_FULL; mode <= NX_PARSE_HEADER_ONLY; mode++)
		{
			nx_article	a;

			assert_int_equal(nx_article_parse(cases[i].text, strlen(cases[i].text), mode, &nx_malloc_allocator, &a), NX_OK);
			if (!a.has_published || a.published.day != cases[i].day || a.published.month + a.published.day != 10)
				fail_msg("case %zu, mode %d: %d-%d", i, (int) mode, a.published.month, a.published.day);
			nx_article_free(&a, &nx_malloc_allocator);
		}
	}
}

static void
test_meta_segments_on_one_line(void **state)
{
	nx_article	a = parse("Mayor unveils park plan\nThe city will turn a dock into a park.\n"
						  "By Jane Doe | Sunday 4 September 2016 | 3 min read\n\n"
						  "Image caption The mayor at the dock\nThe mayor spoke.");

	(void) state;
	assert_string_equal(a.standfirst, "The city will turn a dock into a park.");
	assert_string_equal(a.byline, "Jane Doe");
	assert_int_equal(a.published.day, 4);
	assert_int_equal(a.reading_minutes, 3);
	assert_int_equal(a.ncaptions, 1);
	assert_string_equal(a.body, "The mayor spoke.");
	nx_article_free(&a, &nx_malloc_allocator);
}

static void
test_pipes_in_prose_stay_prose(void **state)
{
	nx_article	a = parse("Results table\n\nWinners | runners-up | the rest of the field were there.");

	(void) state;
	assert_null(a.byline);
	assert_string_equal(a.body, "Winners | runners-up | the rest of the field were there.");
	nx_article_free(&a, &nx_malloc_allocator);
	/* short segments without a date are no meta line */
	a = parse("Results table\n\nSport / Football / Premier League\n\nThe season ended on Sunday.");
	assert_false(a.has_published);
	assert_non_null(strstr(a.body, "Sport / Football / Premier League"));
	nx_article_free(&a, &nx_malloc_allocator);
}

/* a header case: the byline (NULL: not checked) and the day of a date in March 2021 */
typedef struct
{
	const char *text;
	const char *byline;
	int			day;
} header_case;

static void
check_header_cases(const header_case *cases, size_t n)
{
	for (size_t i = 0; i < n; i++)
	{
		nx_article	a = parse(cases[i].text);

		if (cases[i].byline != NULL && (a.byline == NULL || strcmp(a.byline, cases[i].byline) != 0))
			fail_msg("case %zu: byline %s", i, a.byline ? a.byline : "NULL");
		if (!a.has_published || a.published.day != cases[i].day || a.published.month != 3 || a.published.year != 2021)
			fail_msg("case %zu: no date", i);
		nx_article_free(&a, &nx_malloc_allocator);
	}
}

/* issue 12: the header blocks of modern pages, in several languages (fixtures written for these tests) */
static void
test_byline_forms(void **state)
{
	static const header_case cases[] = {
		{"Harbour reopens after storm\n\nBy Ana Lima and Rui Costa\nPublished 10:05 GMT+2, 7 March 2021\n\nThe harbour reopened.", "Ana Lima and Rui Costa", 7},
		{"Harbour reopens after storm\nPosted on Mar. 7, 2021 by Ana Lima\n\nThe harbour reopened.", "Ana Lima", 7},
		{"Harbour reopens after storm\n\nBy Ana Lima, March 7, 2021\n\nThe harbour reopened.", "Ana Lima", 7},
		{"Hafen wieder offen\n\nVon Anna Berg und Jonas Wolf\n07.03.2021, 10:05 Uhr\n\nDer Hafen ist wieder offen.", "Anna Berg und Jonas Wolf", 7},
		{"Le port rouvre\n\nPar Claire Martin\nPublié le 7 mars 2021 à 10h05\n\nLe port a rouvert.", "Claire Martin", 7},
		{"Hamnen öppnar igen\n\nAv Eva Lund\n7 mars 2021\n\nHamnen har öppnat igen.", "Eva Lund", 7},
		{"Hafen wieder offen\n\nBy dpa\n7. März 2021\n\nDer Hafen ist wieder offen.", "dpa", 7},
		{"Harbour reopens after storm\n\nANA LIMA, RUI COSTA | The Harbour Times\nSun 7 Mar 2021 10.05 GMT\n\nThe harbour reopened.", "ANA LIMA, RUI COSTA | The Harbour Times", 7},
		{"Harbour reopens after storm\nAna Lima, Rui Costa\n4 min read\n07 March, 2021\nThe harbour reopened on Sunday after the storm.", "Ana Lima, Rui Costa", 7},
		/* numbers day first after a label in another language, month first after an English one */
		{"El puerto reabre\n\nPor Ana Lima\nActualizado: 07/03/2021 10:05\n\nEl puerto ha reabierto.", "Ana Lima", 7},
		{"Harbour reopens after storm\n\nBy Ana Lima\nUpdated: 03/07/2021 10:05\n\nThe harbour reopened.", "Ana Lima", 7},
		{"Havnen åbner igen\n\nAf Eva Lund\nUdgivet 7. marts 2021\n\nHavnen er åbnet igen.", "Eva Lund", 7},
		{"De haven is weer open\n\nDoor Eva Lund\nGepubliceerd: 07-03-2021\n\nDe haven is weer open.", "Eva Lund", 7},
		{"El puerto reabre\n\nPor Ana Lima\nFecha: 07/03/2021\n\nEl puerto ha reabierto.", "Ana Lima", 7},
	};

	(void) state;
	check_header_cases(cases, sizeof(cases) / sizeof(cases[0]));
}

/*
 * Header lines of shapes the other tests lack: a place before the date, a credit after it,
 * names and a place across a dash, year-first dates with Korean and Chinese labels.
 */
static void
test_more_header_shapes(void **state)
{
	static const header_case cases[] = {
		{"El puerto reabre\n\nPor Ana Lima\nValencia - 07 mar 2021 - 10:05 CET\n\nEl puerto ha reabierto.", "Ana Lima", 7},
		{"O porto reabre\n\nPor Ana Lima \xE2\x80\x94 Lisboa\n07/03/2021 10h05 Atualizado h\xC3\xA1 2 horas\n\nO porto reabriu.", "Ana Lima \xE2\x80\x94 Lisboa", 7},
		/* the zone after a comma ("18:30, UK"), under a name and a role line with a handle */
		{"Harbour reopens after storm\n\nThe harbour reopened on Sunday after a week of storms.\n\nAna Lima\n"
		 "Port correspondent @analima\nSunday 7 March 2021 18:30, UK\n\nThe harbour reopened.", "Ana Lima", 7},
		/* "By Ana Lima," with the role on the next line: the byline loses the comma */
		{"Harbour reopens after storm\n7 March 2021, 18:30 GMT\n\nBy Ana Lima,\nPort correspondent\n\nThe harbour reopened.", "Ana Lima", 7},
		/* a zone abbreviation the lists lack, after the time */
		{"Floods recede\nPublished: 07 Mar 2021 10:15 CAT\n\nThe floods receded.", NULL, 7},
		/* an outlet in lower case or with digits after a comma, then a dash and the place */
		{"O porto reabre\n\nPor Ana Lima, g1 \xE2\x80\x94 Lisboa\n07 mar 2021 10h05\n\nO porto reabriu.", "Ana Lima, g1 \xE2\x80\x94 Lisboa", 7},
		{"O porto reabre\n\nPor Ana Lima e Rui Costa, do g1\n7 de março de 2021\n\nO porto reabriu.", "Ana Lima e Rui Costa, do g1", 7},
		{"Harbour reopens after storm\n\nBy Ana Lima\nMarch 7, 2021 Source: Harbour Wire\n\nThe harbour reopened.", "Ana Lima", 7},
		/* a name over an outlet or role line over the date: the name is the byline */
		{"Harbour reopens after storm\n\nAna Lima\nHarbour Times\n7 March 2021\n\nThe harbour reopened.", "Ana Lima", 7},
		{"Harbour reopens after storm\nAna Lima\nSenior Port Correspondent\nMarch 7, 2021\nThe harbour reopened.", "Ana Lima", 7},
		/* an outlet in capitals, which reads like a place alone */
		{"Harbour reopens after storm\nAna Lima\nHARBOUR TODAY\nPublished 6:02 a.m. ET March 7, 2021\n\nThe harbour reopened.", "Ana Lima", 7},
		/* a place before the date with a comma, in a script without case (Hindi: New Delhi, 7 March 2021) */
		{"\xE0\xA4\xAC\xE0\xA4\x82\xE0\xA4\xA6\xE0\xA4\xB0\xE0\xA4\x97\xE0\xA4\xBE\xE0\xA4\xB9 \xE0\xA4\x96\xE0\xA5\x81\xE0\xA4\xB2\xE0\xA4\xBE\n\n"
		 "\xE0\xA4\xA8\xE0\xA4\x88 \xE0\xA4\xA6\xE0\xA4\xBF\xE0\xA4\xB2\xE0\xA5\x8D\xE0\xA4\xB2\xE0\xA5\x80, 7 \xE0\xA4\xAE\xE0\xA4\xBE\xE0\xA4\xB0\xE0\xA5\x8D\xE0\xA4\x9A 2021\n\n"
		 "\xE0\xA4\xAC\xE0\xA4\x82\xE0\xA4\xA6\xE0\xA4\xB0\xE0\xA4\x97\xE0\xA4\xBE\xE0\xA4\xB9 \xE0\xA4\xAB\xE0\xA4\xBF\xE0\xA4\xB0 \xE0\xA4\x96\xE0\xA5\x81\xE0\xA4\xB2\xE0\xA4\xBE\xE0\xA5\xA4", NULL, 7},
		/* a label word before "by", a handle after the name, names then a date after a bar */
		{"Harbour reopens after storm\n\nAnalysis by Ana Lima, Harbour Times\nMarch 7, 2021\n\nThe harbour reopened.", "Ana Lima, Harbour Times", 7},
		{"Harbour reopens after storm\n\nAna Lima @analima\nMarch 7, 2021\n\nThe harbour reopened.", "Ana Lima @analima", 7},
		{"Harbour reopens after storm\n\nAna Lima | Published March 7, 2021\n\nThe harbour reopened.", "Ana Lima", 7},
		/* segments with " / " and credits beside the date */
		{"Harbour reopens after storm\n\nMarch 7, 2021 / 6:32 PM / Harbour News\n\nThe harbour reopened.", NULL, 7},
		{"Harbour reopens after storm\n\nEdited by Ana Lima | Updated: March 7, 2021 6:32 pm IST\n\nThe harbour reopened.", NULL, 7},
		/* 항구 재개장 / 입력 2021.03.07 10:05 / 이민지 기자 */
		{"\xED\x95\xAD\xEA\xB5\xAC \xEC\x9E\xAC\xEA\xB0\x9C\xEC\x9E\xA5\n\n\xEC\x9E\x85\xEB\xA0\xA5 2021.03.07 10:05\n"
		 "\xEC\x9D\xB4\xEB\xAF\xBC\xEC\xA7\x80 \xEA\xB8\xB0\xEC\x9E\x90\n\n\xED\x95\xAD\xEA\xB5\xAC\xEA\xB0\x80 "
		 "\xEB\x8B\xA4\xEC\x8B\x9C \xEC\x97\xB4\xEB\xA0\xB8\xEB\x8B\xA4.", "\xEC\x9D\xB4\xEB\xAF\xBC\xEC\xA7\x80", 7},
		/* 港口重新开放 / 2021年03月07日 10:05 来源：港口通讯 */
		{"\xE6\xB8\xAF\xE5\x8F\xA3\xE9\x87\x8D\xE6\x96\xB0\xE5\xBC\x80\xE6\x94\xBE\n\n2021\xE5\xB9\xB4" "03\xE6\x9C\x88" "07\xE6\x97\xA5 10:05 "
		 "\xE6\x9D\xA5\xE6\xBA\x90\xEF\xBC\x9A\xE6\xB8\xAF\xE5\x8F\xA3\xE9\x80\x9A\xE8\xAE\xAF\n\n\xE6\xB8\xAF\xE5\x8F\xA3\xE4\xBB\x8A\xE5\xA4\xA9"
		 "\xE9\x87\x8D\xE6\x96\xB0\xE5\xBC\x80\xE6\x94\xBE\xE3\x80\x82", NULL, 7},
		/* the outlet or the place after the date, behind a comma or a dash */
		{"Harbour reopens after storm\n\nBy Ana Lima\nSunday March 7 2021, 10.00pm GMT, The Harbour Times\n\nThe harbour reopened.", "Ana Lima", 7},
		{"Harbour reopens after storm\n\nBy Ana Lima\nPublished - March 7, 2021 09:41 pm IST - CHENNAI\n\nThe harbour reopened.", "Ana Lima", 7},
		/* "with" an agency, a place and role in brackets, a role in lower case after "By" */
		{"Le port rouvre\n\nPar Ana Lima avec AFP\n7 mars 2021\n\nLe port a rouvert.", "Ana Lima avec AFP", 7},
		{"Le port rouvre\n\nPar Ana Lima (Lisbonne, envoy\xC3\xA9" "e sp\xC3\xA9" "ciale)\n7 mars 2021\n\nLe port a rouvert.", "Ana Lima", 7},
		{"Harbour reopens after storm\n\nBy political reporter Ana Lima\nMarch 7, 2021\n\nThe harbour reopened.", "Ana Lima", 7},
		/* a label with an article before the by-word; a photo credit line is no byline */
		{"Hafen wieder offen\n\nEin Kommentar von Anna Berg\n\n07.03.2021, 10:05 Uhr\n\nDer Hafen ist wieder offen.", "Anna Berg", 7},
		{"Hafen wieder offen\n\nFoto: Jonas Wolf\nVon Anna Berg\n07.03.2021, 10:05 Uhr\n\nDer Hafen ist wieder offen.", "Anna Berg", 7},
		/* "our correspondent" between the by-word and the names */
		{"Hafen wieder offen\n\nVon unserer Korrespondentin Anna Berg\n\n07.03.2021, 10:05 Uhr\n\nDer Hafen ist wieder offen.", "Anna Berg", 7},
		{"Harbour reopens after storm\n\nBy our foreign correspondent, Ana Lima\nMarch 7, 2021\n\nThe harbour reopened.", "Ana Lima", 7},
		{"Le port rouvre\n\nPar notre envoy\xC3\xA9 sp\xC3\xA9\x63ial Jean Roux\n7 mars 2021\n\nLe port a rouvert.", "Jean Roux", 7},
		{"Harbour reopens after storm\n\nBy our staff correspondent Stafford Lee\nMarch 7, 2021\n\nThe harbour reopened.", "Stafford Lee", 7},
		{"Harbour reopens after storm\n\nBy our correspondent\nMarch 7, 2021\n\nThe harbour reopened.", NULL, 7},
		/* names with a role, then the date, no by-word: no dateline */
		{"Harbour reopens after storm\n\nAna Lima, Staff Writer, March 7, 2021\n\nThe harbour reopened.", "Ana Lima, Staff Writer", 7},
		/* the date after the names with "on" and its sisters */
		{"Harbour reopens after storm\n\nWritten by Ana Lima on 7 March 2021\n\nThe harbour reopened.", "Ana Lima", 7},
		{"Harbour reopens after storm\n\nBy Ana Lima on Sunday, March 7, 2021 at 10:05 am\n\nThe harbour reopened.", "Ana Lima", 7},
		{"Hafen wieder offen\n\nVon Anna Berg am 7. M\xC3\xA4rz 2021\n\nDer Hafen ist wieder offen.", "Anna Berg", 7},
		{"El puerto reabre\n\nPor Ana Lima el 7 de marzo de 2021\n\nEl puerto ha reabierto.", "Ana Lima", 7},
		/* Korean names before the role word (reporter, correspondent), an agency tag and a place before them */
		{"\xED\x95\xAD\xEA\xB5\xAC \xEC\x9E\xAC\xEA\xB0\x9C\xEC\x9E\xA5\n\n\xEC\x9E\x85\xEB\xA0\xA5 2021.03.07 10:05\n\n"
		 "[\xEC\x84\x9C\xEC\x9A\xB8=\xED\x95\xAD\xEA\xB5\xAC\xEB\x89\xB4\xEC\x8A\xA4] \xEC\x9D\xB4\xEB\xAF\xBC\xEC\xA7\x80\xC2\xB7\xEB\xB0\x95\xEC\xA7\x80\xED\x98\xB8 "
		 "\xEA\xB8\xB0\xEC\x9E\x90 minji@example.com\n\n\xED\x95\xAD\xEA\xB5\xAC\xEA\xB0\x80 \xEB\x8B\xA4\xEC\x8B\x9C \xEC\x97\xB4\xEB\xA0\xB8\xEB\x8B\xA4.",
		 "\xEC\x9D\xB4\xEB\xAF\xBC\xEC\xA7\x80\xC2\xB7\xEB\xB0\x95\xEC\xA7\x80\xED\x98\xB8", 7},
		{"\xED\x95\xAD\xEA\xB5\xAC \xEC\x9E\xAC\xEA\xB0\x9C\xEC\x9E\xA5\n\n\xEC\x9E\x85\xEB\xA0\xA5 2021.03.07 10:05\n\n"
		 "\xEB\xB6\x80\xEC\x82\xB0=\xEC\x9D\xB4\xEB\xAF\xBC\xEC\xA7\x80 \xED\x8A\xB9\xED\x8C\x8C\xEC\x9B\x90\n\n"
		 "\xED\x95\xAD\xEA\xB5\xAC\xEA\xB0\x80 \xEB\x8B\xA4\xEC\x8B\x9C \xEC\x97\xB4\xEB\xA0\xB8\xEB\x8B\xA4.", "\xEC\x9D\xB4\xEB\xAF\xBC\xEC\xA7\x80", 7},
		/* Chinese: the role first (新华社记者 张伟 李娜) */
		{"\xE6\xB8\xAF\xE5\x8F\xA3\xE9\x87\x8D\xE6\x96\xB0\xE5\xBC\x80\xE6\x94\xBE\n\n2021\xE5\xB9\xB4" "03\xE6\x9C\x88" "07\xE6\x97\xA5 10:05\n\n"
		 "\xE6\x96\xB0\xE5\x8D\x8E\xE7\xA4\xBE\xE8\xAE\xB0\xE8\x80\x85 \xE5\xBC\xA0\xE4\xBC\x9F \xE6\x9D\x8E\xE5\xA8\x9C\n\n"
		 "\xE6\xB8\xAF\xE5\x8F\xA3\xE4\xBB\x8A\xE5\xA4\xA9\xE9\x87\x8D\xE6\x96\xB0\xE5\xBC\x80\xE6\x94\xBE\xE3\x80\x82",
		 "\xE5\xBC\xA0\xE4\xBC\x9F \xE6\x9D\x8E\xE5\xA8\x9C", 7},
	};

	(void) state;
	check_header_cases(cases, sizeof(cases) / sizeof(cases[0]));
}

/* section labels, breadcrumbs and skip links above the headline, a site name after it; a short headline over its standfirst stays */
static void
expect_headline(const char *text, const char *want)
{
	nx_article	a = parse(text);

	if (a.headline == NULL || strcmp(a.headline, want) != 0)
		fail_msg("headline %s, want %s", a.headline ? a.headline : "NULL", want);
	nx_article_free(&a, &nx_malloc_allocator);
}

static void
test_kickers_above_the_headline(void **state)
{
	static const char *const tops[] = {"Politics\n\n", "ECONOMY\n", "Home > News > Harbours\n\n",
		"Skip to main content\n\n", "News \xE2\x80\xBA Harbours\n\n", "Economy | Ports and shipping\n\n",
		/* a section over its sub-section; skip links of any wording; a menu with "U.S." in it */
		"News\nPorts\n", "Wirtschaft\n\nHafen\n\n", "Skip to site index\nSkip links\n",
		"Menu\nWorld\nU.S.\nPolitics\nBusiness\n"};
	const char *rest = "Harbour reopens after the storm passed\n\nBy Ana Lima\n7 March 2021\n\nThe harbour reopened on Sunday.";
	char		text[512];
	nx_article	a;

	(void) state;
	for (size_t i = 0; i < sizeof(tops) / sizeof(tops[0]); i++)
	{
		snprintf(text, sizeof(text), "%s%s", tops[i], rest);
		a = parse(text);
		if (a.headline == NULL || strcmp(a.headline, "Harbour reopens after the storm passed") != 0)
			fail_msg("case %zu: headline %s", i, a.headline ? a.headline : "NULL");
		assert_string_equal(a.byline, "Ana Lima");
		assert_int_equal(a.published.day, 7);
		nx_article_free(&a, &nx_malloc_allocator);
	}
	/* a section label over a Chinese or Japanese headline, which has no spaces to count words by */
	expect_headline("国際\n港の再開で船の長い行列がようやく解消へ\n\n2021年3月7日 10:05\n\n港は日曜日に再開した。",
					"港の再開で船の長い行列がようやく解消へ");
	expect_headline("首页 > 财经 > 正文\n港口重新开放后船只排队现象明显缓解\n\n2021年03月07日 10:05\n\n港口周日重新开放。",
					"港口重新开放后船只排队现象明显缓解");
	/* a kicker of two or three words, over a headline and a standfirst (and a notice between) */
	expect_headline("Harbour industry\nThis article is more than 1 month old\nHarbour firms spilled oil for 3,000 hours last year\n"
					"Figures reveal a rise in spills into the bay, as campaigners call for fines on the firms\n"
					"Ana Lima Port correspondent\nSun 7 Mar 2021 06.00 GMT\n\nHarbour firms spilled oil.",
					"Harbour firms spilled oil for 3,000 hours last year");
	expect_headline("La sentenza\nIl tribunale annulla la delibera sul nuovo porto turistico\n"
					"Accolto il ricorso dei pescatori.\nDi Anna Berg\n7 marzo 2021\n\nIl tribunale ha deciso.",
					"Il tribunale annulla la delibera sul nuovo porto turistico");
	/* in capitals, a wire headline over its hard-wrapped lead */
	expect_headline("HARBOUR REOPENS EARLY\nLISBON, March 7 - The harbour reopened on Sunday after a\n"
					"week of storms had kept every ship at anchor outside the port, officials said.\n",
					"HARBOUR REOPENS EARLY");
	/* a page title with the site's name after a bar */
	a = parse("Harbour reopens after the storm | The Harbour Times\n\nBy Ana Lima\n7 March 2021\n\nThe harbour reopened.");
	assert_string_equal(a.headline, "Harbour reopens after the storm");
	nx_article_free(&a, &nx_malloc_allocator);
	a = parse("Harbour reopens\n\nShips return to the port after a week of storms\n\nBy Ana Lima\n7 March 2021\n\nThe harbour reopened.");
	assert_string_equal(a.headline, "Harbour reopens");
	assert_string_equal(a.standfirst, "Ships return to the port after a week of storms");
	nx_article_free(&a, &nx_malloc_allocator);
}

/* a name line under the date with a blank line between is the byline; share buttons and ad labels are not text */
static void
test_name_under_date_and_page_buttons(void **state)
{
	nx_article	a;

	(void) state;
	a = parse("Harbour reopens after the storm\n\nMarch 7, 2021\n\nAna Lima\n\nLISBON \xE2\x80\x94 The harbour reopened on Sunday.");
	assert_non_null(a.byline);
	assert_string_equal(a.byline, "Ana Lima");
	assert_string_equal(a.dateline, "LISBON");
	assert_string_equal(a.lead, "The harbour reopened on Sunday.");
	nx_article_free(&a, &nx_malloc_allocator);
	/* a share or print button in another language is no handle: "Dela", "공유" */
	a = parse("Hamnen \xC3\xB6ppnar igen efter stormen\n\nPublicerad 7 mars 2021\nDela\n\nHamnen \xC3\xB6ppnade igen.");
	assert_null(a.byline);
	nx_article_free(&a, &nx_malloc_allocator);
	a = parse("\xED\x95\xAD\xEA\xB5\xAC \xEC\x9E\xAC\xEA\xB0\x9C\xEC\x9E\xA5\n\n\xEC\x9E\x85\xEB\xA0\xA5 2021.03.07 10:05\n"
			  "\xEA\xB3\xB5\xEC\x9C\xA0\n\n\xED\x95\xAD\xEA\xB5\xAC\xEA\xB0\x80 \xEB\x8B\xA4\xEC\x8B\x9C \xEC\x97\xB4\xEB\xA0\xB8\xEB\x8B\xA4.");
	assert_null(a.byline);
	nx_article_free(&a, &nx_malloc_allocator);
	/* a one-word handle stays a byline only right against the meta line */
	a = parse("Harbour reopens after the storm\n\nMarch 7, 2021\n\nLisbon\n\nThe harbour reopened on Sunday.");
	assert_null(a.byline);
	nx_article_free(&a, &nx_malloc_allocator);
	a = parse("Harbour reopens after the storm\n\nMarch 7, 2021\n\nShare\n\nThe harbour reopened on Sunday.\n\nAnzeige\n\n"
			  "Ships queued outside.\n\nCopy link");
	assert_string_equal(a.body, "The harbour reopened on Sunday.\n\nShips queued outside.");
	nx_article_free(&a, &nx_malloc_allocator);
}

/*
 * Share and follow buttons between the meta lines and the lead, as a page's text comes out
 * (a run of very short lines without a blank line between): neither standfirst nor lead, and
 * the wire dateline under them is still read.
 */
static void
test_page_furniture_before_the_lead(void **state)
{
	nx_article	a;

	(void) state;
	a = parse("Harbour reopens after the storm\nBy ANA LIMA\nUpdated 5:47 PM CDT, March 7, 2021\nShare\nCopy\n"
			  "Link copied\nEmail\nX\nPrint\nLISBON (AP) \xE2\x80\x94 The harbour reopened on Sunday after a week of storms.\n\n"
			  "Ships queued outside.");
	assert_string_equal(a.headline, "Harbour reopens after the storm");
	assert_non_null(a.dateline);
	assert_string_equal(a.dateline, "LISBON");
	assert_null(a.standfirst);
	assert_string_equal(a.lead, "The harbour reopened on Sunday after a week of storms.");
	nx_article_free(&a, &nx_malloc_allocator);
	/* buttons the header loop passed ("Share" / "Comments", Korean), then the font switch and
	 * print buttons, then the reporter's name twice: the lead is the story's */
	a = parse("\xED\x95\xAD\xEA\xB5\xAC \xEB\x8B\xA4\xEC\x8B\x9C \xEC\x97\xB4\xEB\xA0\xA4\n\xEC\x9E\x85\xEB\xA0\xA5 2021.03.07 10:05\n\xEA\xB3\xB5\xEC\x9C\xA0\n\xEB\x8C\x93\xEA\xB8\x80\n\xEA\xB8\x80\xEC\x9E\x90\xED\x81\xAC\xEA\xB8\xB0\xEC\xA1\xB0\xEC\xA0\x95\n\xEC\x9D\xB8\xEC\x87\x84\n\xEC\x9D\xB4\xEB\xAF\xBC\xEC\xA7\x80 \xEA\xB8\xB0\xEC\x9E\x90\n\xEC\x9D\xB4\xEB\xAF\xBC\xEC\xA7\x80 \xEA\xB8\xB0\xEC\x9E\x90\n\xED\x95\xAD\xEA\xB5\xAC\xEA\xB0\x80 \xEC\x9D\xBC\xEC\xA3\xBC\xEC\x9D\xBC \xEB\x8F\x99\xEC\x95\x88\xEC\x9D\x98 \xED\x8F\xAD\xED\x92\x8D \xEB\x81\x9D\xEC\x97\x90 \xEC\x9D\xBC\xEC\x9A\x94\xEC\x9D\xBC \xEB\x8B\xA4\xEC\x8B\x9C \xEB\xAC\xB8\xEC\x9D\x84 \xEC\x97\xB4\xEC\x97\x88\xEB\x8B\xA4.");
	assert_non_null(a.byline);
	assert_non_null(a.lead);
	assert_int_equal(strncmp(a.lead, "\xED\x95\xAD", 3), 0);
	nx_article_free(&a, &nx_malloc_allocator);
	/* two short lines are not a run: a short standfirst stays one */
	a = parse("Harbour reopens after the storm\n\nShips return\nTo the port\n\nBy Ana Lima\n7 March 2021\n\n"
			  "The harbour reopened on Sunday.");
	assert_non_null(a.standfirst);
	nx_article_free(&a, &nx_malloc_allocator);
}

/* a lead and the dateline it should give (NULL: none); the lead keeps no dash of it */
typedef struct
{
	const char *lead;
	const char *dateline;
} dateline_case;

static void
check_datelines(const dateline_case *cases, size_t n)
{
	char		text[512];

	for (size_t i = 0; i < n; i++)
	{
		nx_article	a;

		snprintf(text, sizeof(text), "Harbour reopens after the storm\n\nBy Ana Lima\nMarch 7, 2021\n\n%s\n\nShips queued.", cases[i].lead);
		a = parse(text);
		if (cases[i].dateline == NULL ? a.dateline != NULL : a.dateline == NULL || strcmp(a.dateline, cases[i].dateline) != 0)
			fail_msg("%s: dateline %s", cases[i].lead, a.dateline ? a.dateline : "NULL");
		if (cases[i].dateline != NULL && (strchr(a.lead, '-') != NULL || strstr(a.lead, "\xE2\x80\x93") != NULL))
			fail_msg("%s: lead %s", cases[i].lead, a.lead);
		nx_article_free(&a, &nx_malloc_allocator);
	}
}

/*
 * Datelines in title case before a spaced en or em dash, Indian agency forms (no dash after
 * the agency; a colon after it), a caption credit after a dash, a "Follow topic:" button, and
 * a breadcrumb with a bar and no spaces in a menu
 */
static void
test_more_datelines_and_captions(void **state)
{
	static const dateline_case leads[] = {
		{"Lisbon, Portugal \xE2\x80\x93 The harbour reopened on Sunday.", "Lisbon, Portugal"},
		{"Wien \xE2\x80\x93 Der Hafen ist wieder offen.", "Wien"},
		{"New Delhi, March 7 (IANS) The harbour reopened on Sunday.", "New Delhi"},
		{"Mumbai, March 7 (ANI): The harbour reopened on Sunday.", "Mumbai"},
		{"Yesterday \xE2\x80\x93 the harbour reopened.", NULL},
	};
	nx_article	a;

	(void) state;
	check_datelines(leads, sizeof(leads) / sizeof(leads[0]));
	a = parse("Home\nNews\nSport\nNews|Harbours\nHarbour reopens after the storm\n\nBy Ana Lima\nPublished 7 March 2021\n"
			  "Follow topic:\nA ship enters the harbour on Sunday. \xE2\x80\x94 Reuters/File\n\n"
			  "LISBON: The harbour reopened on Sunday after a week of storms.");
	assert_non_null(a.headline);
	assert_string_equal(a.headline, "Harbour reopens after the storm");
	assert_int_equal(a.ncaptions, 1);
	assert_non_null(a.dateline);
	assert_string_equal(a.dateline, "LISBON");
	nx_article_free(&a, &nx_malloc_allocator);
	/* credits after a bar with a slash, in capitals after the sentence, and NYT's "Credit..." */
	a = parse("Harbour reopens after the storm\n\nShips return to the port after a week of storms\n\n"
			  "A ship enters the harbour on Sunday. | Ana Lima/HARBOUR TIMES\n"
			  "Cranes stand idle on the quay in Lisbon on Monday. JO\xC3\x83O COSTA EFE\n"
			  "Workers repair a crane.Credit...Ana Lima for The Harbour Times\n"
			  "By Ana Lima\nMarch 7, 2021\n\nThe harbour reopened on Sunday after a week of storms.");
	assert_int_equal(a.ncaptions, 3);
	assert_string_equal(a.standfirst, "Ships return to the port after a week of storms");
	assert_string_equal(a.body, "The harbour reopened on Sunday after a week of storms.");
	nx_article_free(&a, &nx_malloc_allocator);
}

/* an agency tag without a place opening the lead is no text; the Japanese bracket dateline gives place and reporter */
static void
test_agency_tag_and_bracket_dateline(void **state)
{
	nx_article	a;

	(void) state;
	a = parse("Harbour reopens after the storm\n\nMarch 7, 2021\n\n(Harbour Wire) \xE2\x80\x94 The harbour reopened on Sunday.");
	assert_null(a.dateline);
	assert_string_equal(a.lead, "The harbour reopened on Sunday.");
	nx_article_free(&a, &nx_malloc_allocator);
	/* a credit in parentheses is not an agency */
	a = parse("Harbour reopens after the storm\n\nMarch 7, 2021\n\n(Photo by Ana Lima) - The harbour reopened on Sunday.");
	assert_string_equal(a.lead, "(Photo by Ana Lima) - The harbour reopened on Sunday.");
	nx_article_free(&a, &nx_malloc_allocator);
	/* 港が再開 / 【リスボン＝山田花子】港は日曜日に再開した。 */
	a = parse("\xE6\xB8\xAF\xE3\x81\x8C\xE5\x86\x8D\xE9\x96\x8B\n\n2021\xE5\xB9\xB4" "3\xE6\x9C\x88" "7\xE6\x97\xA5\n\n"
			  "\xE3\x80\x90\xE3\x83\xAA\xE3\x82\xB9\xE3\x83\x9C\xE3\x83\xB3\xEF\xBC\x9D\xE5\xB1\xB1\xE7\x94\xB0\xE8\x8A\xB1\xE5\xAD\x90\xE3\x80\x91"
			  "\xE6\xB8\xAF\xE3\x81\xAF\xE6\x97\xA5\xE6\x9B\x9C\xE6\x97\xA5\xE3\x81\xAB\xE5\x86\x8D\xE9\x96\x8B\xE3\x81\x97\xE3\x81\x9F\xE3\x80\x82");
	assert_non_null(a.dateline);
	assert_string_equal(a.dateline, "\xE3\x83\xAA\xE3\x82\xB9\xE3\x83\x9C\xE3\x83\xB3");
	assert_non_null(a.byline);
	assert_string_equal(a.byline, "\xE5\xB1\xB1\xE7\x94\xB0\xE8\x8A\xB1\xE5\xAD\x90");
	assert_memory_equal(a.lead, "\xE6\xB8\xAF\xE3\x81\xAF", 6);
	nx_article_free(&a, &nx_malloc_allocator);
}

/* scripts without case and their bylines and datelines: Arabic and Greek by-words, prose that is no
 * name line, the Chinese wire dateline, and Chinese text without spaces (fixtures written for these tests) */
static void
test_caseless_scripts(void **state)
{
	nx_article	a;

	(void) state;
	a = parse("\xD9\x85\xD8\xAC\xD9\x84\xD8\xB3 \xD8\xA7\xD9\x84\xD9\x85\xD8\xAF\xD9\x8A\xD9\x86\xD8\xA9 \xD9\x8A\xD9\x88\xD8\xA7\xD9\x81\xD9\x82 \xD8\xB9\xD9\x84\xD9\x89 \xD9\x85\xD9\x8A\xD8\xB2\xD8\xA7\xD9\x86\xD9\x8A\xD8\xA9 \xD8\xA7\xD9\x84\xD9\x85\xD9\x8A\xD9\x86\xD8\xA7\xD8\xA1\n"
			  "\n"
			  "\xD8\xA8\xD9\x82\xD9\x84\xD9\x85 \xD8\xA3\xD8\xAD\xD9\x85\xD8\xAF \xD8\xB9\xD9\x84\xD9\x8A\n"
			  "\n"
			  "4 \xD8\xB3\xD8\xA8\xD8\xAA\xD9\x85\xD8\xA8\xD8\xB1 2016\n"
			  "\n"
			  "\xD9\x88\xD8\xA7\xD9\x81\xD9\x82 \xD9\x85\xD8\xAC\xD9\x84\xD8\xB3 \xD8\xA7\xD9\x84\xD9\x85\xD8\xAF\xD9\x8A\xD9\x86\xD8\xA9 \xD9\x8A\xD9\x88\xD9\x85 \xD8\xA7\xD9\x84\xD8\xAB\xD9\x84\xD8\xA7\xD8\xAB\xD8\xA7\xD8\xA1 \xD8\xB9\xD9\x84\xD9\x89 \xD9\x85\xD9\x8A\xD8\xB2\xD8\xA7\xD9\x86\xD9\x8A\xD8\xA9 \xD8\xAC\xD8\xAF\xD9\x8A\xD8\xAF\xD8\xA9 \xD9\x84\xD9\x85\xD9\x86\xD8\xB7\xD9\x82\xD8\xA9 \xD8\xA7\xD9\x84\xD9\x85\xD9\x8A\xD9\x86\xD8\xA7\xD8\xA1 \xD8\xA8\xD8\xB9\xD8\xAF \xD9\x86\xD9\x82\xD8\xA7\xD8\xB4 \xD8\xB7\xD9\x88\xD9\x8A\xD9\x84.\n"
			  "\n"
			  "\xD9\x88\xD8\xB3\xD8\xAA\xD8\xA8\xD8\xAF\xD8\xA3 \xD8\xA7\xD9\x84\xD8\xA3\xD8\xB9\xD9\x85\xD8\xA7\xD9\x84 \xD9\x81\xD9\x8A \xD8\xA7\xD9\x84\xD8\xB1\xD8\xA8\xD9\x8A\xD8\xB9.");
	assert_string_equal(a.byline, "\xD8\xA3\xD8\xAD\xD9\x85\xD8\xAF \xD8\xB9\xD9\x84\xD9\x8A");
	assert_non_null(a.body);
	assert_memory_equal(a.lead, "\xD9\x88\xD8\xA7\xD9\x81\xD9\x82", 8);
	nx_article_free(&a, &nx_malloc_allocator);
	a = parse("\xCE\x9F \xCE\xB4\xCE\xAE\xCE\xBC\xCE\xBF\xCF\x82 \xCE\xB5\xCE\xBD\xCE\xAD\xCE\xBA\xCF\x81\xCE\xB9\xCE\xBD\xCE\xB5 \xCF\x84\xCE\xBF\xCE\xBD \xCF\x80\xCF\x81\xCE\xBF\xCF\x8B\xCF\x80\xCE\xBF\xCE\xBB\xCE\xBF\xCE\xB3\xCE\xB9\xCF\x83\xCE\xBC\xCF\x8C\n"
			  "\n"
			  "\xCE\xA4\xCE\xB7\xCF\x82 \xCE\x9C\xCE\xB1\xCF\x81\xCE\xAF\xCE\xB1\xCF\x82 \xCE\xA0\xCE\xB1\xCF\x80\xCE\xB1\xCE\xB4\xCE\xBF\xCF\x80\xCE\xBF\xCF\x8D\xCE\xBB\xCE\xBF\xCF\x85\n"
			  "\n"
			  "04.09.2016 10:05\n"
			  "\n"
			  "\xCE\xA4\xCE\xBF \xCE\xB4\xCE\xB7\xCE\xBC\xCE\xBF\xCF\x84\xCE\xB9\xCE\xBA\xCF\x8C \xCF\x83\xCF\x85\xCE\xBC\xCE\xB2\xCE\xBF\xCF\x8D\xCE\xBB\xCE\xB9\xCE\xBF \xCE\xB5\xCE\xBD\xCE\xAD\xCE\xBA\xCF\x81\xCE\xB9\xCE\xBD\xCE\xB5 \xCF\x84\xCE\xB7\xCE\xBD \xCE\xA4\xCF\x81\xCE\xAF\xCF\x84\xCE\xB7 \xCE\xAD\xCE\xBD\xCE\xB1\xCE\xBD \xCE\xBD\xCE\xAD\xCE\xBF \xCF\x80\xCF\x81\xCE\xBF\xCF\x8B\xCF\x80\xCE\xBF\xCE\xBB\xCE\xBF\xCE\xB3\xCE\xB9\xCF\x83\xCE\xBC\xCF\x8C.");
	assert_string_equal(a.byline, "\xCE\x9C\xCE\xB1\xCF\x81\xCE\xAF\xCE\xB1\xCF\x82 \xCE\xA0\xCE\xB1\xCF\x80\xCE\xB1\xCE\xB4\xCE\xBF\xCF\x80\xCE\xBF\xCF\x8D\xCE\xBB\xCE\xBF\xCF\x85");
	nx_article_free(&a, &nx_malloc_allocator);
	a = parse("\xE5\xB8\x82\xE8\xAE\xAE\xE4\xBC\x9A\xE6\x89\xB9\xE5\x87\x86\xE6\xB8\xAF\xE5\x8F\xA3\xE9\xA2\x84\xE7\xAE\x97\n"
			  "\n"
			  "2016-09-04 10:05:00\n"
			  "\n"
			  "\xE6\x96\xB0\xE5\x8D\x8E\xE7\xA4\xBE\xE5\x8C\x97\xE4\xBA\xAC" "9\xE6\x9C\x88" "4\xE6\x97\xA5\xE7\x94\xB5 \xE5\xB8\x82\xE8\xAE\xAE\xE4\xBC\x9A\xE5\x91\xA8\xE4\xBA\x8C\xE7\xBB\x8F\xE8\xBF\x87\xE9\x95\xBF\xE6\x97\xB6\xE9\x97\xB4\xE8\xBE\xA9\xE8\xAE\xBA\xEF\xBC\x8C\xE6\x89\xB9\xE5\x87\x86\xE4\xBA\x86\xE6\xB8\xAF\xE5\x8F\xA3\xE5\x8C\xBA\xE7\x9A\x84\xE6\x96\xB0\xE9\xA2\x84\xE7\xAE\x97\xE3\x80\x82\n"
			  "\n"
			  "\xE5\xB7\xA5\xE7\xA8\x8B\xE5\xB0\x86\xE4\xBA\x8E\xE6\x98\xA5\xE5\xAD\xA3\xE5\xBC\x80\xE5\xA7\x8B\xE3\x80\x82");
	assert_non_null(a.dateline);
	assert_string_equal(a.dateline, "\xE5\x8C\x97\xE4\xBA\xAC");
	assert_memory_equal(a.lead, "\xE5\xB8\x82\xE8\xAE\xAE\xE4\xBC\x9A", 9);
	nx_article_free(&a, &nx_malloc_allocator);
	a = parse("\xE5\xB8\x82\xE8\xAE\xAE\xE4\xBC\x9A\xE6\x89\xB9\xE5\x87\x86\xE6\xB8\xAF\xE5\x8F\xA3\xE9\xA2\x84\xE7\xAE\x97\n"
			  "\n"
			  "2016-09-04 10:05:00\n"
			  "\n"
			  "\xE5\xB8\x82\xE8\xAE\xAE\xE4\xBC\x9A\xE5\x91\xA8\xE4\xBA\x8C\xE7\xBB\x8F\xE8\xBF\x87\xE9\x95\xBF\xE6\x97\xB6\xE9\x97\xB4\xE8\xBE\xA9\xE8\xAE\xBA\xEF\xBC\x8C\xE6\x89\xB9\xE5\x87\x86\xE4\xBA\x86\xE6\xB8\xAF\xE5\x8F\xA3\xE5\x8C\xBA\xE7\x9A\x84\xE6\x96\xB0\xE9\xA2\x84\xE7\xAE\x97\xE3\x80\x82\n"
			  "\n"
			  "\xE5\xB7\xA5\xE7\xA8\x8B\xE5\xB0\x86\xE4\xBA\x8E\xE6\x98\xA5\xE5\xAD\xA3\xE5\xBC\x80\xE5\xA7\x8B\xE3\x80\x82");
	assert_non_null(a.headline);
	assert_true(a.has_published);
	assert_non_null(a.body);
	nx_article_free(&a, &nx_malloc_allocator);
}

/* a scraped page: the site's menu above the headline, lists and topics after the story (fixture written for this test) */
static void
test_page_menu_and_foot(void **state)
{
	nx_article	a;

	(void) state;
	a = parse("Home\nNews\nSport\nBusiness\nSkip to main content\n\nBusiness | Markets\n\n"
			  "Harbour operator shares jump after record quarter\n\nProfits rose as container volumes recovered\n\n"
			  "By Ana Lima\n\nPublished 7 March 2021\n\nThe harbour operator said its profit rose in the quarter.\n\n"
			  "Its shares rose in early trading.\n\nTopics: Shipping, Markets\n\nMost Read\n1. Mayor unveils bus lanes\n"
			  "2. Heatwave warning issued");
	assert_non_null(a.headline);
	assert_string_equal(a.headline, "Harbour operator shares jump after record quarter");
	assert_string_equal(a.standfirst, "Profits rose as container volumes recovered");
	assert_string_equal(a.byline, "Ana Lima");
	assert_int_equal(a.published.day, 7);
	assert_string_equal(a.body, "The harbour operator said its profit rose in the quarter.\n\nIts shares rose in early trading.");
	nx_article_free(&a, &nx_malloc_allocator);
	/* two short lines are a headline and its standfirst, not a menu */
	a = parse("Harbour reopens\n\nShips return\n\nBy Ana Lima\n7 March 2021\n\nThe harbour reopened on Sunday.");
	assert_string_equal(a.headline, "Harbour reopens");
	nx_article_free(&a, &nx_malloc_allocator);
}

/* wire datelines of European agencies: month abbreviations of their languages, "4. Mai", the EFE ".-";
 * a period after a one-word place in capitals is no abbreviation's */
static void
test_european_wire_datelines(void **state)
{
	static const dateline_case cases[] = {
		{"MADRID, 7 mar (EFE).- El puerto ha reabierto tras la tormenta.", "MADRID"},
		{"VALENCIA.- El puerto ha reabierto tras la tormenta.", "VALENCIA"},
		{"PUSAN. March 7 , 2021 (AFP) - The harbour reopened after the storm.", "PUSAN"},
		{"ST. LOUIS, March 7 (Harbour Wire) - The harbour reopened after the storm.", "ST. LOUIS"},
		{"GENOVA, 7 MAR - Il porto ha riaperto dopo la tempesta.", "GENOVA"},
		{"LISBOA, 7 out (Lusa) - O porto reabriu depois da tempestade.", "LISBOA"},
		{"HAMBURG, 7. Mai (dpa) - Der Hafen ist nach dem Sturm wieder offen.", "HAMBURG"},
	};

	(void) state;
	check_datelines(cases, sizeof(cases) / sizeof(cases[0]));
}

/*
 * Text with a byte that is never UTF-8 (0xF5, as a lead byte) in its opening: the language is
 * read from what comes before it (a fuzz finding: CLD2 itself let such bytes through into a
 * table lookup that read out of bounds)
 */
static void
test_language_before_invalid_utf8(void **state)
{
	const char *text = "The harbour reopened on Sunday after the worst storm in years had kept it shut for a whole "
		"week, and the port authority counted the damage to the quays and the cranes on Monday morning "
		"before ships were allowed back in.\xF5\x91\x9A then more words follow here";
	int			has_english = 0;
	const char *lang = nx_language_identify(text, strlen(text), &has_english);

	(void) state;
	assert_non_null(lang);
	assert_string_equal(lang, "en");
	assert_true(has_english);
}

/* ISO 639-1 codes: Hebrew is "he" (CLD2 says "iw", the code withdrawn in 1989) */
static void
test_language_codes_are_current(void **state)
{
	const char *text = "הממשלה אישרה היום תוכנית חדשה לבניית פארק גדול ליד הנמל. לדברי ראש העיר, העבודות "
		"יתחילו באביב הבא ויימשכו שנתיים. תושבי השכונה בירכו על ההחלטה ואמרו שהם מחכים לכך שנים רבות.";
	int			has_english = 1;
	const char *lang = nx_language_identify(text, strlen(text), &has_english);

	(void) state;
	assert_non_null(lang);
	assert_string_equal(lang, "he");
	assert_false(has_english);
}

/* a handle or agency alone against the meta lines, and "Names | Publisher" with the publisher spelled freely */
static void
test_handle_and_publisher_bylines(void **state)
{
	static const struct
	{
		const char *text;
		const char *byline;
		const char *standfirst;
	}			cases[] = {
		{"Hafen wieder offen\nHafen wieder offen\nDer Hafen ist nach dem Sturm wieder offen.\nnewsdesk.example\n2 min read\n07 March, 2021\n"
		 "Die Schiffe sind am Sonntag zurückgekehrt.", "newsdesk.example", "Der Hafen ist nach dem Sturm wieder offen."},
		{"Hafen wieder offen\nHafen wieder offen\nDer Hafen ist nach dem Sturm wieder offen.\nabc, xyz\n2 min read\n07 March, 2021\n"
		 "Die Schiffe sind am Sonntag zurückgekehrt.", "abc, xyz", "Der Hafen ist nach dem Sturm wieder offen."},
		{"Hafen wieder offen\n\nDer Hafen ist nach dem Sturm wieder offen.\n\nAnna Berg | Hafenblatt (HB)\nSun 7 Mar 2021 10.05 GMT+1\n\n"
		 "Die Schiffe sind am Sonntag zurückgekehrt.", "Anna Berg | Hafenblatt (HB)", "Der Hafen ist nach dem Sturm wieder offen."},
		{"Hafen wieder offen\n\nDer Hafen ist nach dem Sturm wieder offen.\n\nagency | Hafenblatt\nSun 7 Mar 2021 10.05 GMT+1\n\n"
		 "Die Schiffe sind am Sonntag zurückgekehrt.", "agency | Hafenblatt", "Der Hafen ist nach dem Sturm wieder offen."},
	};
	size_t		i;
	nx_article	a;

	(void) state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		a = parse(cases[i].text);
		if (a.byline == NULL || strcmp(a.byline, cases[i].byline) != 0)
			fail_msg("case %zu: byline %s", i, a.byline ? a.byline : "NULL");
		if (a.standfirst == NULL || strcmp(a.standfirst, cases[i].standfirst) != 0)
			fail_msg("case %zu: standfirst %s", i, a.standfirst ? a.standfirst : "NULL");
		nx_article_free(&a, &nx_malloc_allocator);
	}
	/* a clause after a bar is not a publisher, and a word alone away from the meta lines is not a byline */
	a = parse("Politics | Mayor wins the vote\n\nSun 7 Mar 2021\n\nThe mayor won.");
	assert_string_equal(a.headline, "Politics | Mayor wins the vote");
	assert_null(a.byline);
	nx_article_free(&a, &nx_malloc_allocator);
	a = parse("Harbour reopens\n\nupdate\n\nSun 7 Mar 2021\n\nThe harbour reopened.");
	assert_null(a.byline);
	nx_article_free(&a, &nx_malloc_allocator);
	/* handles in lower case after a date and "by" */
	a = parse("Harbour reopens\nPosted on Mar. 7, 2021 by abc and xyz\n\nThe harbour reopened.");
	assert_non_null(a.byline);
	assert_string_equal(a.byline, "abc and xyz");
	assert_int_equal(a.published.day, 7);
	nx_article_free(&a, &nx_malloc_allocator);
	a = parse("Harbour reopens\nPosted on Mar. 7, 2021 by ana lima\n\nThe harbour reopened.");
	assert_non_null(a.byline);
	assert_string_equal(a.byline, "ana lima");
	nx_article_free(&a, &nx_malloc_allocator);
}

/*
 * A name over a line with the reporter's role ("Health reporter, BBC News"): the name is the
 * byline wherever the pair sits in the header, and the role line is neither standfirst nor lead.
 */
static void
test_name_over_role_line(void **state)
{
	static const struct
	{
		const char *text;
		const char *byline;
		const char *standfirst;
		const char *lead;
	}			cases[] = {
		/* under the standfirst, no blank lines, a handle after the role, the date below */
		{"Harbour reopens after a week of storms\nThe port says ships will dock again from Monday.\nAna Lima\n"
		 "Shipping and trade correspondent @analima\nSunday 7 March 2021 15:43, UK\n\nThe harbour reopened on Sunday.",
		 "Ana Lima", "The port says ships will dock again from Monday.", "The harbour reopened on Sunday."},
		/* after the date and share buttons, a role with the outlet */
		{"Harbour reopens after a week of storms\n7 March 2021\nShare\nAna Lima\nTransport reporter, Harbour News\n\n"
		 "The harbour reopened on Sunday.", "Ana Lima", NULL, "The harbour reopened on Sunday."},
		/* Swedish, after a caption: the role alone */
		{"Hamnen \xC3\xB6ppnar igen efter stormen\nFartygen kan l\xC3\xA4gga till fr\xC3\xA5n m\xC3\xA5ndag.\nPublicerad 7 mars 2021\n"
		 "Hamnen i Lule\xC3\xA5. Foto: Anna Berg\nErik Lind\nReporter\nHamnen \xC3\xB6ppnade igen p\xC3\xA5 s\xC3\xB6ndagen.",
		 "Erik Lind", "Fartygen kan l\xC3\xA4gga till fr\xC3\xA5n m\xC3\xA5ndag.", "Hamnen \xC3\xB6ppnade igen p\xC3\xA5 s\xC3\xB6ndagen."},
		/* Polish, the role with the outlet's name */
		{"Port znowu otwarty po burzy\nTomasz Nowak\nDziennikarz Portalu\nData utworzenia: 7 marca 2021\n\n"
		 "Port zosta\xC5\x82 otwarty w niedziel\xC4\x99.", "Tomasz Nowak", NULL, "Port zosta\xC5\x82 otwarty w niedziel\xC4\x99."},
	};

	(void) state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		nx_article	a = parse(cases[i].text);

		if (a.byline == NULL || strcmp(a.byline, cases[i].byline) != 0)
			fail_msg("case %zu: byline %s", i, a.byline ? a.byline : "NULL");
		if (cases[i].standfirst == NULL ? a.standfirst != NULL :
			(a.standfirst == NULL || strcmp(a.standfirst, cases[i].standfirst) != 0))
			fail_msg("case %zu: standfirst %s", i, a.standfirst ? a.standfirst : "NULL");
		if (a.lead == NULL || strcmp(a.lead, cases[i].lead) != 0)
			fail_msg("case %zu: lead %s", i, a.lead ? a.lead : "NULL");
		assert_int_equal(a.published.day, 7);
		nx_article_free(&a, &nx_malloc_allocator);
	}
	/* a sentence about a reporter under a name line is no role line */
	{
		nx_article	a = parse("Harbour reopens after a week of storms\n\nAna Lima\n"
							  "The reporter saw the first ship arrive\n\nThe harbour reopened on Sunday.");

		assert_null(a.byline);
		nx_article_free(&a, &nx_malloc_allocator);
	}
}

/* a person's name as the first segment of a meta line is the byline; an outlet or a label is not */
static void
test_name_in_meta_segments(void **state)
{
	static const struct
	{
		const char *text;
		const char *byline;		/* NULL: none */
	}			cases[] = {
		{"Harbour reopens after storm\n\nAna Lima \xC2\xB7 Harbour News \xC2\xB7 Posted: Mar 7, 2021 4:00 AM EDT | Last Updated: 9 hours ago\n\n"
		 "The harbour reopened.", "Ana Lima"},
		{"Harbour reopens after storm\nAna Lima / HNN / Updated: Mar 7, 2021, 04:12 IST\n\nThe harbour reopened.", "Ana Lima"},
		{"Harbour reopens after storm\n\nHarbour News \xC2\xB7 Posted: Mar 7, 2021 4:00 AM EDT\n\nThe harbour reopened.", NULL},
		{"Harbour reopens after storm\n\nHNN News / Updated: Mar 7, 2021, 04:12 IST\n\nThe harbour reopened.", NULL},
		{"Harbour reopens after storm\nSource: Harbour Wire | 2021-03-07 18:02:11 | Editor: abc\n\nThe harbour reopened.", NULL},
	};

	(void) state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		nx_article	a = parse(cases[i].text);

		if (cases[i].byline == NULL ? a.byline != NULL : (a.byline == NULL || strcmp(a.byline, cases[i].byline) != 0))
			fail_msg("case %zu: byline %s", i, a.byline ? a.byline : "NULL");
		assert_int_equal(a.published.day, 7);
		nx_article_free(&a, &nx_malloc_allocator);
	}
}

/* 01/04/2024 is read by the lead's wire dateline, in either parse mode */
static void
test_numeric_date_settled_by_dateline(void **state)
{
	static const struct
	{
		const char *text;
		int			month;
		int			day;
	}			cases[] = {
		{"HARBOUR REOPENS AFTER STORM\n01/04/2024 06:02 PM\nPORT KLANG, April 1 (Harbour Wire) -- The harbour reopened on Monday.", 4, 1},
		{"HARBOUR REOPENS AFTER STORM\n04/01/2024 06:02 PM\nPORT KLANG, April 1 (Harbour Wire) -- The harbour reopened on Monday.", 4, 1},
		/* a dateline date that is neither reading leaves the guess: month first in English */
		{"HARBOUR REOPENS AFTER STORM\n03/04/2024 06:02 PM\nPORT KLANG, April 1 (Harbour Wire) -- The harbour reopened on Monday.", 3, 4},
	};

	(void) state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		nx_article	a = parse(cases[i].text),
					head;

		assert_int_equal(nx_article_parse(cases[i].text, strlen(cases[i].text), NX_PARSE_HEADER_ONLY,
										  &nx_malloc_allocator, &head), NX_OK);
		if (a.published.month != cases[i].month || a.published.day != cases[i].day ||
			head.published.month != cases[i].month || head.published.day != cases[i].day)
			fail_msg("case %zu: %d-%d, header only %d-%d", i, a.published.month, a.published.day,
					 head.published.month, head.published.day);
		nx_article_free(&a, &nx_malloc_allocator);
		nx_article_free(&head, &nx_malloc_allocator);
	}
}

/* a place alone between the byline and the date is the dateline; initials, labels and roles are not */
static void
test_place_between_byline_and_date(void **state)
{
	static const struct
	{
		const char *text;
		const char *byline;
		const char *dateline;	/* NULL: none */
	}			cases[] = {
		{"Porto reabre depois da tempestade\nOs navios voltam a atracar a partir de segunda-feira.\nAna Lima\nPorto Alegre\n"
		 "7.mar.2021 às 17h42\n\nO porto reabriu no domingo.", "Ana Lima", "Porto Alegre"},
		{"Porto riaperto dopo la tempesta\nRedazione Porto\nGENOVA\n7 marzo 2021\n17:42\n\nIl porto ha riaperto domenica.",
		 "Redazione Porto", "GENOVA"},
		{"Harbour reopens after storm\nANA LIMA\nLISBON\nPUBLISHED MARCH 7, 2021\n\nThe harbour reopened on Sunday.", "ANA LIMA", "LISBON"},
		/* an outlet's initials, a role with separators, a label: the byline's, not a place */
		{"Satama avataan taas\nAna Lima\nHS\n7.3.2021 17:42 | P\xC3\xA4ivitetty 8.3.2021 8:15\n\nSatama avattiin sunnuntaina.", "Ana Lima", NULL},
		{"Harbour reopens after storm\nBy Ana Lima\nPort Editor\xC2\xB7Harbour Herald\xC2\xB7\n7 Mar, 2021 04:00 PM\n\nThe harbour reopened.", "Ana Lima", NULL},
		{"Harbour reopens after storm\nBy Ana Lima\nTopic:Harbours\n7 March 2021\n\nThe harbour reopened.", "Ana Lima", NULL},
	};

	(void) state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		nx_article	a = parse(cases[i].text);

		if (a.byline == NULL || strcmp(a.byline, cases[i].byline) != 0)
			fail_msg("case %zu: byline %s", i, a.byline ? a.byline : "NULL");
		if (cases[i].dateline == NULL ? a.dateline != NULL : (a.dateline == NULL || strcmp(a.dateline, cases[i].dateline) != 0))
			fail_msg("case %zu: dateline %s", i, a.dateline ? a.dateline : "NULL");
		assert_int_equal(a.published.day, 7);
		nx_article_free(&a, &nx_malloc_allocator);
	}
}

/* Korean wire datelines (place=agency, then the reporter), Japanese agency brackets, Russian agency datelines */
static void
test_wire_datelines_in_other_scripts(void **state)
{
	static const struct
	{
		const char *text;
		const char *dateline;
		const char *byline;		/* NULL: none */
		const char *lead;
	}			cases[] = {
		{"\xED\x95\xAD\xEA\xB5\xAC \xEB\x8B\xA4\xEC\x8B\x9C \xEC\x97\xB4\xEB\xA0\xA4\n\n(\xEB\xB6\x80\xEC\x82\xB0=\xEC\x97\xB0\xED\x95\xA9\xEB\x89\xB4\xEC\x8A\xA4) \xEC\x9D\xB4\xEB\xAF\xBC\xEC\xA7\x80 \xEA\xB8\xB0\xEC\x9E\x90 = \xED\x95\xAD\xEA\xB5\xAC\xEA\xB0\x80 \xEC\x9D\xBC\xEC\x9A\x94\xEC\x9D\xBC \xEB\x8B\xA4\xEC\x8B\x9C \xEB\xAC\xB8\xEC\x9D\x84 \xEC\x97\xB4\xEC\x97\x88\xEB\x8B\xA4.\n\n\xEB\xB0\xB0\xEB\x93\xA4\xEC\x9D\xB4 \xEB\x8F\x8C\xEC\x95\x84\xEC\x99\x94\xEB\x8B\xA4.", "\xEB\xB6\x80\xEC\x82\xB0", "\xEC\x9D\xB4\xEB\xAF\xBC\xEC\xA7\x80", "\xED\x95\xAD\xEA\xB5\xAC\xEA\xB0\x80 \xEC\x9D\xBC\xEC\x9A\x94\xEC\x9D\xBC \xEB\x8B\xA4\xEC\x8B\x9C \xEB\xAC\xB8\xEC\x9D\x84 \xEC\x97\xB4\xEC\x97\x88\xEB\x8B\xA4."},
		{"\xED\x95\xAD\xEA\xB5\xAC \xEB\x8B\xA4\xEC\x8B\x9C \xEC\x97\xB4\xEB\xA0\xA4\n\n\xE3\x80\x90\xEB\xB6\x80\xEC\x82\xB0=\xEB\x89\xB4\xEC\x8B\x9C\xEC\x8A\xA4\xE3\x80\x91\xEC\x9D\xB4\xEB\xAF\xBC\xEC\xA7\x80 \xED\x8A\xB9\xED\x8C\x8C\xEC\x9B\x90 = \xED\x95\xAD\xEA\xB5\xAC\xEA\xB0\x80 \xEC\x9D\xBC\xEC\x9A\x94\xEC\x9D\xBC \xEB\x8B\xA4\xEC\x8B\x9C \xEB\xAC\xB8\xEC\x9D\x84 \xEC\x97\xB4\xEC\x97\x88\xEB\x8B\xA4.\n\n\xEB\xB0\xB0\xEB\x93\xA4\xEC\x9D\xB4 \xEB\x8F\x8C\xEC\x95\x84\xEC\x99\x94\xEB\x8B\xA4.", "\xEB\xB6\x80\xEC\x82\xB0", "\xEC\x9D\xB4\xEB\xAF\xBC\xEC\xA7\x80", "\xED\x95\xAD\xEA\xB5\xAC\xEA\xB0\x80 \xEC\x9D\xBC\xEC\x9A\x94\xEC\x9D\xBC \xEB\x8B\xA4\xEC\x8B\x9C \xEB\xAC\xB8\xEC\x9D\x84 \xEC\x97\xB4\xEC\x97\x88\xEB\x8B\xA4."},
		{"\xE6\xB8\xAF\xE3\x81\x8C\xE5\x86\x8D\xE9\x96\x8B\xE3\x81\x97\xE3\x81\x9F\xE6\x97\xA5\xE6\x9B\x9C\xE6\x97\xA5\n\n\xE3\x80\x90\xE7\xA5\x9E\xE6\x88\xB8\xE5\x85\xB1\xE5\x90\x8C\xE3\x80\x91\xE6\xB8\xAF\xE3\x81\xAF\xE6\x97\xA5\xE6\x9B\x9C\xE6\x97\xA5\xE3\x81\xAB\xE5\x86\x8D\xE9\x96\x8B\xE3\x81\x97\xE3\x81\x9F\xE3\x80\x82\n\n\xE8\x88\xB9\xE3\x81\x8C\xE6\x88\xBB\xE3\x81\xA3\xE3\x81\x9F\xE3\x80\x82", "\xE7\xA5\x9E\xE6\x88\xB8", NULL, "\xE6\xB8\xAF\xE3\x81\xAF\xE6\x97\xA5\xE6\x9B\x9C\xE6\x97\xA5\xE3\x81\xAB\xE5\x86\x8D\xE9\x96\x8B\xE3\x81\x97\xE3\x81\x9F\xE3\x80\x82"},
		{"\xE6\xB8\xAF\xE3\x81\x8C\xE5\x86\x8D\xE9\x96\x8B\xE3\x81\x97\xE3\x81\x9F\xE6\x97\xA5\xE6\x9B\x9C\xE6\x97\xA5\n\n\xE3\x80\x90\xE3\x83\xAD\xE3\x83\xB3\xE3\x83\x89\xE3\x83\xB3\xE6\x99\x82\xE4\xBA\x8B\xE3\x80\x91\xE6\xB8\xAF\xE3\x81\xAF\xE6\x97\xA5\xE6\x9B\x9C\xE6\x97\xA5\xE3\x81\xAB\xE5\x86\x8D\xE9\x96\x8B\xE3\x81\x97\xE3\x81\x9F\xE3\x80\x82\n\n\xE8\x88\xB9\xE3\x81\x8C\xE6\x88\xBB\xE3\x81\xA3\xE3\x81\x9F\xE3\x80\x82", "\xE3\x83\xAD\xE3\x83\xB3\xE3\x83\x89\xE3\x83\xB3", NULL, "\xE6\xB8\xAF\xE3\x81\xAF\xE6\x97\xA5\xE6\x9B\x9C\xE6\x97\xA5\xE3\x81\xAB\xE5\x86\x8D\xE9\x96\x8B\xE3\x81\x97\xE3\x81\x9F\xE3\x80\x82"},
		/* Russian agencies: the place in capitals, day and month, the agency after a dash or in slashes */
		{"\xD0\x9F\xD0\xBE\xD1\x80\xD1\x82 \xD1\x81\xD0\xBD\xD0\xBE\xD0\xB2\xD0\xB0 \xD0\xBE\xD1\x82\xD0\xBA\xD1\x80\xD1\x8B\xD1\x82 \xD0\xBF\xD0\xBE\xD1\x81\xD0\xBB\xD0\xB5 \xD1\x88\xD1\x82\xD0\xBE\xD1\x80\xD0\xBC\xD0\xB0\n\n\xD0\x9C\xD0\xA3\xD0\xA0\xD0\x9C\xD0\x90\xD0\x9D\xD0\xA1\xD0\x9A, 7 \xD0\xBC\xD0\xB0\xD1\x80 \xE2\x80\x94 \xD0\x9F\xD0\xBE\xD1\x80\xD1\x82\xD0\xBE\xD0\xB2\xD1\x8B\xD0\xB5 \xD0\x92\xD0\xB5\xD1\x81\xD1\x82\xD0\xB8. \xD0\x9F\xD0\xBE\xD1\x80\xD1\x82 \xD0\xBE\xD1\x82\xD0\xBA\xD1\x80\xD1\x8B\xD0\xBB\xD1\x81\xD1\x8F \xD0\xB2 \xD0\xB2\xD0\xBE\xD1\x81\xD0\xBA\xD1\x80\xD0\xB5\xD1\x81\xD0\xB5\xD0\xBD\xD1\x8C\xD0\xB5.\n\n\xD0\xA1\xD1\x83\xD0\xB4\xD0\xB0 \xD0\xB2\xD0\xB5\xD1\x80\xD0\xBD\xD1\x83\xD0\xBB\xD0\xB8\xD1\x81\xD1\x8C.", "\xD0\x9C\xD0\xA3\xD0\xA0\xD0\x9C\xD0\x90\xD0\x9D\xD0\xA1\xD0\x9A", NULL, "\xD0\x9F\xD0\xBE\xD1\x80\xD1\x82 \xD0\xBE\xD1\x82\xD0\xBA\xD1\x80\xD1\x8B\xD0\xBB\xD1\x81\xD1\x8F \xD0\xB2 \xD0\xB2\xD0\xBE\xD1\x81\xD0\xBA\xD1\x80\xD0\xB5\xD1\x81\xD0\xB5\xD0\xBD\xD1\x8C\xD0\xB5."},
		{"\xD0\x9F\xD0\xBE\xD1\x80\xD1\x82 \xD1\x81\xD0\xBD\xD0\xBE\xD0\xB2\xD0\xB0 \xD0\xBE\xD1\x82\xD0\xBA\xD1\x80\xD1\x8B\xD1\x82 \xD0\xBF\xD0\xBE\xD1\x81\xD0\xBB\xD0\xB5 \xD1\x88\xD1\x82\xD0\xBE\xD1\x80\xD0\xBC\xD0\xB0\n\n\xD0\x9D\xD0\x98\xD0\x96\xD0\x9D\xD0\x98\xD0\x99 \xD0\x9D\xD0\x9E\xD0\x92\xD0\x93\xD0\x9E\xD0\xA0\xD0\x9E\xD0\x94, 7 \xD0\xBC\xD0\xB0\xD1\x80\xD1\x82\xD0\xB0. /\xD0\x9F\xD0\x9E\xD0\xA0\xD0\xA2/. \xD0\x9F\xD0\xBE\xD1\x80\xD1\x82 \xD0\xBE\xD1\x82\xD0\xBA\xD1\x80\xD1\x8B\xD0\xBB\xD1\x81\xD1\x8F \xD0\xB2 \xD0\xB2\xD0\xBE\xD1\x81\xD0\xBA\xD1\x80\xD0\xB5\xD1\x81\xD0\xB5\xD0\xBD\xD1\x8C\xD0\xB5.\n\n\xD0\xA1\xD1\x83\xD0\xB4\xD0\xB0 \xD0\xB2\xD0\xB5\xD1\x80\xD0\xBD\xD1\x83\xD0\xBB\xD0\xB8\xD1\x81\xD1\x8C.", "\xD0\x9D\xD0\x98\xD0\x96\xD0\x9D\xD0\x98\xD0\x99 \xD0\x9D\xD0\x9E\xD0\x92\xD0\x93\xD0\x9E\xD0\xA0\xD0\x9E\xD0\x94", NULL, "\xD0\x9F\xD0\xBE\xD1\x80\xD1\x82 \xD0\xBE\xD1\x82\xD0\xBA\xD1\x80\xD1\x8B\xD0\xBB\xD1\x81\xD1\x8F \xD0\xB2 \xD0\xB2\xD0\xBE\xD1\x81\xD0\xBA\xD1\x80\xD0\xB5\xD1\x81\xD0\xB5\xD0\xBD\xD1\x8C\xD0\xB5."},
	};

	(void) state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		nx_article	a = parse(cases[i].text);

		if (a.dateline == NULL || strcmp(a.dateline, cases[i].dateline) != 0)
			fail_msg("case %zu: dateline %s", i, a.dateline ? a.dateline : "NULL");
		if (cases[i].byline == NULL ? a.byline != NULL : (a.byline == NULL || strcmp(a.byline, cases[i].byline) != 0))
			fail_msg("case %zu: byline %s", i, a.byline ? a.byline : "NULL");
		if (a.lead == NULL || strcmp(a.lead, cases[i].lead) != 0)
			fail_msg("case %zu: lead %s", i, a.lead ? a.lead : "NULL");
		nx_article_free(&a, &nx_malloc_allocator);
	}
	/* without the equals sign or the agency, a bracket is the text's own */
	{
		nx_article	a = parse("\xED\x95\xAD\xEA\xB5\xAC \xEB\x8B\xA4\xEC\x8B\x9C \xEC\x97\xB4\xEB\xA0\xA4\n\n(\xEB\xB6\x80\xEC\x82\xB0) \xED\x95\xAD\xEA\xB5\xAC\xEA\xB0\x80 \xEC\x9D\xBC\xEC\x9A\x94\xEC\x9D\xBC \xEB\x8B\xA4\xEC\x8B\x9C \xEB\xAC\xB8\xEC\x9D\x84 \xEC\x97\xB4\xEC\x97\x88\xEB\x8B\xA4.\n\n\xEB\xB0\xB0\xEB\x93\xA4\xEC\x9D\xB4 \xEB\x8F\x8C\xEC\x95\x84\xEC\x99\x94\xEB\x8B\xA4.");

		assert_null(a.dateline);
		nx_article_free(&a, &nx_malloc_allocator);
	}
}

/*
 * A caption with its credit on the next line ("Travis Heinz/AP", "© Agency / Name", "Getty
 * Images") under the meta lines: a caption, not the lead; table heads and role lines are not.
 */
static void
test_caption_over_credit_line(void **state)
{
	static const struct
	{
		const char *text;
		const char *caption;	/* NULL: no caption */
		const char *lead;
	}			cases[] = {
		{"Harbour reopens after the storm\nBy Ana Lima\n7 March 2021\nEnlarge this image\nShips queue outside the harbour on Sunday.\n"
		 "Rui Costa/HNN\nhide caption\n\nThe harbour reopened on Sunday after a week of storms.",
		 "Ships queue outside the harbour on Sunday.", "The harbour reopened on Sunday after a week of storms."},
		{"Harbour reopens after the storm\n7 March 2021\nShips queue outside the harbour on Sunday\n\xC2\xA9 Harbour News / Rui Costa\n\n"
		 "The harbour reopened on Sunday after a week of storms.",
		 "Ships queue outside the harbour on Sunday", "The harbour reopened on Sunday after a week of storms."},
		{"Harbour reopens after the storm\n7 March 2021\nShips queue outside the harbour on Sunday.\nGetty Images\n\n"
		 "The harbour reopened on Sunday after a week of storms.",
		 "Ships queue outside the harbour on Sunday.", "The harbour reopened on Sunday after a week of storms."},
		/* a table's heads under the line that introduces it */
		{"Harbour traffic\n7 March 2021\nShips that called at the harbour, by quarter, were -\nJan/Mar    Apr/Jun\n\nThe harbour reopened on Sunday.",
		 NULL, "Ships that called at the harbour, by quarter, were -"},
		/* a role line over a credit stays the byline's */
		{"Harbour reopens after the storm\n7 March 2021\nAna Lima\nTransport reporter, Harbour News\nGetty Images\n\n"
		 "The harbour reopened on Sunday after a week of storms.", NULL, "The harbour reopened on Sunday after a week of storms."},
	};

	(void) state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		nx_article	a = parse(cases[i].text);

		if (cases[i].caption == NULL ? a.ncaptions != 0 :
			(a.ncaptions != 1 || strcmp(a.captions[0], cases[i].caption) != 0))
			fail_msg("case %zu: %d captions, first %s", i, a.ncaptions, a.ncaptions ? a.captions[0] : "");
		if (a.lead == NULL || strcmp(a.lead, cases[i].lead) != 0)
			fail_msg("case %zu: lead %s", i, a.lead ? a.lead : "NULL");
		nx_article_free(&a, &nx_malloc_allocator);
	}
}

/* a breadcrumb in Thai, and the words for "by" or "writer" in Thai, Indonesian, Swahili, Tagalog and Chinese before a byline */
static void
test_crumbs_and_by_words_in_other_scripts(void **state)
{
	static const struct
	{
		const char *text;
		const char *headline;
		const char *byline;
		int			day;
	}			cases[] = {
		{"\xE0\xB8\xAB\xE0\xB8\x99\xE0\xB9\x89\xE0\xB8\xB2\xE0\xB9\x81\xE0\xB8\xA3\xE0\xB8\x81 > \xE0\xB8\x82\xE0\xB9\x88\xE0\xB8\xB2\xE0\xB8\xA7 > \xE0\xB9\x80\xE0\xB8\xA8\xE0\xB8\xA3\xE0\xB8\xA9\xE0\xB8\x90\xE0\xB8\x81\xE0\xB8\xB4\xE0\xB8\x88\n\xE0\xB8\x97\xE0\xB9\x88\xE0\xB8\xB2\xE0\xB9\x80\xE0\xB8\xA3\xE0\xB8\xB7\xE0\xB8\xAD\xE0\xB8\x81\xE0\xB8\xA5\xE0\xB8\xB1\xE0\xB8\x9A\xE0\xB8\xA1\xE0\xB8\xB2\xE0\xB9\x80\xE0\xB8\x9B\xE0\xB8\xB4\xE0\xB8\x94\xE0\xB9\x83\xE0\xB8\xAB\xE0\xB9\x89\xE0\xB8\x9A\xE0\xB8\xA3\xE0\xB8\xB4\xE0\xB8\x81\xE0\xB8\xB2\xE0\xB8\xA3\xE0\xB8\xAD\xE0\xB8\xB5\xE0\xB8\x81\xE0\xB8\x84\xE0\xB8\xA3\xE0\xB8\xB1\xE0\xB9\x89\xE0\xB8\x87\xE0\xB8\xAB\xE0\xB8\xA5\xE0\xB8\xB1\xE0\xB8\x87\xE0\xB8\x9E\xE0\xB8\xB2\xE0\xB8\xA2\xE0\xB8\xB8\xE0\xB8\xAA\xE0\xB8\x87\xE0\xB8\x9A\xE0\xB8\xA5\xE0\xB8\x87\xE0\xB9\x81\xE0\xB8\xA5\xE0\xB9\x89\xE0\xB8\xA7\n5 \xE0\xB8\xA1\xE0\xB8\xB5.\xE0\xB8\x84. 2567 14:25 \xE0\xB8\x99.\n\xE0\xB8\x9C\xE0\xB8\xB9\xE0\xB9\x89\xE0\xB9\x80\xE0\xB8\x82\xE0\xB8\xB5\xE0\xB8\xA2\xE0\xB8\x99: \xE0\xB8\xAA\xE0\xB8\xA1\xE0\xB8\x8A\xE0\xB8\xB2\xE0\xB8\xA2 \xE0\xB9\x83\xE0\xB8\x88\xE0\xB8\x94\xE0\xB8\xB5\n\n\xE0\xB8\x97\xE0\xB9\x88\xE0\xB8\xB2\xE0\xB9\x80\xE0\xB8\xA3\xE0\xB8\xB7\xE0\xB8\xAD\xE0\xB8\x81\xE0\xB8\xA5\xE0\xB8\xB1\xE0\xB8\x9A\xE0\xB8\xA1\xE0\xB8\xB2\xE0\xB9\x80\xE0\xB8\x9B\xE0\xB8\xB4\xE0\xB8\x94\xE0\xB8\xAD\xE0\xB8\xB5\xE0\xB8\x81\xE0\xB8\x84\xE0\xB8\xA3\xE0\xB8\xB1\xE0\xB9\x89\xE0\xB8\x87\xE0\xB9\x83\xE0\xB8\x99\xE0\xB8\xA7\xE0\xB8\xB1\xE0\xB8\x99\xE0\xB8\xAD\xE0\xB8\xB2\xE0\xB8\x97\xE0\xB8\xB4\xE0\xB8\x95\xE0\xB8\xA2\xE0\xB9\x8C\xE0\xB8\xAB\xE0\xB8\xA5\xE0\xB8\xB1\xE0\xB8\x87\xE0\xB8\x88\xE0\xB8\xB2\xE0\xB8\x81\xE0\xB8\x9E\xE0\xB8\xB2\xE0\xB8\xA2\xE0\xB8\xB8\xE0\xB8\x9C\xE0\xB9\x88\xE0\xB8\xB2\xE0\xB8\x99\xE0\xB9\x84\xE0\xB8\x9B\xE0\xB8\xAB\xE0\xB8\x99\xE0\xB8\xB6\xE0\xB9\x88\xE0\xB8\x87\xE0\xB8\xAA\xE0\xB8\xB1\xE0\xB8\x9B\xE0\xB8\x94\xE0\xB8\xB2\xE0\xB8\xAB\xE0\xB9\x8C",
		 "\xE0\xB8\x97\xE0\xB9\x88\xE0\xB8\xB2\xE0\xB9\x80\xE0\xB8\xA3\xE0\xB8\xB7\xE0\xB8\xAD\xE0\xB8\x81\xE0\xB8\xA5\xE0\xB8\xB1\xE0\xB8\x9A\xE0\xB8\xA1\xE0\xB8\xB2\xE0\xB9\x80\xE0\xB8\x9B\xE0\xB8\xB4\xE0\xB8\x94\xE0\xB9\x83\xE0\xB8\xAB\xE0\xB9\x89\xE0\xB8\x9A\xE0\xB8\xA3\xE0\xB8\xB4\xE0\xB8\x81\xE0\xB8\xB2\xE0\xB8\xA3\xE0\xB8\xAD\xE0\xB8\xB5\xE0\xB8\x81\xE0\xB8\x84\xE0\xB8\xA3\xE0\xB8\xB1\xE0\xB9\x89\xE0\xB8\x87\xE0\xB8\xAB\xE0\xB8\xA5\xE0\xB8\xB1\xE0\xB8\x87\xE0\xB8\x9E\xE0\xB8\xB2\xE0\xB8\xA2\xE0\xB8\xB8\xE0\xB8\xAA\xE0\xB8\x87\xE0\xB8\x9A\xE0\xB8\xA5\xE0\xB8\x87\xE0\xB9\x81\xE0\xB8\xA5\xE0\xB9\x89\xE0\xB8\xA7", "\xE0\xB8\xAA\xE0\xB8\xA1\xE0\xB8\x8A\xE0\xB8\xB2\xE0\xB8\xA2 \xE0\xB9\x83\xE0\xB8\x88\xE0\xB8\x94\xE0\xB8\xB5", 5},
		{"Bandari yafunguliwa tena baada ya dhoruba kali\nNa Amina Juma\n7 Machi 2021\n\nBandari ilifunguliwa tena Jumapili baada ya wiki moja ya dhoruba.",
		 "Bandari yafunguliwa tena baada ya dhoruba kali", "Amina Juma", 7},
		{"Muling binuksan ang daungan matapos ang bagyo\nNi Juan dela Cruz\nMarso 7, 2021\n\nMuling binuksan ang daungan noong Linggo matapos ang isang linggong bagyo.",
		 "Muling binuksan ang daungan matapos ang bagyo", "Juan dela Cruz", 7},
		{"Pelabuhan dibuka kembali setelah badai\nPenulis Rina Sari | Editor Budi Santoso\n7 Maret 2021\n\nPelabuhan dibuka kembali pada hari Minggu setelah badai selama seminggu.",
		 "Pelabuhan dibuka kembali setelah badai", "Rina Sari", 7},
		{"\xE6\xB8\xAF\xE5\x8F\xA3\xE5\x9C\xA8\xE6\x9A\xB4\xE9\xA3\x8E\xE9\x9B\xA8\xE8\xBF\x87\xE5\x90\x8E\xE9\x87\x8D\xE6\x96\xB0\xE5\xBC\x80\xE6\x94\xBE\n2021\xE5\xB9\xB4" "3\xE6\x9C\x88" "7\xE6\x97\xA5 10:05\n\xE6\x92\xB0\xE6\x96\x87\xEF\xBC\x9A\xE5\xBC\xB5\xE5\x81\x89\n\n\xE6\xB8\xAF\xE5\x8F\xA3\xE5\x9C\xA8\xE4\xB8\x80\xE5\x91\xA8\xE7\x9A\x84\xE6\x9A\xB4\xE9\xA3\x8E\xE9\x9B\xA8\xE4\xB9\x8B\xE5\x90\x8E\xE4\xBA\x8E\xE6\x98\x9F\xE6\x9C\x9F\xE6\x97\xA5\xE9\x87\x8D\xE6\x96\xB0\xE5\xBC\x80\xE6\x94\xBE\xE3\x80\x82",
		 "\xE6\xB8\xAF\xE5\x8F\xA3\xE5\x9C\xA8\xE6\x9A\xB4\xE9\xA3\x8E\xE9\x9B\xA8\xE8\xBF\x87\xE5\x90\x8E\xE9\x87\x8D\xE6\x96\xB0\xE5\xBC\x80\xE6\x94\xBE", "\xE5\xBC\xB5\xE5\x81\x89", 7},
	};

	(void) state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		nx_article	a = parse(cases[i].text);

		if (a.headline == NULL || strcmp(a.headline, cases[i].headline) != 0)
			fail_msg("case %zu: headline %s", i, a.headline ? a.headline : "NULL");
		if (a.byline == NULL || strcmp(a.byline, cases[i].byline) != 0)
			fail_msg("case %zu: byline %s", i, a.byline ? a.byline : "NULL");
		assert_int_equal(a.published.day, cases[i].day);
		nx_article_free(&a, &nx_malloc_allocator);
	}
}

/*
 * An archive's header lines (word count, copyright), a wire update's note, and a section of
 * the site named like an outlet above the headline: none is headline, standfirst or body.
 */
static void
test_archive_lines_and_wire_notes(void **state)
{
	nx_article	a;

	(void) state;
	a = parse("Harbour reopens after a week of storms\nBy ANA LIMA\nHarbour Wire\n612 words\n7 March 2021\n18:02\n"
			  "(c) 2021. Harbour Wire. All Rights Reserved.\n\nLISBON (HW) \xE2\x80\x94 The harbour reopened on Sunday.");
	assert_null(a.standfirst);
	assert_non_null(a.dateline);
	assert_string_equal(a.dateline, "LISBON");
	nx_article_free(&a, &nx_malloc_allocator);
	a = parse("UPDATE 1-Harbour reopens after a week of storms\nSun Mar 7, 2021 6:02pm EDT\n"
			  "(Adds minister's comments in paragraphs 5-6)\n\nBy Ana Lima\n\nLISBON, March 7 (Harbour Wire) - The harbour reopened.\n\n"
			  "The minister spoke.\n\n(Corrects spelling of town in paragraph two)");
	assert_null(a.standfirst);
	assert_string_equal(a.body, "The harbour reopened.\n\nThe minister spoke.");
	nx_article_free(&a, &nx_malloc_allocator);
	a = parse("Skip to main content\nU.S. News\nCrews search the river after a rural bridge gives way under a truck\n"
			  "BY ANA LIMA\nUpdated 6:02 PM EDT, March 7, 2021\n\nDivers searched the river on Sunday.");
	assert_string_equal(a.headline, "Crews search the river after a rural bridge gives way under a truck");
	assert_null(a.standfirst);
	nx_article_free(&a, &nx_malloc_allocator);
	/* a number alone on a wrapped line is no clock time */
	a = parse("Harbour fees steady\n7 March 2021\n\nFees per ton ranged from 0.64 to\n0.50.\n\nThe harbour reopened.");
	assert_non_null(strstr(a.body, "0.50."));
	nx_article_free(&a, &nx_malloc_allocator);
}

/*
 * More page furniture: a follow button under the reporter's name, a share button and a
 * comment counter under the standfirst, a web address alone, a photo credit in brackets.
 */
static void
test_follow_share_and_address_lines(void **state)
{
	nx_article	a;

	(void) state;
	a = parse("Harbour reopens after a week of storms\nShips will dock again from Monday, the port said\nAna Lima\n+ FOLLOW\n"
			  "Published: 6:00am, 7 Mar 2021\n\nThe harbour reopened on Sunday.");
	assert_string_equal(a.standfirst, "Ships will dock again from Monday, the port said");
	assert_non_null(a.byline);
	assert_string_equal(a.byline, "Ana Lima");
	nx_article_free(&a, &nx_malloc_allocator);
	a = parse("Harbour Reopens After a Week of Storms\nShips will dock again from Monday, the port said.\nShare full article\n142\n"
			  "By Ana Lima\nPublished March 7, 2021\n\nThe harbour reopened on Sunday.");
	assert_string_equal(a.standfirst, "Ships will dock again from Monday, the port said.");
	nx_article_free(&a, &nx_malloc_allocator);
	a = parse("Harbour reopens after a week of storms\nShort Url\nhttps://example.com/p8x2k\nUpdated 7 March 2021\n\n"
			  "The harbour reopened on Sunday.\n\nShips queue outside the harbour. (Harbour News: Rui Costa)\n\nTrade resumed.");
	assert_null(a.standfirst);
	assert_int_equal(a.ncaptions, 1);
	assert_string_equal(a.body, "The harbour reopened on Sunday.\n\nTrade resumed.");
	nx_article_free(&a, &nx_malloc_allocator);
	/* a place in capitals after the date is the dateline; a photographer/outlet credit in brackets ends a caption */
	a = parse("Harbour reopens after a week of storms\nPublished - March 7, 2021 09:41 pm IST - CHENNAI\n\n"
			  "Ships queue outside the harbour on Sunday. (Rui Costa/The Harbour Times)\n\nThe harbour reopened on Sunday.");
	assert_non_null(a.dateline);
	assert_string_equal(a.dateline, "CHENNAI");
	assert_int_equal(a.ncaptions, 1);
	assert_string_equal(a.lead, "The harbour reopened on Sunday.");
	nx_article_free(&a, &nx_malloc_allocator);
	/* a table's heads in capitals in brackets are no credit */
	a = parse("Harbour fees\n7 March 2021\n\nFees were set for the year.\n\nHARBOUR FEES (DLRS PER TON/IN PORT)\n\nGrain 14.50");
	assert_int_equal(a.ncaptions, 0);
	nx_article_free(&a, &nx_malloc_allocator);
}

/* "Posted by", a handle alone under the name, a role after a bar */
static void
test_posted_by_handle_and_role_after_bar(void **state)
{
	static const header_case cases[] = {
		{"Harbour reopens after storm\nPosted by Ana Lima on March 7, 2021\n\nThe harbour reopened.", "Ana Lima", 7},
		{"Harbour reopens after storm\nAna Lima\n@analima\nMarch 7, 2021\n\nThe harbour reopened.", "Ana Lima", 7},
		{"Harbour reopens after storm\nAna Lima | Senior Reporter\nMarch 7, 2021\n\nThe harbour reopened.", "Ana Lima", 7},
		{"Harbour reopens after storm\nAna Lima | Harbour Times\nMarch 7, 2021\n\nThe harbour reopened.", "Ana Lima | Harbour Times", 7},
	};

	(void) state;
	check_header_cases(cases, sizeof(cases) / sizeof(cases[0]));
}

static void
test_standfirst_paragraphs(void **state)
{
	nx_article	a = parse("Harbour reopens after storm\n\nShips returned on Sunday.\n\nThe port had been shut for a week.\n\n"
						  "By Ana Lima\n7 March 2021\n\nThe harbour reopened.\n\nMore text.");

	(void) state;
	assert_string_equal(a.standfirst, "Ships returned on Sunday.\n\nThe port had been shut for a week.");
	assert_string_equal(a.byline, "Ana Lima");
	assert_string_equal(a.lead, "The harbour reopened.");
	nx_article_free(&a, &nx_malloc_allocator);
	/* by position: a paragraph opening with a dateline before the byline, and four paragraphs before it */
	a = parse("Harbour reopens after storm\n\nPORTO, March 7 (Wire) - Ships returned on Sunday.\nBy Ana Lima\n7 March 2021\n\n"
			  "The harbour reopened.\n\nMore text.");
	assert_string_equal(a.standfirst, "PORTO, March 7 (Wire) - Ships returned on Sunday.");
	assert_string_equal(a.byline, "Ana Lima");
	assert_string_equal(a.lead, "The harbour reopened.");
	nx_article_free(&a, &nx_malloc_allocator);
	/* hard-wrapped wire copy: a lead that goes on with a line like a byline or a date is no standfirst */
	a = parse("HARBOUR REOPENS\n\nPORTO, March 7 - The port said its plan was drawn up\nby Ana Lima.\n"
			  "    It will reopen on\nJune 19, 2021.\n    More text follows here.");
	assert_null(a.standfirst);
	assert_string_equal(a.dateline, "PORTO");
	nx_article_free(&a, &nx_malloc_allocator);
	a = parse("Harbour reopens\n\nOne.\n\nTwo.\n\nThree.\n\nFour.\n\nBy Ana Lima\n7 March 2021\n\nThe harbour reopened.\n\nMore.");
	assert_string_equal(a.standfirst, "One.\n\nTwo.\n\nThree.\n\nFour.");
	assert_string_equal(a.byline, "Ana Lima");
	nx_article_free(&a, &nx_malloc_allocator);
	/* paragraphs before a labelled date at the foot of a short text are the body, not a standfirst */
	a = parse("Harbour reopens\n\nShips returned on Sunday.\n\nThe port had been shut.\n\nPublished: 7 March 2021");
	assert_null(a.standfirst);
	assert_string_equal(a.lead, "Ships returned on Sunday.");
	assert_int_equal(a.published.day, 7);
	nx_article_free(&a, &nx_malloc_allocator);
	/* a photo caption between the summary and the meta lines: the caption kept, the header read on */
	a = parse("Harbour reopens\n\nShips returned on Sunday\n\nA ship enters the port. Photo: Rui Costa/Harbour Times\n\n"
			  "By Ana Lima\n\n7 March 2021\n\nThe harbour reopened.\n\nMore text.");
	assert_string_equal(a.standfirst, "Ships returned on Sunday");
	assert_string_equal(a.byline, "Ana Lima");
	assert_int_equal(a.published.day, 7);
	assert_int_equal(a.ncaptions, 1);
	assert_string_equal(a.lead, "The harbour reopened.");
	nx_article_free(&a, &nx_malloc_allocator);
}

/* a standfirst under the byline and date: a summary phrase, or paragraphs before a dateline lead; never the lead itself */
static void
test_standfirst_after_meta_lines(void **state)
{
	static const struct
	{
		const char *paragraphs;	/* under "Headline\nPosted on ... by ...\n\n" */
		const char *standfirst;
		const char *lead;
	}			cases[] = {
		{"Ships return to a port that had been shut for a week by the worst storm in years\n\n"
			"The harbour reopened on Sunday.\n\nMore text.",
		"Ships return to a port that had been shut for a week by the worst storm in years", "The harbour reopened on Sunday."},
		{"The port had been shut for a week by the worst storm in years.\n\n"
			"PORTO \xE2\x80\x94 The harbour reopened on Sunday.\n\nMore text.",
		"The port had been shut for a week by the worst storm in years.", "The harbour reopened on Sunday."},
		/* a lead that ends like a sentence, and a short sub-heading, stay in the body */
		{"The harbour reopened on Sunday after a week.\n\nShips came back.\n\nMore text.",
		NULL, "The harbour reopened on Sunday after a week."},
		{"What the storm left\n\nThe harbour reopened on Sunday after a week.\n\nMore text.",
		NULL, "What the storm left"},
		/* a short teaser that ends like a sentence, above a lead twice as long with more than one sentence */
		{"Ships are back in port. What the storm cost the town.\n\n"
			"The harbour reopened on Sunday after a week in which no ship could enter or leave. "
			"The port authority counted the damage on Monday and said repairs would take months.\n\nMore text.",
			"Ships are back in port. What the storm cost the town.",
		"The harbour reopened on Sunday after a week in which no ship could enter or leave. "
		"The port authority counted the damage on Monday and said repairs would take months."},
		/* a lead before a long one-sentence paragraph (wire style; "U.S." ends no sentence) stays the lead */
		{"The harbour reopened on Sunday after a week.\n\n"
			"The port authority, which had asked the U.S. Navy for help with the wrecks, said on Monday that the "
			"repairs to the quays and the cranes would take months.\n\nMore text.",
		NULL, "The harbour reopened on Sunday after a week."},
		/* ... and before a paragraph of sentences not twice as long */
		{"The harbour reopened on Sunday after a week in which no ship could enter.\n\n"
			"The port authority counted the damage to the quays and cranes on Monday. "
			"Repairs to them will take several months.\n\nMore text.",
		NULL, "The harbour reopened on Sunday after a week in which no ship could enter."},
		/* hard-wrapped: the lines under the meta lines are one lead paragraph */
		{"The harbour reopened on Sunday after the worst storm in many\nyears had shut it for a week and more, the port authority\n"
			"said on Monday, adding that all of the ships were back in\nport.\n\nMore text.",
			NULL, "The harbour reopened on Sunday after the worst storm in many years had shut it for a week and more, "
		"the port authority said on Monday, adding that all of the ships were back in port."},
	};
	size_t		i;

	(void) state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		char		text[1024];
		nx_article	a;

		snprintf(text, sizeof(text), "Harbour reopens after storm\nPosted on Mar. 7, 2021 by Ana Lima\n\n%s",
				 cases[i].paragraphs);
		a = parse(text);
		if ((a.standfirst == NULL) != (cases[i].standfirst == NULL) ||
			(a.standfirst != NULL && strcmp(a.standfirst, cases[i].standfirst) != 0))
			fail_msg("case %zu: standfirst %s", i, a.standfirst ? a.standfirst : "NULL");
		if (a.lead == NULL || strcmp(a.lead, cases[i].lead) != 0)
			fail_msg("case %zu: lead %s", i, a.lead ? a.lead : "NULL");
		nx_article_free(&a, &nx_malloc_allocator);
	}
}

static void
test_wire_dateline_lines(void **state)
{
	/* a lead under a dateline line, then the next paragraph */
	static const char *const leads[][2] = {
		{"The harbour closed on Sunday after the worst storm in years", "The port authority counted the damage on Monday."},
		{"The harbour closed on Sunday.",
		"The port authority counted the damage to the quays and the cranes on Monday. Repairs will take months."},
	};
	size_t		i;
	nx_article	a = parse("Storm closes harbour\n\nPORTO, March 7 , 2021 (AFP)\n\nThe harbour closed on Sunday.");

	(void) state;
	assert_string_equal(a.dateline, "PORTO");
	assert_int_equal(a.published.day, 7);
	assert_string_equal(a.lead, "The harbour closed on Sunday.");
	nx_article_free(&a, &nx_malloc_allocator);
	/* under a dateline line the first paragraph is the lead, with or without a final period */
	for (i = 0; i < sizeof(leads) / sizeof(leads[0]); i++)
	{
		char		text[512];

		snprintf(text, sizeof(text), "Storm closes harbour\n\nPORTO, March 7 , 2021 (AFP)\n\n%s\n\n%s", leads[i][0], leads[i][1]);
		a = parse(text);
		if (a.standfirst != NULL || a.lead == NULL || strcmp(a.lead, leads[i][0]) != 0)
			fail_msg("case %zu: standfirst %s, lead %s", i, a.standfirst ? a.standfirst : "NULL", a.lead ? a.lead : "NULL");
		nx_article_free(&a, &nx_malloc_allocator);
	}
	/* a one-word slug above the dateline is the headline; the year printed twice is read */
	a = parse("harbour\n\nPORTO, Mar 7 , 2021, 2021\n\nThe harbour closed on Sunday.");
	assert_string_equal(a.headline, "harbour");
	assert_string_equal(a.dateline, "PORTO");
	assert_int_equal(a.published.year, 2021);
	nx_article_free(&a, &nx_malloc_allocator);
	a = parse("Storm closes harbour\n\nLONDON, March 7 , 2021 (AFP) -\n\nThe harbour closed.");
	assert_string_equal(a.dateline, "LONDON");
	nx_article_free(&a, &nx_malloc_allocator);
}

/*
 * The content mask keeps a dateline's own line whole ("PORTO 2021-03-07"): the entity tagger
 * reads a dateline with its date as a place, a capitalised word alone on a line as anything.
 * The byline stays blanked.
 */
static void
test_dateline_line_stays_content(void **state)
{
	const char *text = "Storm closes harbour\nBy Ana Lima\nPORTO 2021-03-07\nThe harbour closed on Sunday, officials said.\n";
	nx_article	a = parse(text);
	char	   *m = NULL;

	(void) state;
	assert_string_equal(a.dateline, "PORTO");
	assert_int_equal(nx_content_mask(text, strlen(text), &a, &nx_malloc_allocator, &m), NX_OK);
	assert_non_null(strstr(m, "\nPORTO 2021-03-07\n"));
	assert_null(strstr(m, "Ana Lima"));
	assert_non_null(strstr(m, "The harbour closed on Sunday"));
	nx_free(&nx_malloc_allocator, m);
	nx_article_free(&a, &nx_malloc_allocator);
}

/* the colon form, a publisher with its own parentheses as the agency; kicker labels and notes are no datelines */
static void
test_colon_and_publisher_datelines(void **state)
{
	static const struct
	{
		const char *lead_line;	/* under "Storm closes harbour\n\nBy Ana Lima\n\n" */
		const char *dateline;
	}			cases[] = {
		{"NEW PORTO: The harbour closed on Sunday.", "NEW PORTO"},
		{"PORTO (The Harbour Times (HT)) - The harbour closed on Sunday.", "PORTO"},
		{"UPDATE: The harbour closed on Sunday.", NULL},
		{"NOTE: 2020 figures were revised.", NULL},
	};
	size_t		i;

	(void) state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		char		text[256];
		nx_article	a;

		snprintf(text, sizeof(text), "Storm closes harbour\n\nBy Ana Lima\n\n%s", cases[i].lead_line);
		a = parse(text);
		if ((a.dateline == NULL) != (cases[i].dateline == NULL) ||
			(a.dateline != NULL && strcmp(a.dateline, cases[i].dateline) != 0))
			fail_msg("case %zu: dateline %s", i, a.dateline ? a.dateline : "NULL");
		if (cases[i].dateline != NULL && (a.lead == NULL || strcmp(a.lead, "The harbour closed on Sunday.") != 0))
			fail_msg("case %zu: lead %s", i, a.lead ? a.lead : "NULL");
		nx_article_free(&a, &nx_malloc_allocator);
	}
}

static void
test_headlines_in_other_scripts(void **state)
{
	static const char *const heads[] = {
		"港が再開、台風の後に船が戻る",
		"항구가 다시 문을 열었다",
		"तूफान के बाद बंदरगाह फिर खुला",
		"Порт снова открыт после шторма",
	};
	size_t		i;

	(void) state;
	for (i = 0; i < sizeof(heads) / sizeof(heads[0]); i++)
	{
		char		text[512];
		nx_article	a;

		snprintf(text, sizeof(text), "%s\n\n2021年3月7日\n\nThe first paragraph of the story.\n", heads[i]);
		a = parse(text);
		assert_non_null(a.headline);
		assert_string_equal(a.headline, heads[i]);
		assert_int_equal(a.published.day, 7);
		nx_article_free(&a, &nx_malloc_allocator);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_headline_twice_counts_once),
		cmocka_unit_test(test_labelled_time_line_in_header),
		cmocka_unit_test(test_dateline_line_ending_in_a_dash),
		cmocka_unit_test(test_wire_dateline_agency),
		cmocka_unit_test(test_dateline_with_date_and_year),
		cmocka_unit_test(test_bylines),
		cmocka_unit_test(test_captions_and_boilerplate),
		cmocka_unit_test(test_non_articles),
		cmocka_unit_test(test_long_single_line),
		cmocka_unit_test(test_header_only_mode_agrees),
		cmocka_unit_test(test_partial_modes_agree_on_fixtures),
		cmocka_unit_test(test_foot_date_lines_same_in_both_modes),
		cmocka_unit_test(test_numeric_date_order_by_language),
		cmocka_unit_test(test_meta_segments_on_one_line),
		cmocka_unit_test(test_pipes_in_prose_stay_prose),
		cmocka_unit_test(test_byline_forms),
		cmocka_unit_test(test_more_header_shapes),
		cmocka_unit_test(test_kickers_above_the_headline),
		cmocka_unit_test(test_handle_and_publisher_bylines),
		cmocka_unit_test(test_name_over_role_line),
		cmocka_unit_test(test_name_in_meta_segments),
		cmocka_unit_test(test_numeric_date_settled_by_dateline),
		cmocka_unit_test(test_place_between_byline_and_date),
		cmocka_unit_test(test_wire_datelines_in_other_scripts),
		cmocka_unit_test(test_caption_over_credit_line),
		cmocka_unit_test(test_crumbs_and_by_words_in_other_scripts),
		cmocka_unit_test(test_archive_lines_and_wire_notes),
		cmocka_unit_test(test_follow_share_and_address_lines),
		cmocka_unit_test(test_posted_by_handle_and_role_after_bar),
		cmocka_unit_test(test_name_under_date_and_page_buttons),
		cmocka_unit_test(test_page_furniture_before_the_lead),
		cmocka_unit_test(test_more_datelines_and_captions),
		cmocka_unit_test(test_agency_tag_and_bracket_dateline),
		cmocka_unit_test(test_caseless_scripts),
		cmocka_unit_test(test_page_menu_and_foot),
		cmocka_unit_test(test_european_wire_datelines),
		cmocka_unit_test(test_language_before_invalid_utf8),
		cmocka_unit_test(test_language_codes_are_current),
		cmocka_unit_test(test_standfirst_paragraphs),
		cmocka_unit_test(test_standfirst_after_meta_lines),
		cmocka_unit_test(test_wire_dateline_lines),
		cmocka_unit_test(test_dateline_line_stays_content),
		cmocka_unit_test(test_colon_and_publisher_datelines),
		cmocka_unit_test(test_headlines_in_other_scripts),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
