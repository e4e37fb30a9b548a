/* unit tests for the core's article segmentation (src/core/article.c) */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "article.h"

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
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_headline_twice_counts_once),
		cmocka_unit_test(test_wire_dateline_agency),
		cmocka_unit_test(test_dateline_with_date_and_year),
		cmocka_unit_test(test_bylines),
		cmocka_unit_test(test_captions_and_boilerplate),
		cmocka_unit_test(test_non_articles),
		cmocka_unit_test(test_long_single_line),
		cmocka_unit_test(test_header_only_mode_agrees),
		cmocka_unit_test(test_meta_segments_on_one_line),
		cmocka_unit_test(test_pipes_in_prose_stay_prose),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
