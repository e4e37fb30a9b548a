/* test_tokenize.c - unit tests of the phrase tokenizer (src/core/tokenize.c) */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "tokenize.h"

/* tokens of s joined by '|', offsets as "start-end" when with_offsets */
static char *
toks(const char *s, size_t len, int with_offsets)
{
	static char out[4096];
	nx_tokenizer t;
	int			r;
	size_t		o = 0;

	out[0] = '\0';
	nx_tok_init(&t, s, len, &nx_malloc_allocator);
	while ((r = nx_tok_next(&t)) == 1)
	{
		if (o)
			out[o++] = '|';
		memcpy(out + o, t.tok.text, t.tok.len);
		o += t.tok.len;
		if (with_offsets)
			o += (size_t) sprintf(out + o, "@%zu-%zu", t.tok.start, t.tok.end);
		assert_int_equal(t.tok.hash, nx_token_hash(t.tok.text, t.tok.len));
	}
	assert_int_equal(r, 0);
	nx_tok_free(&t);
	out[o] = '\0';
	return out;
}

#define TOKS(s) toks((s), strlen(s), 0)

static void
test_ascii(void **state)
{
	assert_string_equal(TOKS("Walked  BACK, on Syria."), "walked|back|on|syria");
	assert_string_equal(TOKS(""), "");
	assert_string_equal(TOKS("  ...!! -- "), "");
	assert_string_equal(TOKS("five-year 3.5% U.S."), "five|year|3|5|u|s");
	assert_string_equal(TOKS("a\nb\r\nc\td"), "a|b|c|d");
}

static void
test_apostrophes_quotes(void **state)
{
	/* every apostrophe shape separates: assad + s */
	assert_string_equal(TOKS("Assad's"), "assad|s");
	assert_string_equal(TOKS("Assad\xE2\x80\x99s"), "assad|s");	/* U+2019 */
	assert_string_equal(TOKS("Assad\xCA\xBCs"), "assad|s");	/* U+02BC */
	assert_string_equal(TOKS("Assad`s"), "assad|s");
	assert_string_equal(TOKS("\xE2\x80\x9Cwalked back\xE2\x80\x9D"), "walked|back");
	assert_string_equal(TOKS("\xC2\xABquote\xC2\xBB"), "quote");
}

static void
test_diacritics_case(void **state)
{
	assert_string_equal(TOKS("S\xC3\xA3o Paulo"), "sao|paulo");		/* precomposed ã */
	assert_string_equal(TOKS("Sa\xCC\x83o"), "sao");	/* a + combining tilde */
	assert_string_equal(TOKS("Erdo\xC4\x9F" "an"), "erdogan");
	assert_string_equal(TOKS("STRA\xC3\x9F" "E"), "strasse");	/* ß case-folds to ss */
	assert_string_equal(TOKS("\xEF\xAC\x81ve"), "five");	/* ﬁ ligature */
	assert_string_equal(TOKS("\xEF\xBC\xA1\xEF\xBC\xA2"), "ab");	/* full-width AB */
	assert_string_equal(TOKS("co\xC2\xADoperate"), "cooperate");	/* soft hyphen joins */
}

static void
test_scripts(void **state)
{
	/* Cyrillic, Greek, Arabic keep words */
	assert_string_equal(TOKS("\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0 \xE2\x80\x94 \xD0\x9A\xD1\x80\xD0\xB5\xD0\xBC\xD0\xBB\xD1\x8C"),
						"\xD0\xBC\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0|\xD0\xBA\xD1\x80\xD0\xB5\xD0\xBC\xD0\xBB\xD1\x8C");
	assert_string_equal(TOKS("\xD9\x82\xD8\xA7\xD9\x84\xD8\xAA \xD8\xA7\xD9\x84\xD8\xAD\xD9\x83\xD9\x88\xD9\x85\xD8\xA9"),
						"\xD9\x82\xD8\xA7\xD9\x84\xD8\xAA|\xD8\xA7\xD9\x84\xD8\xAD\xD9\x83\xD9\x88\xD9\x85\xD8\xA9");
	/* Han: one token per character, also right after a Latin run */
	assert_string_equal(TOKS("\xE5\x8C\x97\xE4\xBA\xAC\xE5\xA4\xA7\xE5\xAD\xA6"),
						"\xE5\x8C\x97|\xE4\xBA\xAC|\xE5\xA4\xA7|\xE5\xAD\xA6");
	assert_string_equal(TOKS("abc\xE5\x8C\x97" "def"), "abc|\xE5\x8C\x97|def");
}

static void
test_invalid_utf8(void **state)
{
	const char	bad[] = "ab\xFF" "cd\xC3" "\xE2\x82" "ef\x80";

	assert_string_equal(toks(bad, sizeof(bad) - 1, 0), "ab|cd|ef");
	/* embedded NUL is a separator too */
	assert_string_equal(toks("ab\0cd", 5, 0), "ab|cd");
}

static void
test_offsets(void **state)
{
	assert_string_equal(toks("  S\xC3\xA3o-Paulo", 13, 1), "sao@2-6|paulo@7-12");
}

static int	polls;
static int
count_polls(void *ctx)
{
	(void) ctx;
	return ++polls >= 2;		/* ask to stop at the second poll */
}

static void
test_interrupt_and_long_input(void **state)
{
	size_t		n = 8 * 1024 * 1024,
				i;
	char	   *big = malloc(n);
	nx_allocator a = nx_malloc_allocator;
	nx_tokenizer t;
	int			r;
	long		count = 0;

	for (i = 0; i < n; i++)
		big[i] = (i % 6 == 5) ? ' ' : 'x';
	/* no interruption: all tokens */
	nx_tok_init(&t, big, n, &a);
	while ((r = nx_tok_next(&t)) == 1)
		count++;
	assert_int_equal(r, 0);
	assert_int_equal(count, (long) ((n + 5) / 6));
	nx_tok_free(&t);

	/* an interrupt stops it with NX_EINTR, sticky */
	a.interrupted = count_polls;
	polls = 0;
	nx_tok_init(&t, big, n, &a);
	while ((r = nx_tok_next(&t)) == 1)
		;
	assert_int_equal(r, NX_EINTR);
	assert_int_equal(nx_tok_next(&t), NX_EINTR);
	nx_tok_free(&t);

	/* one 8 MB token */
	memset(big, 'y', n);
	nx_tok_init(&t, big, n, &nx_malloc_allocator);
	assert_int_equal(nx_tok_next(&t), 1);
	assert_int_equal(t.tok.len, n);
	assert_int_equal(nx_tok_next(&t), 0);
	nx_tok_free(&t);
	free(big);
}

static void
test_hash_stable(void **state)
{
	/* the hash is part of the on-disk format: pin it */
	assert_int_equal(nx_token_hash("syria", 5), nx_token_hash("syria", 5));
	assert_true(nx_token_hash("syria", 5) != nx_token_hash("syrib", 5));
	assert_int_equal(NX_TOKENIZER_VERSION, 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ascii),
		cmocka_unit_test(test_apostrophes_quotes),
		cmocka_unit_test(test_diacritics_case),
		cmocka_unit_test(test_scripts),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_offsets),
		cmocka_unit_test(test_interrupt_and_long_input),
		cmocka_unit_test(test_hash_stable),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
