/*
 * fuzz_article.c - nx_article_parse in its three modes, and the field table over an
 * analysis without a model, on any bytes.
 *
 * Besides "no crash, no leak, no undefined behaviour" it checks what SQL relies on:
 * article_headline (headline-only mode) and article_date (header-only mode) agree with
 * parse_article (full mode); valid UTF-8 in gives valid UTF-8 out; fields hold no control characters;
 * dates are real days; the lead starts the body. One input in four is parsed again
 * with CRLF line ends, which must change nothing, and one in four with an allocator
 * that fails part-way, which must give NX_ENOMEM and leak nothing.
 */
#include "analysis.h"
#include "article.h"
#include "fields.h"
#include "fuzz_common.h"

static int
same_str(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

static void
check_field(const char *s, int utf8_in, int is_body)
{
	const unsigned char *p;

	if (s == NULL)
		return;
	FUZZ_CHECK(s[0] != '\0');
	for (p = (const unsigned char *) s; *p; p++)
		FUZZ_CHECK(*p >= 0x20 || (is_body && *p == '\n'));
	/* squeezed: no leading or trailing blank, no run of blanks */
	FUZZ_CHECK(s[0] != ' ' && s[strlen(s) - 1] != ' ');
	FUZZ_CHECK(strstr(s, "  ") == NULL);
	if (utf8_in)
		FUZZ_CHECK(fuzz_valid_utf8((const unsigned char *) s, strlen(s)));
}

static void
check_article(const nx_article *art, int utf8_in)
{
	int			i;

	check_field(art->headline, utf8_in, 0);
	/* a standfirst of several paragraphs separates them as the body does */
	check_field(art->standfirst, utf8_in, 1);
	check_field(art->byline, utf8_in, 0);
	check_field(art->dateline, utf8_in, 0);
	check_field(art->lead, utf8_in, 0);
	check_field(art->body, utf8_in, 1);
	FUZZ_CHECK(art->ncaptions >= 0);
	for (i = 0; i < art->ncaptions; i++)
	{
		FUZZ_CHECK(art->captions[i] != NULL);
		check_field(art->captions[i], utf8_in, 0);
	}
	if (art->has_published)
		FUZZ_CHECK(art->published.year != 0 &&
				   nx_date_valid(art->published.year, art->published.month, art->published.day));
	FUZZ_CHECK(art->reading_minutes >= -1 && art->reading_minutes <= 999);
	if (art->lead)
	{
		FUZZ_CHECK(art->body != NULL);
		FUZZ_CHECK(strncmp(art->body, art->lead, strlen(art->lead)) == 0);
	}
	if (art->body)
		FUZZ_CHECK(art->word_count >= 0);
}

/* the field table (fields.h) shows the analysis' article: text fields are the parser's */
static void
check_field_table(const char *text, size_t size, int utf8_in)
{
	nx_analysis an;
	const nx_article *art;

	nx_analysis_init(&an, text, size, NULL, &nx_malloc_allocator);
	FUZZ_CHECK((art = nx_analysis_article(&an)) != NULL);
	for (int i = 0; i < nx_nfields; i++)
	{
		nx_field_value v;

		FUZZ_CHECK(nx_fields[i].get(&an, &v) == NX_OK);
		if (!v.isnull && nx_fields[i].type == NX_FIELD_TEXT)
			check_field(v.text, utf8_in, strcmp(nx_fields[i].name, "body") == 0 ||
						strcmp(nx_fields[i].name, "standfirst") == 0);
		if (!v.isnull && nx_fields[i].type == NX_FIELD_TEXT_ARRAY)
			FUZZ_CHECK(v.items != NULL);
	}
	nx_analysis_free(&an);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *) data;
	int			utf8_in = fuzz_valid_utf8(data, size);
	fuzz_alloc_state st = {0, 0};
	nx_allocator a = fuzz_allocator(&st);
	nx_article	full,
				head;
	uint32_t	h;

	FUZZ_CHECK(nx_article_parse(text, size, NX_PARSE_FULL, &a, &full) == NX_OK);
	check_article(&full, utf8_in);

	FUZZ_CHECK(nx_article_parse(text, size, NX_PARSE_HEADER_ONLY, &nx_malloc_allocator, &head) == NX_OK);
	check_article(&head, utf8_in);
	/* the single-field SQL functions must agree with parse_article */
	FUZZ_CHECK(same_str(full.headline, head.headline));
	FUZZ_CHECK(same_str(full.standfirst, head.standfirst));
	FUZZ_CHECK(same_str(full.byline, head.byline));
	FUZZ_CHECK(same_str(full.dateline, head.dateline));
	FUZZ_CHECK(full.has_published == head.has_published);
	if (full.has_published)
		FUZZ_CHECK(memcmp(&full.published, &head.published, sizeof(nx_date)) == 0);
	FUZZ_CHECK(full.reading_minutes == head.reading_minutes);
	FUZZ_CHECK(head.body == NULL && head.ncaptions == 0);
	nx_article_free(&head, &nx_malloc_allocator);
	/* article_headline's parse stops at the headline: the same headline, no body */
	FUZZ_CHECK(nx_article_parse(text, size, NX_PARSE_HEADLINE_ONLY, &nx_malloc_allocator, &head) == NX_OK);
	FUZZ_CHECK(same_str(full.headline, head.headline));
	FUZZ_CHECK(head.body == NULL && head.ncaptions == 0);
	nx_article_free(&head, &nx_malloc_allocator);
	nx_article_free(&full, &a);
	check_field_table(text, size, utf8_in);

	h = fuzz_hash(data, size);

	/* CRLF line ends parse exactly like LF (for inputs without a CR of their own) */
	if ((h & 0x30) == 0 && memchr(data, '\r', size) == NULL)
	{
		size_t		i,
					o = 0;
		char	   *crlf = malloc(2 * size + 1);
		nx_article	c;

		for (i = 0; i < size; i++)
		{
			if (text[i] == '\n')
				crlf[o++] = '\r';
			crlf[o++] = text[i];
		}
		FUZZ_CHECK(nx_article_parse(crlf, o, NX_PARSE_FULL, &nx_malloc_allocator, &c) == NX_OK);
		FUZZ_CHECK(nx_article_parse(text, size, NX_PARSE_FULL, &nx_malloc_allocator, &full) == NX_OK);
		FUZZ_CHECK(same_str(full.headline, c.headline) && same_str(full.standfirst, c.standfirst) &&
				   same_str(full.byline, c.byline) && same_str(full.dateline, c.dateline) &&
				   same_str(full.body, c.body) && same_str(full.lead, c.lead));
		FUZZ_CHECK(full.has_published == c.has_published && full.ncaptions == c.ncaptions &&
				   full.reading_minutes == c.reading_minutes && full.word_count == c.word_count);
		if (full.has_published)
			FUZZ_CHECK(memcmp(&full.published, &c.published, sizeof(nx_date)) == 0);
		for (i = 0; i < (size_t) full.ncaptions; i++)
			FUZZ_CHECK(strcmp(full.captions[i], c.captions[i]) == 0);
		nx_article_free(&c, &nx_malloc_allocator);
		nx_article_free(&full, &nx_malloc_allocator);
		free(crlf);
	}

	/* out of memory part-way: NX_ENOMEM, and nx_article_free releases everything */
	if ((h & 3) == 0 && st.calls > 0)
	{
		fuzz_alloc_state fst = {0, 1 + (long) ((h >> 2) % (uint32_t) st.calls)};
		nx_allocator fa = fuzz_allocator(&fst);
		nx_article	oom;

		FUZZ_CHECK(nx_article_parse(text, size, NX_PARSE_FULL, &fa, &oom) == NX_ENOMEM);
		nx_article_free(&oom, &fa);
	}
	return 0;
}
