/*
 * fuzz_dates.c - nx_date_line and nx_date_scan (with and without a year) on any bytes.
 *
 * Checks: a date line's date is a real day with a year; a scanned date consumes at
 * most the bytes it was given and, when it needs a year, has one; a date found by
 * nx_date_scan is found again when scanning exactly the bytes it consumed; a date-line
 * prefix and a byline's names stay inside the input.
 */
#include "byline.h"
#include "dates.h"
#include "fuzz_common.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *) data;
	nx_date		d,
				again;
	nx_date_label label;
	int			allow;

	label = nx_date_line(s, size, &d);
	FUZZ_CHECK(label >= NX_DATE_NONE && label <= NX_DATE_PUBLISHED);
	if (label != NX_DATE_NONE)
		FUZZ_CHECK(d.year != 0 && nx_date_valid(d.year, d.month, d.day));

	for (allow = 0; allow <= 1; allow++)
	{
		size_t		used = nx_date_scan(s, size, allow, &d);

		FUZZ_CHECK(used <= size);
		if (used == 0)
			continue;
		FUZZ_CHECK(nx_date_valid(d.year, d.month, d.day));
		FUZZ_CHECK(allow || d.year != 0);
		FUZZ_CHECK(nx_date_scan(s, used, allow, &again) == used);
		FUZZ_CHECK(memcmp(&d, &again, sizeof(d)) == 0);
	}
	{
		size_t		consumed = 0;
		nx_byline	by;

		label = nx_date_line_prefix(s, size, &d, &consumed);
		if (label != NX_DATE_NONE)
			FUZZ_CHECK(consumed > 0 && consumed <= size && nx_date_valid(d.year, d.month, d.day));
		if (nx_byline_parse(s, size, &by))
			FUZZ_CHECK(by.names >= s && by.names + by.names_n <= s + size && by.names_n > 0);
	}
	nx_month_number(s, size);
	return 0;
}
