/* unit tests for the core's date lines (src/core/dates.c) */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "dates.h"

static void
expect_line(const char *line, nx_date_label label, int y, int m, int d)
{
	nx_date		out = {0, 0, 0};
	nx_date_label got = nx_date_line(line, strlen(line), &out);

	assert_int_equal(got, label);
	if (label != NX_DATE_NONE)
	{
		assert_int_equal(out.year, y);
		assert_int_equal(out.month, m);
		assert_int_equal(out.day, d);
	}
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
	assert_int_equal(nx_month_number("Sept", 4), 9);
	/* month names of other languages come from the CLDR table */
	assert_int_equal(nx_month_number("Mayo", 4), 5);
	assert_int_equal(nx_month_number("Maybe", 5), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_date_line_forms),
		cmocka_unit_test(test_not_date_lines),
		cmocka_unit_test(test_date_scan),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
