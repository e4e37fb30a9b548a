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
	assert_int_equal(NX_TOKENIZER_VERSION, 3);	/* 3: pairs only between common words, fewer buckets (phrase.h) */
}

/* encode code point c as UTF-8 into o; returns bytes written */
static int
put_utf8(uint32_t c, char *o)
{
	if (c < 0x80)
	{
		o[0] = (char) c;
		return 1;
	}
	if (c < 0x800)
	{
		o[0] = (char) (0xC0 | (c >> 6));
		o[1] = (char) (0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000)
	{
		o[0] = (char) (0xE0 | (c >> 12));
		o[1] = (char) (0x80 | ((c >> 6) & 0x3F));
		o[2] = (char) (0x80 | (c & 0x3F));
		return 3;
	}
	o[0] = (char) (0xF0 | (c >> 18));
	o[1] = (char) (0x80 | ((c >> 12) & 0x3F));
	o[2] = (char) (0x80 | ((c >> 6) & 0x3F));
	o[3] = (char) (0x80 | (c & 0x3F));
	return 4;
}

/* all tokens of s joined by one space (the canonical form) */
static size_t
canonical(const char *s, size_t len, char *out, size_t cap)
{
	nx_tokenizer t;
	size_t		o = 0;
	size_t		last_end = 0,
				last_start = 0;

	/* offsets are monotonic; tokens from one decomposed character share its offsets */
	nx_tok_init(&t, s, len, &nx_malloc_allocator);
	while (nx_tok_next(&t) == 1)
	{
		assert_true(t.tok.len > 0);
		assert_true(t.tok.start < t.tok.end);
		assert_true(t.tok.start >= last_start);
		assert_true(t.tok.end >= last_end);
		assert_true(t.tok.end <= len);
		last_start = t.tok.start;
		last_end = t.tok.end;
		assert_true(o + t.tok.len + 1 < cap);
		if (o)
			out[o++] = ' ';
		memcpy(out + o, t.tok.text, t.tok.len);
		o += t.tok.len;
	}
	nx_tok_free(&t);
	return o;
}

static void
test_random_unicode_idempotent(void **state)
{
	/* ranges: Latin + marks, Greek/Cyrillic, Arabic, Devanagari, Thai, CJK, kana, Hangul,
	 * compatibility forms, letterlike symbols, ligatures, full-width, punctuation, astral */
	static const uint32_t ranges[][2] = {
		{0x20, 0x7E}, {0xA0, 0x24F}, {0x300, 0x36F}, {0x370, 0x52F}, {0x600, 0x6FF},
		{0x900, 0x97F}, {0xE00, 0xE7F}, {0x1E00, 0x1FFF}, {0x2000, 0x214F}, {0x2460, 0x24FF},
		{0x3000, 0x30FF}, {0x3300, 0x33FF}, {0x4E00, 0x4E80}, {0xAC00, 0xAD00}, {0xFB00, 0xFB4F},
		{0xFF00, 0xFFEF}, {0x1D400, 0x1D7FF}, {0x1F100, 0x1F1FF},
	};
	static char in[4096],
				c1[16384],
				c2[16384];
	int			iter,
				bad = 0;

	srand(99);
	for (iter = 0; iter < 20000; iter++)
	{
		size_t		n = 0,
					l1,
					l2;
		int			k,
					nchar = 1 + rand() % 40;

		for (k = 0; k < nchar; k++)
		{
			int			r = rand() % (int) (sizeof(ranges) / sizeof(ranges[0]));
			uint32_t	c = ranges[r][0] + (uint32_t) rand() % (ranges[r][1] - ranges[r][0] + 1);

			if (c >= 0xD800 && c <= 0xDFFF)
				c = 'x';
			n += (size_t) put_utf8(c, in + n);
		}
		l1 = canonical(in, n, c1, sizeof(c1));
		l2 = canonical(c1, l1, c2, sizeof(c2));
		if (l1 != l2 || memcmp(c1, c2, l1) != 0)
			bad++;
	}
	/* the canonical form of any text re-tokenizes to itself */
	assert_int_equal(bad, 0);
}

static void
test_random_bytes_no_crash(void **state)
{
	static char in[2048],
				out[8192];
	int			iter;

	srand(4242);
	for (iter = 0; iter < 20000; iter++)
	{
		size_t		n = (size_t) (rand() % 2048),
					i;

		for (i = 0; i < n; i++)
			in[i] = (char) (rand() % 4 ? rand() % 256 : 'a' + rand() % 26);
		canonical(in, n, out, sizeof(out));
	}
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
		cmocka_unit_test(test_random_unicode_idempotent),
		cmocka_unit_test(test_random_bytes_no_crash),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
