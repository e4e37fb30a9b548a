/*
 * test_locale_names.c - word folding and the CLDR month and weekday lookups
 * (src/core/locale_names.c). The ASCII fast path of nx_fold_word is checked against
 * the general utf8proc path it shortcuts.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "locale_names.h"

/* random ASCII words of every length, every buffer size around the limit: same answers */
static void
test_ascii_fold_matches_general_path(void **state)
{
	char		word[80],
				fast[80],
				general[80];
	const char	letters[] = "AbZz.-'1 Mq";

	(void) state;
	srand(20261202);
	for (int it = 0; it < 200000; it++)
	{
		size_t		n = (size_t) (rand() % 70),
					outsz = 1 + (size_t) (rand() % 79),
					got,
					want;

		for (size_t i = 0; i < n; i++)
			word[i] = (it % 2) ? letters[rand() % (int) (sizeof(letters) - 1)] : (char) (1 + rand() % 127);
		got = nx_fold_word(word, n, fast, outsz);
		want = nx_fold_word_utf8proc(word, n, general, outsz);
		assert_int_equal(got, want);
		if (want > 0)
			assert_string_equal(fast, general);
	}
}

static void
test_fold_and_lookup(void **state)
{
	char		f[64];

	(void) state;
	assert_int_equal(nx_fold_word("Février", strlen("Février"), f, sizeof(f)), 7);
	assert_string_equal(f, "fevrier");
	assert_int_equal(nx_fold_word("SEPT.", 5, f, sizeof(f)), 4);
	assert_string_equal(f, "sept");
	assert_int_equal(nx_locale_month("Février", strlen("Février")), 2);
	assert_int_equal(nx_locale_month("Sept.", 5), 9);
	assert_int_equal(nx_locale_month("September", 9), 9);
	assert_int_equal(nx_locale_month("Harbour", 7), 0);
	assert_true(nx_locale_weekday("Montag", 6) > 0);
	assert_int_equal(nx_locale_weekday("Harbour", 7), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ascii_fold_matches_general_path),
		cmocka_unit_test(test_fold_and_lookup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
