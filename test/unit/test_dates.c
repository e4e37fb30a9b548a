/* unit tests for the core's date lines (src/core/dates.c) */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "dates.h"

static void
expect_line(const char *line, nx_date_label label, int y, int m, int d)
{
	nx_date		out = {0, 0, 0, 0};
	nx_date_label got = nx_date_line(line, strlen(line), &out);

	assert_int_equal(got, label);
	if (label != NX_DATE_NONE)
	{
		assert_int_equal(out.year, y);
		assert_int_equal(out.month, m);
		assert_int_equal(out.day, d);
	}
}

/* a date line, its label and its date */
typedef struct
{
	const char *line;
	nx_date_label label;
	int			y,
				m,
				d;
} line_case;

static void
expect_lines(const line_case *cases, size_t n)
{
	for (size_t i = 0; i < n; i++)
		expect_line(cases[i].line, cases[i].label, cases[i].y, cases[i].m, cases[i].d);
}

static void
test_date_line_forms(void **state)
{
	(void) state;
	expect_line("04 September, 2016", NX_DATE_PLAIN, 2016, 9, 4);
	expect_line("September 4, 2016", NX_DATE_PLAIN, 2016, 9, 4);
	expect_line("Sept. 4, 2016", NX_DATE_PLAIN, 2016, 9, 4);
	expect_line("2016-09-04", NX_DATE_PLAIN, 2016, 9, 4);
	expect_line("Sunday 4 September 2016", NX_DATE_PLAIN, 2016, 9, 4);
	expect_line("Sunday, September 4th, 2016 10:32 am EDT", NX_DATE_PLAIN, 2016, 9, 4);
	expect_line("09/04/2016", NX_DATE_PLAIN, 2016, 9, 4);
	expect_line("25/12/2016", NX_DATE_PLAIN, 2016, 12, 25);
	expect_line("26-FEB-1987 15:01:01.79", NX_DATE_WIRE, 1987, 2, 26);
	expect_line("Published: 4 Sep 2016 | 10:32 BST", NX_DATE_PUBLISHED, 2016, 9, 4);
	expect_line("Updated: 5 September 2016", NX_DATE_UPDATED, 2016, 9, 5);
	expect_line("Last updated on 29 February 2016", NX_DATE_UPDATED, 2016, 2, 29);
	/* two-digit years, as POSIX %y reads them; the order as for four digits */
	expect_line("Publié le 12/03/24 à 17h42", NX_DATE_PUBLISHED, 2024, 3, 12);
	expect_line("05.03.24 , 14:25", NX_DATE_PLAIN, 2024, 3, 5);
	expect_line("09/04/16", NX_DATE_PLAIN, 2016, 9, 4);
	expect_line("25-12-99, 07:42", NX_DATE_PLAIN, 1999, 12, 25);
}

static void
test_not_date_lines(void **state)
{
	(void) state;
	expect_line("", NX_DATE_NONE, 0, 0, 0);
	expect_line("Sunday, September 4", NX_DATE_NONE, 0, 0, 0);	/* no year */
	expect_line("The war began on 4 September 2016", NX_DATE_NONE, 0, 0, 0);
	expect_line("March 2011", NX_DATE_NONE, 0, 0, 0);
	expect_line("30 February 2016", NX_DATE_NONE, 0, 0, 0);
	expect_line("29 February 2015", NX_DATE_NONE, 0, 0, 0);
	expect_line("2016-13-01", NX_DATE_NONE, 0, 0, 0);
	expect_line("3 min read", NX_DATE_NONE, 0, 0, 0);
	/* a table's column heads, and a version number */
	expect_line("5/02/91 4/26/91 5/03/90", NX_DATE_NONE, 0, 0, 0);
	expect_line("1.2.10.4", NX_DATE_NONE, 0, 0, 0);
}

static void
test_date_scan(void **state)
{
	nx_date		d;
	const char *s = "Feb 26 - Showers";

	(void) state;
	assert_int_equal(nx_date_scan(s, strlen(s), 1, &d), 6);
	assert_int_equal(d.year, 0);
	assert_int_equal(d.month, 2);
	assert_int_equal(d.day, 26);
	s = "April 1 , 1997 (AFP)";
	assert_true(nx_date_scan(s, strlen(s), 1, &d) > 0);
	assert_int_equal(d.year, 1997);
	s = "1996-08-22";
	assert_int_equal(nx_date_scan(s, strlen(s), 0, &d), 10);
	assert_int_equal(d.day, 22);
	s = "Feb 26";
	assert_int_equal(nx_date_scan(s, strlen(s), 0, &d), 0);
	/* without a year the "de" before a number that is no year stays out: scanning what was consumed gives it again */
	s = "4 de septiembre de 3999";
	assert_int_equal(nx_date_scan(s, strlen(s), 1, &d), 15);
	assert_int_equal(nx_date_scan(s, 15, 1, &d), 15);
	assert_int_equal(nx_month_number("Sept", 4), 9);
	/* month names of other languages come from the CLDR table */
	assert_int_equal(nx_month_number("Mayo", 4), 5);
	assert_int_equal(nx_month_number("Maybe", 5), 0);
}

/* the date of a date line, as "YYYY-MM-DD", or "" when the line is not one */
static const char *
line_date(const char *s, char *buf)
{
	nx_date		d;

	buf[0] = '\0';
	if (nx_date_line(s, strlen(s), &d) != NX_DATE_NONE)
		snprintf(buf, 16, "%04d-%02d-%02d", d.year, d.month, d.day);
	return buf;
}

static void
test_dates_in_other_languages(void **state)
{
	static const char *const lines[] = {
		"Veröffentlicht am 7. März 2021, 08:15 Uhr",
		"Publié le 7 mars 2021 à 8h15",
		"Publicado el 7 de marzo de 2021",
		"Pubblicato il 7 marzo 2021 alle ore 8:15",
		"Publicado em 7 de março de 2021",
		"Gepubliceerd op 7 maart 2021",
		"Publisert 7. mars 2021 kl. 08.15",
		"Publiceret søndag den 7. marts 2021",
		"Publicerad 7 mars 2021",
		"Opublikowano: 7 marca 2021",
		"Publikováno 7. března 2021",
		"Yayınlanma: 7 Mart 2021 Pazar",
		"Опубликовано 7 марта 2021 г.",
		"07.03.2021, 08:15 Uhr",
		"Sonntag, 7. März 2021",
		"2021年3月7日 8時15分",
		"2021년 3월 7일",
		"2021. március 7.",
		/* labels of Austrian, Polish, Turkish, Korean, Chinese, Hebrew and Arabic sites */
		"Publiziert am 07.03.2021",
		"Data utworzenia: 7 marca 2021, 17:42",
		"Giriş Tarihi: 07.03.2021 - 17:42",
		"송고시간2021-03-07 14:25",
		"出版：2021-03-07 14:25",
		"פורסם: 07.03.21 , 14:25",
		"نشر: 7 مارس 2021",
		NULL
	};
	const char *const *l;
	char		buf[16];

	(void) state;
	for (l = lines; *l; l++)
	{
		if (strcmp(line_date(*l, buf), "2021-03-07") != 0)
			fail_msg("%s gave \"%s\"", *l, buf);
	}
}

static void
test_times_and_zones(void **state)
{
	static const char *const lines[] = {
		"Published 08:15 GMT-4, 7 March 2021",
		"Sun 7 Mar 2021 08.15 BST",
		"3:42 PM EDT, March 7, 2021",
		"2021-03-07T08:15:00+02:00",
		"Last updated: 7 March 2021 08:15 UTC+1",
		"First published on Sun 7 Mar 2021 08.15 GMT",
		NULL
	};
	const char *const *l;
	char		buf[16];

	(void) state;
	for (l = lines; *l; l++)
		if (strcmp(line_date(*l, buf), "2021-03-07") != 0)
			fail_msg("%s gave \"%s\"", *l, buf);
	/* not date lines: prose with a date, a month alone */
	assert_string_equal(line_date("The vote on 7 March 2021 was close", buf), "");
	assert_string_equal(line_date("März 2021", buf), "");
}

static void
test_date_line_prefix(void **state)
{
	nx_date		d;
	size_t		consumed = 0;
	const char *s = "Posted on Mar. 7, 2021 by Ana Lima";

	(void) state;
	assert_int_equal(nx_date_line_prefix(s, strlen(s), &d, &consumed), NX_DATE_PUBLISHED);
	assert_int_equal(d.day, 7);
	assert_string_equal(s + consumed, "by Ana Lima");
	s = "7 March 2021";
	assert_int_not_equal(nx_date_line_prefix(s, strlen(s), &d, &consumed), NX_DATE_NONE);
	assert_int_equal(consumed, strlen(s));
	s = "No date here at all";
	assert_int_equal(nx_date_line_prefix(s, strlen(s), &d, &consumed), NX_DATE_NONE);
}

/* a date after more tokens than the scan first cuts a line into: the line is read again whole */
static void
test_date_far_into_the_line(void **state)
{
	nx_date		d;
	size_t		consumed = 0;
	const char *s = "Published: Monday, at 10:05 a.m. EDT (14:05 GMT), on the 4th of September 2016 "
		"by Ana Lima and Ben Roe of the city desk";
	const char *line = "Updated: Monday, at 10:05 a.m. EDT (14:05 GMT), on the 4th of September 2016";

	(void) state;
	assert_true(nx_date_words_valid());
	assert_int_equal(nx_date_line_prefix(s, strlen(s), &d, &consumed), NX_DATE_PUBLISHED);
	assert_int_equal(d.year, 2016);
	assert_int_equal(d.month, 9);
	assert_int_equal(d.day, 4);
	assert_string_equal(s + consumed, "by Ana Lima and Ben Roe of the city desk");
	assert_int_equal(nx_date_line(line, strlen(line), &d), NX_DATE_UPDATED);
	assert_int_equal(d.day, 4);
	/* the same line without its date is no date line, however long */
	s = "Published: Monday, at 10:05 a.m. EDT (14:05 GMT), on the day the council met at last";
	assert_int_equal(nx_date_line_prefix(s, strlen(s), &d, &consumed), NX_DATE_NONE);
}

/* year-first numeric dates, CJK labels and punctuation, a relative update time after a date */
static void
test_asian_forms_and_update_tails(void **state)
{
	static const line_case cases[] = {
		{"2024.01.11 10:21", NX_DATE_PLAIN, 2024, 1, 11},
		{"2024/03/19 15:30", NX_DATE_PLAIN, 2024, 3, 19},
		{"2024. 1. 11.", NX_DATE_PLAIN, 2024, 1, 11},
		/* Korean "entered" and "modified" labels, the afternoon mark */
		{"\xEC\x9E\x85\xEB\xA0\xA5 2024.01.11 10:21", NX_DATE_PUBLISHED, 2024, 1, 11},
		{"\xEC\x9E\x85\xEB\xA0\xA5 2024.01.11 10:21 \xEC\x88\x98\xEC\xA0\x95 2024.01.12 08:00", NX_DATE_PUBLISHED, 2024, 1, 11},
		{"2024.01.11 \xEC\x98\xA4\xED\x9B\x84 3:21", NX_DATE_PLAIN, 2024, 1, 11},
		/* Chinese "release time" and a fullwidth colon */
		{"\xE5\x8F\x91\xE5\xB8\x83\xE6\x97\xB6\xE9\x97\xB4\xEF\xBC\x9A" "2024-02-05 09:12", NX_DATE_PUBLISHED, 2024, 2, 5},
		/* a dash of general punctuation between date and time */
		{"4 September 2016 \xE2\x80\x94 10:05", NX_DATE_PLAIN, 2016, 9, 4},
		/* an update without a date after the publication date; its language reads 07/03 day first */
		{"07/03/2024 18h32 Atualizado h\xC3\xA1 2 horas", NX_DATE_PLAIN, 2024, 3, 7},
		{"September 4, 2016 Updated 2 hours ago", NX_DATE_PLAIN, 2016, 9, 4},
		/* CLDR month names in Greek (genitive) and Hindi */
		{"20 \xCE\x9C\xCE\xB1\xCF\x81\xCF\x84\xCE\xAF\xCE\xBF\xCF\x85 2024, 18:41", NX_DATE_PLAIN, 2024, 3, 20},
		{"8 \xE0\xA4\xAB\xE0\xA4\xB0\xE0\xA4\xB5\xE0\xA4\xB0\xE0\xA5\x80 2024", NX_DATE_PLAIN, 2024, 2, 8},
	};
	/* not: an invalid year-first date, a long tail after the update word, a tail without one */
	static const char *const not_date_lines[] = {
		"2024.13.01",
		"September 4, 2016 Updated as the council met again in the evening",
		"September 4, 2016 two hours ago",
	};

	(void) state;
	expect_lines(cases, sizeof(cases) / sizeof(cases[0]));
	for (size_t i = 0; i < sizeof(not_date_lines) / sizeof(not_date_lines[0]); i++)
		expect_line(not_date_lines[i], NX_DATE_NONE, 0, 0, 0);
}

/* calendars and digits beyond the Gregorian ASCII forms */
static void
test_other_calendars_and_digits(void **state)
{
	static const line_case cases[] = {
		/* Thai: a dotted month abbreviation, the Buddhist-era year, the hour mark */
		{"5 \xE0\xB8\xA1\xE0\xB8\xB5.\xE0\xB8\x84. 2567 14:25 \xE0\xB8\x99.", NX_DATE_PLAIN, 2024, 3, 5},
		{"\xE0\xB8\xA7\xE0\xB8\xB1\xE0\xB8\x99\xE0\xB8\x9E\xE0\xB8\xA4\xE0\xB8\xAB\xE0\xB8\xB1\xE0\xB8\xAA\xE0\xB8\x9A\xE0\xB8\x94\xE0\xB8\xB5 14 \xE0\xB8\xA1\xE0\xB8\xB5\xE0\xB8\x99\xE0\xB8\xB2\xE0\xB8\x84\xE0\xB8\xA1 2567", NX_DATE_PLAIN, 2024, 3, 14},
		/* Japanese era years: Reiwa 6 is 2024, Heisei 31 is 2019 */
		{"\xE4\xBB\xA4\xE5\x92\x8C" "6\xE5\xB9\xB4" "3\xE6\x9C\x88" "14\xE6\x97\xA5 10:05", NX_DATE_PLAIN, 2024, 3, 14},
		{"\xE5\xB9\xB3\xE6\x88\x90" "31\xE5\xB9\xB4" "4\xE6\x9C\x88" "30\xE6\x97\xA5", NX_DATE_PLAIN, 2019, 4, 30},
		/* Arabic-Indic and Persian digits */
		{"\xD9\xA1\xD9\xA4 \xD9\x85\xD8\xA7\xD8\xB1\xD8\xB3 \xD9\xA2\xD9\xA0\xD9\xA2\xD9\xA4", NX_DATE_PLAIN, 2024, 3, 14},
		{"\xDB\xB1\xDB\xB4 \xD9\x85\xD8\xA7\xD8\xB1\xD8\xB3 \xDB\xB2\xDB\xB0\xDB\xB2\xDB\xB4 \xDB\xB1\xDB\xB0:\xDB\xB0\xDB\xB5", NX_DATE_PLAIN, 2024, 3, 14},
		/* weekdays of two words (Vietnamese, Hebrew) and Hebrew's prefix for "in" */
		{"Th\xE1\xBB\xA9 n\xC4\x83m, 14/3/2024, 10:05 (GMT+7)", NX_DATE_PLAIN, 2024, 3, 14},
		{"\xD7\x99\xD7\x95\xD7\x9D \xD7\x97\xD7\x9E\xD7\x99\xD7\xA9\xD7\x99, 14 \xD7\x91\xD7\x9E\xD7\xA8\xD7\xA5 2024", NX_DATE_PLAIN, 2024, 3, 14},
		/* labels in Hindi, Traditional Chinese, Arabic, Vietnamese (two words); Arabic's PM mark */
		{"\xE0\xA4\xAA\xE0\xA5\x8D\xE0\xA4\xB0\xE0\xA4\x95\xE0\xA4\xBE\xE0\xA4\xB6\xE0\xA4\xBF\xE0\xA4\xA4: 14 \xE0\xA4\xAE\xE0\xA4\xBE\xE0\xA4\xB0\xE0\xA5\x8D\xE0\xA4\x9A 2024", NX_DATE_PUBLISHED, 2024, 3, 14},
		{"\xE7\x99\xBC\xE4\xBD\x88\xE6\x99\x82\xE9\x96\x93\xEF\xBC\x9A" "2024-03-14 10:05", NX_DATE_PUBLISHED, 2024, 3, 14},
		{"\xD8\xAA\xD8\xA7\xD8\xB1\xD9\x8A\xD8\xAE \xD8\xA7\xD9\x84\xD9\x86\xD8\xB4\xD8\xB1: 14 \xD9\x85\xD8\xA7\xD8\xB1\xD8\xB3 2024", NX_DATE_PUBLISHED, 2024, 3, 14},
		{"\xD8\xA7\xD9\x84\xD8\xAE\xD9\x85\xD9\x8A\xD8\xB3 14 \xD9\x85\xD8\xA7\xD8\xB1\xD8\xB3 2024 10:05 \xD9\x85", NX_DATE_PLAIN, 2024, 3, 14},
		{"C\xE1\xBA\xADp nh\xE1\xBA\xADt: 10:05, 14/03/2024", NX_DATE_UPDATED, 2024, 3, 14},
		/* a weekday with a hyphen; a two-digit year before a clock time */
		{"quinta-feira, 14 de mar\xC3\xA7o de 2024", NX_DATE_PLAIN, 2024, 3, 14},
		{"14.03.24 10:05", NX_DATE_PLAIN, 2024, 3, 14},
	};
	nx_date		d;

	(void) state;
	expect_lines(cases, sizeof(cases) / sizeof(cases[0]));
	/* a Buddhist-era year stays a number outside dates; a prefix maps back to the line's bytes */
	expect_line("2567", NX_DATE_NONE, 0, 0, 0);
	assert_int_equal(nx_date_scan("\xD9\xA1\xD9\xA4 \xD9\x85\xD8\xA7\xD8\xB1\xD8\xB3 \xD9\xA2\xD9\xA0\xD9\xA2\xD9\xA4 \xD9\x86\xD8\xB5", strlen("\xD9\xA1\xD9\xA4 \xD9\x85\xD8\xA7\xD8\xB1\xD8\xB3 \xD9\xA2\xD9\xA0\xD9\xA2\xD9\xA4 \xD9\x86\xD8\xB5"), 0, &d),
					 strlen("\xD9\xA1\xD9\xA4 \xD9\x85\xD8\xA7\xD8\xB1\xD8\xB3 \xD9\xA2\xD9\xA0\xD9\xA2\xD9\xA4"));
	assert_int_equal(d.year, 2024);
}

/* a labelled time without a date is a meta line of its own (nx_time_line), not a date line */
static void
test_labelled_times_without_a_date(void **state)
{
	static const char *const time_lines[] = {
		"Updated 4:12 p.m. ET", "Updated 4:12 PM EST", "Last updated: 10.05 BST", "Published 09:30",
		"Aktualisiert 14.32 Uhr", "Updated 2 hours ago", "Published 12 minutes ago",
		"Atualizado h\xC3\xA1 2 horas", "Mis \xC3\xA0 jour il y a 3 heures", "Updated 4:12 PM CAT",
	};
	static const char *const not_time_lines[] = {
		"4:12 p.m. ET",				/* no label */
		"Updated: 5 things to know",	/* a headline: three words after the number */
		"Updated 4:12 PM and 2 hours ago",
		"Posted in 2 sections: sport and politics",
		"Updated September 4, 2016",	/* a date line */
	};
	nx_date		d;

	(void) state;
	for (size_t i = 0; i < sizeof(time_lines) / sizeof(time_lines[0]); i++)
	{
		if (!nx_time_line(time_lines[i], strlen(time_lines[i])))
			fail_msg("not a time line: %s", time_lines[i]);
		assert_int_equal(nx_date_line(time_lines[i], strlen(time_lines[i]), &d), NX_DATE_NONE);
	}
	for (size_t i = 0; i < sizeof(not_time_lines) / sizeof(not_time_lines[0]); i++)
		if (nx_time_line(not_time_lines[i], strlen(not_time_lines[i])))
			fail_msg("a time line: %s", not_time_lines[i]);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_date_line_forms),
		cmocka_unit_test(test_not_date_lines),
		cmocka_unit_test(test_date_scan),
		cmocka_unit_test(test_dates_in_other_languages),
		cmocka_unit_test(test_times_and_zones),
		cmocka_unit_test(test_date_line_prefix),
		cmocka_unit_test(test_date_far_into_the_line),
		cmocka_unit_test(test_asian_forms_and_update_tails),
		cmocka_unit_test(test_other_calendars_and_digits),
		cmocka_unit_test(test_labelled_times_without_a_date),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
