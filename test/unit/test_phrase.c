/* test_phrase.c - unit tests of phrases, matching, keys and snippets (src/core/phrase.c) */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "phrase.h"

static const nx_allocator *A = &nx_malloc_allocator;

typedef struct owned_phrase
{
	char	   *buf;
	nx_phrase	p;
} owned_phrase;

static int
mk(const char *s, owned_phrase *op)
{
	size_t		size;
	int			r = nx_phrase_encode(s, strlen(s), A, 4, &op->buf, &size);

	if (r != NX_OK)
		return r;
	assert_int_equal(nx_phrase_view(op->buf + 4, size - 4, &op->p), NX_OK);
	return NX_OK;
}

static char *
canon(const nx_phrase *p)
{
	static char out[1024];
	size_t		n = nx_phrase_text_len(p);

	nx_phrase_text(p, out);
	out[n] = '\0';
	return out;
}

static void
test_encode(void **state)
{
	owned_phrase a,
				b;
	char	   *big;
	char	   *o;
	size_t		sz;

	assert_int_equal(mk("  Walked BACK!  ", &a), NX_OK);
	assert_int_equal(a.p.ntok, 2);
	assert_int_equal(a.p.version, NX_TOKENIZER_VERSION);
	assert_string_equal(canon(&a.p), "walked back");
	assert_int_equal(mk("walked-back", &b), NX_OK);
	assert_true(nx_phrase_equal(&a.p, &b.p));
	free(b.buf);
	/* canonical text re-parses to the same phrase */
	assert_int_equal(mk(canon(&a.p), &b), NX_OK);
	assert_true(nx_phrase_equal(&a.p, &b.p));
	free(b.buf);
	assert_int_equal(mk("walked backs", &b), NX_OK);
	assert_false(nx_phrase_equal(&a.p, &b.p));
	free(b.buf);
	free(a.buf);

	assert_int_equal(nx_phrase_encode("", 0, A, 4, &o, &sz), NX_PHRASE_EMPTY);
	assert_int_equal(nx_phrase_encode("-- ...", 6, A, 4, &o, &sz), NX_PHRASE_EMPTY);
	big = malloc(NX_PHRASE_MAX_BYTES + 2);
	memset(big, 'a', NX_PHRASE_MAX_BYTES + 1);
	big[NX_PHRASE_MAX_BYTES + 1] = '\0';
	assert_int_equal(nx_phrase_encode(big, NX_PHRASE_MAX_BYTES + 1, A, 4, &o, &sz), NX_PHRASE_TOO_LONG);
	/* 257 one-letter words */
	{
		int			i;

		for (i = 0; i < NX_PHRASE_MAX_TOKENS + 1; i++)
		{
			big[2 * i] = 'a';
			big[2 * i + 1] = ' ';
		}
		assert_int_equal(nx_phrase_encode(big, 2 * (NX_PHRASE_MAX_TOKENS + 1), A, 4, &o, &sz),
						 NX_PHRASE_TOO_MANY);
		assert_int_equal(nx_phrase_encode(big, 2 * NX_PHRASE_MAX_TOKENS, A, 4, &o, &sz), NX_OK);
		free(o);
	}
	free(big);
}

static int
contains(const char *text, const char *phrase)
{
	owned_phrase p;
	int			r;

	assert_int_equal(mk(phrase, &p), NX_OK);
	r = nx_phrase_contains(&p.p, text, strlen(text), A);
	free(p.buf);
	return r;
}

static void
test_contains(void **state)
{
	assert_true(contains("The five-year conflict", "five year"));
	assert_true(contains("Russians walked\n\nback on some", "walked back"));
	assert_true(contains("Assad\xE2\x80\x99s forces", "Assad's forces"));
	assert_true(contains("Assad's forces", "assad"));
	assert_true(contains("the Caf\xC3\xA9 Riche", "cafe riche"));
	assert_false(contains("jaywalked backwards", "walked back"));
	assert_false(contains("walks back", "walked back"));
	assert_true(contains("start of it", "start"));
	assert_true(contains("at the end", "the end"));
	/* KMP: repeated words and partial overlaps */
	assert_true(contains("a a a b", "a a b"));
	assert_true(contains("a b a b a b c", "a b a b c"));
	assert_false(contains("a b a b a c", "a b a b c"));
	assert_true(contains("blue blue", "blue blue"));
	assert_false(contains("blue", "blue blue"));
	assert_false(contains("", "x"));
}

static void
test_count(void **state)
{
	owned_phrase p;

	assert_int_equal(mk("blue blue", &p), NX_OK);
	assert_int_equal(nx_phrase_scan(&p.p, "blue blue blue blue", 19, A, NULL, NULL), 2);
	assert_int_equal(nx_phrase_scan(&p.p, "blue blue blue", 14, A, NULL, NULL), 1);
	free(p.buf);
}

/* naive reference over token arrays, for the property test */
#define MAXT 64
static int
split(const char *s, char words[][8])
{
	nx_tokenizer t;
	int			n = 0;

	nx_tok_init(&t, s, strlen(s), A);
	while (nx_tok_next(&t) == 1)
	{
		memcpy(words[n], t.tok.text, t.tok.len);
		words[n][t.tok.len] = '\0';
		n++;
	}
	nx_tok_free(&t);
	return n;
}

static int
naive(const char *text, const char *phrase)
{
	char		tw[MAXT][8],
				pw[MAXT][8];
	int			nt = split(text, tw),
				np = split(phrase, pw),
				i,
				j;

	for (i = 0; i + np <= nt; i++)
	{
		for (j = 0; j < np && strcmp(tw[i + j], pw[j]) == 0; j++)
			;
		if (j == np)
			return 1;
	}
	return 0;
}

static int
subset(const uint32_t *a, int na, const uint32_t *b, int nb)
{
	int			i = 0,
				j = 0;

	for (; i < na; i++)
	{
		while (j < nb && b[j] < a[i])
			j++;
		if (j == nb || b[j] != a[i])
			return 0;
	}
	return 1;
}

static void
test_random_against_naive(void **state)
{
	static const char *vocab[] = {"a", "B", "c", "\xC3\xA1", "dd"};
	static const char *seps[] = {" ", ", ", "-", "\n", "\xE2\x80\x99"};
	int			iter,
				hits = 0;

	srand(12345);
	for (iter = 0; iter < 20000; iter++)
	{
		char		text[512] = "",
					phrase[128] = "";
		int			nt = 1 + rand() % 30,
					np = 1 + rand() % 4,
					i,
					expect,
					got;
		owned_phrase p;
		uint32_t   *tk,
				   *pk;
		int			ntk,
					npk;

		for (i = 0; i < nt; i++)
		{
			strcat(text, vocab[rand() % 5]);
			strcat(text, seps[rand() % 5]);
		}
		for (i = 0; i < np; i++)
		{
			strcat(phrase, vocab[rand() % 5]);
			strcat(phrase, " ");
		}
		expect = naive(text, phrase);
		assert_int_equal(mk(phrase, &p), NX_OK);
		got = nx_phrase_contains(&p.p, text, strlen(text), A);
		assert_int_equal(got, expect);
		/* never a false negative in the index: phrase keys are among the text's */
		assert_int_equal(nx_text_keys(text, strlen(text), A, &tk, &ntk), NX_OK);
		assert_int_equal(nx_phrase_keys(&p.p, A, &pk, &npk), NX_OK);
		if (expect)
		{
			assert_true(subset(pk, npk, tk, ntk));
			hits++;
		}
		free(tk);
		free(pk);
		free(p.buf);
	}
	assert_true(hits > 1000);
}

static void
test_keys(void **state)
{
	owned_phrase p;
	uint32_t   *k,
			   *k2;
	int			n,
				n2,
				i;
	char	   *big;
	size_t		len = 0;

	/* one word: one unigram key; n words: n-1 pair keys */
	assert_int_equal(mk("Syria", &p), NX_OK);
	assert_int_equal(nx_phrase_keys(&p.p, A, &k, &n), NX_OK);
	assert_int_equal(n, 1);
	assert_true(k[0] >= NX_UNI_BASE);
	free(k);
	free(p.buf);
	assert_int_equal(mk("secretary of state john kerry", &p), NX_OK);
	assert_int_equal(nx_phrase_keys(&p.p, A, &k, &n), NX_OK);
	assert_int_equal(n, 4);
	for (i = 0; i < n; i++)
		assert_true(k[i] < ((uint32_t) 1 << NX_PAIR_BITS));
	free(k);
	free(p.buf);

	/* key values are part of the on-disk format: pin them */
	assert_true(nx_token_hash("syria", 5) == UINT64_C(1169540322647080864));
	assert_int_equal(nx_key_unigram(nx_token_hash("syria", 5)), 1073781648);
	assert_int_equal(nx_key_pair(nx_token_hash("walked", 6), nx_token_hash("back", 4)), 196727);

	/* the bitmap path (large texts) gives the same keys as sort+unique */
	big = malloc(4 * 1024 * 1024);
	srand(7);
	while (len < 4 * 1024 * 1024 - 16)
		len += (size_t) sprintf(big + len, "w%d ", rand() % 50000);
	assert_int_equal(nx_text_keys(big, len, A, &k, &n), NX_OK);
	{
		/* recompute through many small pieces' union is hard; check sortedness and membership */
		owned_phrase q;
		char		ph[64];
		size_t		off = 1000;
		size_t		e;

		for (i = 1; i < n; i++)
			assert_true(k[i - 1] < k[i]);
		/* any 3 consecutive words of the text: their keys are present */
		while (big[off] != ' ')
			off++;
		off++;
		e = off;
		for (i = 0; i < 3; i++)
		{
			while (big[e] != ' ')
				e++;
			e++;
		}
		memcpy(ph, big + off, e - off);
		ph[e - off] = '\0';
		assert_int_equal(mk(ph, &q), NX_OK);
		assert_int_equal(nx_phrase_keys(&q.p, A, &k2, &n2), NX_OK);
		assert_true(subset(k2, n2, k, n));
		assert_int_equal(nx_phrase_contains(&q.p, big, len, A), 1);
		free(k2);
		free(q.buf);
	}
	free(k);
	free(big);
}

static void
test_snippet(void **state)
{
	owned_phrase p;
	char	   *out;
	size_t		len;
	const char *t = "one two three four\n five six seven eight nine ten";

	assert_int_equal(mk("five six", &p), NX_OK);
	assert_int_equal(nx_phrase_snippet(&p.p, t, strlen(t), 2, "<b>", "</b>", A, &out, &len), 1);
	assert_string_equal(out, "... three four <b>five six</b> seven eight ...");
	free(out);
	assert_int_equal(nx_phrase_snippet(&p.p, t, strlen(t), 10, "[", "]", A, &out, &len), 1);
	assert_string_equal(out, "one two three four [five six] seven eight nine ten");
	free(out);
	assert_int_equal(nx_phrase_snippet(&p.p, t, strlen(t), 0, "[", "]", A, &out, &len), 1);
	assert_string_equal(out, "... [five six] ...");
	free(out);
	free(p.buf);
	assert_int_equal(mk("Walked back", &p), NX_OK);
	t = "\"Russians walked\n back on some\"";
	assert_int_equal(nx_phrase_snippet(&p.p, t, strlen(t), 1, "<b>", "</b>", A, &out, &len), 1);
	assert_string_equal(out, "Russians <b>walked back</b> on ...");
	free(out);
	assert_int_equal(nx_phrase_snippet(&p.p, "nothing", 7, 1, "<b>", "</b>", A, &out, &len), 0);
	free(p.buf);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_encode),
		cmocka_unit_test(test_contains),
		cmocka_unit_test(test_count),
		cmocka_unit_test(test_random_against_naive),
		cmocka_unit_test(test_keys),
		cmocka_unit_test(test_snippet),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
