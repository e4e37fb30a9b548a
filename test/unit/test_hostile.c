/*
 * test_hostile.c - the core on inputs built to hurt it: regressions for what fuzzing
 * and the cancellation tests found, plus the contracts the SQL layer relies on.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "article.h"
#include "dates.h"

/* malloc allocator that counts interrupt polls */
static long polls;

static void *
t_alloc(void *ctx, size_t size)
{
	return malloc(size);
}

static void *
t_resize(void *ctx, void *ptr, size_t old_size, size_t new_size)
{
	return realloc(ptr, new_size);
}

static void
t_release(void *ctx, void *ptr)
{
	free(ptr);
}

static int
t_interrupted(void *ctx)
{
	polls++;
	return 0;
}

static const nx_allocator counting = {t_alloc, t_resize, t_release, NULL, t_interrupted};

static char *
repeat(const char *unit, size_t times, size_t *len)
{
	size_t		n = strlen(unit);
	char	   *s = malloc(n * times + 1);
	size_t		i;

	for (i = 0; i < times; i++)
		memcpy(s + i * n, unit, n);
	s[n * times] = '\0';
	*len = n * times;
	return s;
}

/*
 * Regression: a 50 MB article on one line was parsed without a single interrupt poll
 * (3.6 s in the server that statement_timeout could not stop). Now the parser polls at
 * least once per megabyte in both modes.
 */
static void
test_one_long_line_polls(void **state)
{
	size_t		len;
	char	   *text = repeat("word ", 10 * 1000 * 1000, &len);
	nx_article	art;

	polls = 0;
	assert_int_equal(nx_article_parse(text, len, NX_PARSE_FULL, &counting, &art), NX_OK);
	assert_true(polls >= 50);
	assert_non_null(art.body);
	assert_int_equal(art.word_count, 10 * 1000 * 1000);
	nx_article_free(&art, &counting);

	polls = 0;
	assert_int_equal(nx_article_parse(text, len, NX_PARSE_HEADER_ONLY, &counting, &art), NX_OK);
	assert_true(polls >= 40);
	nx_article_free(&art, &counting);
	free(text);
}

/* many short lines: a poll every few lines, because each line may cost several regex matches */
static void
test_many_lines_poll(void **state)
{
	size_t		len;
	char	   *text = repeat("Officials said on Sunday that talks would resume.\n", 10000, &len);
	nx_article	art;

	polls = 0;
	assert_int_equal(nx_article_parse(text, len, NX_PARSE_HEADER_ONLY, &counting, &art), NX_OK);
	assert_true(polls >= 10000 / 16);
	nx_article_free(&art, &counting);
	free(text);
}

/* NBSP runs step the squeezer two bytes at a time: it must still poll */
static void
test_nbsp_run_polls(void **state)
{
	size_t		len;
	char	   *text = repeat("\xc2\xa0w", 4 * 1000 * 1000, &len);
	nx_article	art;

	text[0] = 'A';
	text[1] = ' ';
	polls = 0;
	assert_int_equal(nx_article_parse(text, len, NX_PARSE_FULL, &counting, &art), NX_OK);
	assert_true(polls >= 20);
	nx_article_free(&art, &counting);
	free(text);
}

/* CRLF, bare CR and LF give the same fields; NUL bytes (possible outside SQL) are bytes */
static void
test_line_ends_and_nul(void **state)
{
	const char *lf = "Storm closes schools across the region\nJanuary 7, 2024\n\nSchools closed.\n";
	const char *crlf = "Storm closes schools across the region\r\nJanuary 7, 2024\r\n\r\nSchools closed.\r\n";
	const char *cr = "Storm closes schools across the region\rJanuary 7, 2024\r\rSchools closed.\r";
	const char nul[] = "Storm closes\0schools across\n\nBody\0text.";
	nx_article	a,
				b,
				c;

	assert_int_equal(nx_article_parse(lf, strlen(lf), NX_PARSE_FULL, &counting, &a), NX_OK);
	assert_int_equal(nx_article_parse(crlf, strlen(crlf), NX_PARSE_FULL, &counting, &b), NX_OK);
	assert_int_equal(nx_article_parse(cr, strlen(cr), NX_PARSE_FULL, &counting, &c), NX_OK);
	assert_string_equal(a.headline, b.headline);
	assert_string_equal(a.headline, c.headline);
	assert_string_equal(a.body, b.body);
	assert_string_equal(a.body, c.body);
	assert_int_equal(a.has_published, 1);
	assert_int_equal(b.published.day, 7);
	assert_int_equal(c.published.year, 2024);
	nx_article_free(&a, &counting);
	nx_article_free(&b, &counting);
	nx_article_free(&c, &counting);
	assert_int_equal(nx_article_parse(nul, sizeof(nul) - 1, NX_PARSE_FULL, &counting, &a), NX_OK);
	nx_article_free(&a, &counting);
}

/* the date parsers read only the bytes they are given */
static void
test_dates_bounded(void **state)
{
	char		buf[8];
	nx_date		d;

	memcpy(buf, "Feb 26 1", 8);		/* no terminator: the year is cut */
	assert_int_equal(nx_date_scan(buf, 6, 0, &d), 0);
	assert_int_equal(nx_date_scan(buf, 6, 1, &d), 6);
	assert_int_equal(d.month, 2);
	assert_int_equal(d.day, 26);
	assert_int_equal(nx_date_line(buf, 0, &d), NX_DATE_NONE);
}

/* issue 12: a header of 1,000 name lines, and a date line of 10,000 dates, parse in one pass */
static void
test_huge_header_and_date_line(void **state)
{
	size_t		len,
				dlen;
	char	   *names = repeat("Ana Lima, Rui Costa\n", 1000, &len);
	char	   *dates = repeat("7 March 2021, ", 10000, &dlen);
	char	   *text = malloc(len + dlen + 200);
	nx_article	art;

	sprintf(text, "A headline of five words\n%s%s\n\nThe body of the story starts here.\n", names, dates);
	polls = 0;
	assert_int_equal(nx_article_parse(text, strlen(text), NX_PARSE_FULL, &counting, &art), NX_OK);
	assert_string_equal(art.headline, "A headline of five words");
	/* the 140 kB line is prose, never a date line: no date from it */
	assert_int_equal(art.has_published, 0);
	assert_true(polls >= 1000 / 16);
	nx_article_free(&art, &counting);
	free(text);
	free(names);
	free(dates);
}

/* a date line of many dates that still fits a line: the first labelled date, bounded work */
static void
test_many_dates_on_a_short_line(void **state)
{
	size_t		len;
	char	   *dates = repeat("7.3.2021 ", 40, &len);
	char	   *text = malloc(len + 100);
	nx_article	art;

	sprintf(text, "Headline words here\n\nPublished %s\n\nBody text follows.", dates);
	assert_int_equal(nx_article_parse(text, strlen(text), NX_PARSE_FULL, &counting, &art), NX_OK);
	assert_string_equal(art.headline, "Headline words here");
	nx_article_free(&art, &counting);
	free(text);
	free(dates);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_one_long_line_polls),
		cmocka_unit_test(test_huge_header_and_date_line),
		cmocka_unit_test(test_many_dates_on_a_short_line),
		cmocka_unit_test(test_many_lines_poll),
		cmocka_unit_test(test_nbsp_run_polls),
		cmocka_unit_test(test_line_ends_and_nul),
		cmocka_unit_test(test_dates_bounded),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
