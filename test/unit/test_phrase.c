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
#include "phrase_ascii.h"
#include "phrase_sel.h"
#include "phrase_words.h"

/* pinned key values (on-disk format, tokenizer version 3) */
#define NX_UNI_PIN_SYRIA 1073781648
#define NX_PAIR_PIN_WALKED_BACK 3073

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
	/* odd iterations: ASCII only, the matcher's fast path; even: with UTF-8, both paths */
	static const char *vocab_utf8[] = {"a", "B", "c", "\xC3\xA1", "dd"};
	static const char *seps_utf8[] = {" ", ", ", "-", "\n", "\xE2\x80\x99"};
	static const char *vocab_ascii[] = {"a", "B", "c", "A1", "dd"};
	static const char *utf8_extenders[] = {"\xC5\x9B", "\xCC\x81", "\xC2\xAD"};	/* ś, combining acute, soft hyphen */
	static const char *seps_ascii[] = {" ", ", ", "-", "\n", "'"};
	const char **vocab,
			  **seps;
	int			iter,
				hits = 0,
				exact_checked = 0;

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

		vocab = (iter & 1) ? vocab_ascii : vocab_utf8;
		seps = (iter & 1) ? seps_ascii : seps_utf8;
		for (i = 0; i < nt; i++)
		{
			strcat(text, vocab[rand() % 5]);
			/* sometimes a letter, mark or soft hyphen >= 0x80 glued to the word */
			if (!(iter & 1) && rand() % 6 == 0)
				strcat(text, utf8_extenders[rand() % 3]);
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
		/* exact keys decide alone: present exactly when the phrase occurs */
		if (nx_phrase_keys_exact(&p.p))
		{
			assert_int_equal(subset(pk, npk, tk, ntk), expect);
			exact_checked++;
		}
		free(tk);
		free(pk);
		free(p.buf);
	}
	assert_true(hits > 1000);
	assert_true(exact_checked > 1000);
}

/* an independent computation of a text's keys: tokens, then the key rules */
typedef struct key_collector
{
	uint32_t   *k;
	int			n;
	int			cap;
	int			idprev;
	uint64_t	hprev;
} key_collector;

static void
collect_push(key_collector *c, uint32_t key)
{
	if (c->n == c->cap)
	{
		c->cap = c->cap ? c->cap * 2 : 1024;
		c->k = realloc(c->k, sizeof(uint32_t) * (size_t) c->cap);
		assert_non_null(c->k);
	}
	c->k[c->n++] = key;
}

static int
collect_token(void *arg, const nx_token *t)
{
	key_collector *c = arg;
	int			id = nx_common_word_id(t->text, t->len, t->hash);

	collect_push(c, nx_key_unigram(id, t->hash));
	/* a pair only between two of the NX_HPAIR_WORD_COUNT most common words */
	if (c->n > 1 && c->idprev >= 0 && c->idprev < NX_HPAIR_WORD_COUNT &&
		id >= 0 && id < NX_HPAIR_WORD_COUNT)
		collect_push(c, nx_key_pair(c->idprev, c->hprev, id, t->hash));
	c->idprev = id;
	c->hprev = t->hash;
	return 1;
}

static int
cmp_key(const void *x, const void *y)
{
	uint32_t	a = *(const uint32_t *) x,
				b = *(const uint32_t *) y;

	return a < b ? -1 : a > b;
}

/*
 * The fast path (phrase_ascii.c) against the tokenizer's scan, for containment and
 * counting: never a wrong answer, and an answer (not "unsure") for every plain text
 * (ASCII and curly quotes, dashes, no-break spaces, ellipses, currency and other signs).
 * The words share letters and prefixes so that anchors land inside other words and
 * occurrences overlap; some texts carry other bytes >= 0x80 next to words, between them,
 * or as words, among them a typographic separator cut short.
 */
static void
test_plain_fast_path(void **state)
{
	static const char *words[] = {"a", "aa", "ab", "Ba", "bab", "1", "11", "A1", "zz", "v"};
	static const char *seps[] = {" ", ", ", "-", "\n", "'", "...", " (", "\t",
		"\xE2\x80\x99", " \xE2\x80\x94 ", "\xC2\xA0", "\xE2\x80\x9C", "\xE2\x80\xA6",
		" \xC2\xA3", "\xE2\x82\xAC", "\xC2\xB0 ", "\xE2\x80\xA2"};
	static const char *other[] = {"\xC2\xAD", "\xC3\xA1", "\xCC\x81", "\xE6\x9D\xB1", "\xFF",
		"\xE2\x80", "\xC2", "\xE2\x80\x8B"};
	int			iter,
				decided = 0,
				found = 0,
				counted_many = 0;

	(void) state;
	srand(777);
	for (iter = 0; iter < 40000; iter++)
	{
		char		text[800] = "",
					phrase[128] = "";
		int			nt = rand() % 40,
					np = 1 + rand() % 4,
					with_other = iter % 3 == 0,
					i,
					r;
		long		count,
					fast;
		owned_phrase p;

		for (i = 0; i < nt; i++)
		{
			if (with_other && rand() % 5 == 0)
				strcat(text, other[rand() % 8]);
			strcat(text, words[rand() % 10]);
			if (with_other && rand() % 5 == 0)
				strcat(text, other[rand() % 8]);
			strcat(text, seps[rand() % 17]);
		}
		for (i = 0; i < np; i++)
		{
			strcat(phrase, (iter % 7 == 0 && i == 0) ? "\xC3\xA1" : words[rand() % 10]);
			strcat(phrase, " ");
		}
		assert_int_equal(mk(phrase, &p), NX_OK);
		/* the text without its last byte too: matches at the very end, cut sequences */
		for (i = 0; i < 2; i++)
		{
			size_t		len = strlen(text) - (i && text[0] ? 1 : 0);

			count = nx_phrase_scan(&p.p, text, len, A, NULL, NULL);
			r = nx_phrase_match_plain(&p.p, text, len, A, 0, &fast);
			if (r == NX_OK)
			{
				assert_int_equal(fast, count > 0);
				decided++;
				found += fast;
			}
			else
			{
				assert_int_equal(r, NX_ASCII_UNSURE);
				assert_true(with_other || i == 1);
			}
			r = nx_phrase_match_plain(&p.p, text, len, A, 1, &fast);
			if (r == NX_OK)
			{
				assert_int_equal(fast, count);
				counted_many += count > 1;
			}
			else
				assert_true(with_other || i == 1);
			assert_int_equal(nx_phrase_contains(&p.p, text, len, A), count > 0);
			assert_int_equal(nx_phrase_count(&p.p, text, len, A), count);
		}
		free(p.buf);
	}
	/* the path is exercised every way */
	assert_true(decided > 50000);
	assert_true(found > 5000);
	assert_true(counted_many > 1000);
}

/* token collector for test_plain_separators */
typedef struct tok_list
{
	int			n;
	char		text[2][8];
	size_t		start[2];
	size_t		end[2];
} tok_list;

static int
tok_list_add(void *arg, const nx_token *t)
{
	tok_list   *l = arg;

	if (l->n < 2 && t->len < 8)
	{
		memcpy(l->text[l->n], t->text, t->len);
		l->text[l->n][t->len] = '\0';
		l->start[l->n] = t->start;
		l->end[l->n] = t->end;
	}
	l->n++;
	return 1;
}

/*
 * Every multi-byte sequence the fast path steps over as a separator (all 2- and 3-byte
 * UTF-8 sequences are tried) must be one for the tokenizer: "ab" SEP "cd" is the two
 * tokens "ab" and "cd", at their places, and the sequence cut short is not accepted.
 */
static void
test_plain_separators(void **state)
{
	int			lead,
				c1,
				c2,
				accepted = 0;

	(void) state;
	for (lead = 0xC2; lead <= 0xEF; lead++)
		for (c1 = 0x80; c1 <= 0xBF; c1++)
			for (c2 = 0x80; c2 <= (lead >= 0xE0 ? 0xBF : 0x80); c2++)
			{
				unsigned char text[16] = "ab";
				size_t		n = lead >= 0xE0 ? 3 : 2;
				tok_list	l;

				text[2] = (unsigned char) lead;
				text[3] = (unsigned char) c1;
				text[4] = (unsigned char) c2;
				if (nx_plain_wide_sep_len(text, 2, 2 + n) == 0)
					continue;
				accepted++;
				assert_int_equal(nx_plain_wide_sep_len(text, 2, 2 + n), n);
				assert_int_equal(nx_plain_wide_sep_len(text, 2, 2 + n - 1), 0);
				memcpy(text + 2 + n, "cd", 3);
				memset(&l, 0, sizeof(l));
				assert_int_equal(nx_text_tokens((const char *) text, 4 + n, A, tok_list_add, &l), 2);
				assert_string_equal(l.text[0], "ab");
				assert_string_equal(l.text[1], "cd");
				assert_int_equal(l.start[0], 0);
				assert_int_equal(l.end[0], 2);
				assert_int_equal(l.start[1], 2 + n);
				assert_int_equal(l.end[1], 4 + n);
			}
	/* the list documented in phrase_ascii.c */
	assert_int_equal(accepted, 21);
}

/*
 * A phrase like "a a ... a e" over "a a a ...": every hit reads up to 200 tokens, so the
 * fast path would take time proportional to text x phrase.  Its reading budget hands such
 * a text to the tokenizer (linear) instead, and the answers stay right.
 */
static void
test_plain_fast_path_budget(void **state)
{
	size_t		n = 500000,
				i;
	char	   *text = malloc(2 * n),
			   *phrase = malloc(2 * 200 + 3);
	owned_phrase miss,
				hit;
	long		count;

	(void) state;
	/* fuzz finding: an anchor hit near the end must not read past len ("G" of "gsh") */
	{
		owned_phrase g;

		assert_int_equal(mk("gsh", &g), NX_OK);
		assert_int_equal(nx_phrase_contains(&g.p, "x gsh", 3, A), 0);
		assert_int_equal(nx_phrase_count(&g.p, "x gsh", 3, A), 0);
		assert_int_equal(nx_phrase_contains(&g.p, "x gsh", 5, A), 1);
		free(g.buf);
	}
	/* fuzz finding: the anchor's span can hold bytes >= 0x80 (0xE2 then "b", for "ab") */
	{
		owned_phrase g;

		assert_int_equal(mk("ab", &g), NX_OK);
		assert_int_equal(nx_phrase_contains(&g.p, " \xE2" "b ", 4, A), 0);
		assert_int_equal(nx_phrase_count(&g.p, " \xAE" "b ab", 6, A), 1);
		free(g.buf);
	}
	for (i = 0; i < n; i++)
	{
		text[2 * i] = 'a';
		text[2 * i + 1] = ' ';
	}
	for (i = 0; i < 200; i++)
	{
		phrase[2 * i] = 'a';
		phrase[2 * i + 1] = ' ';
	}
	phrase[400] = '\0';
	assert_int_equal(mk(phrase, &hit), NX_OK);
	strcpy(phrase + 400, "e");	/* a commoner letter than a: not the anchor */
	assert_int_equal(mk(phrase, &miss), NX_OK);

	assert_int_equal(nx_phrase_match_plain(&miss.p, text, 2 * n, A, 0, &count), NX_ASCII_UNSURE);
	assert_int_equal(nx_phrase_contains(&miss.p, text, 2 * n, A), 0);
	assert_int_equal(nx_phrase_match_plain(&hit.p, text, 2 * n, A, 1, &count), NX_ASCII_UNSURE);
	assert_int_equal(nx_phrase_count(&hit.p, text, 2 * n, A), (long) (n / 200));
	/* containment stops at the first match, well inside the budget */
	assert_int_equal(nx_phrase_match_plain(&hit.p, text, 2 * n, A, 0, &count), NX_OK);
	assert_int_equal(count, 1);
	free(miss.buf);
	free(hit.buf);
	free(phrase);
	free(text);
}

static void
test_common_words(void **state)
{
	int			i;

	/* the generated table finds every word of the list under its own id */
	for (i = 0; i < NX_COMMON_WORD_COUNT; i++)
	{
		const char *w = nx_common_word(i);

		assert_non_null(w);
		assert_int_equal(nx_common_word_id(w, strlen(w), nx_token_hash(w, strlen(w))), i);
	}
	assert_null(nx_common_word(NX_COMMON_WORD_COUNT));
	assert_int_equal(nx_common_word_id("zqxv", 4, nx_token_hash("zqxv", 4)), -1);
	/* prefixes and extensions of a common word are not it */
	assert_int_equal(nx_common_word_id("sai", 3, nx_token_hash("sai", 3)), -1);
	assert_int_equal(nx_common_word_id("saidx", 5, nx_token_hash("saidx", 5)), -1);
	assert_true(nx_common_word_id("said", 4, nx_token_hash("said", 4)) >= 0);
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
	int			id_the = nx_common_word_id("the", 3, nx_token_hash("the", 3));
	int			id_said = nx_common_word_id("said", 4, nx_token_hash("said", 4));
	int			id_it = nx_common_word_id("it", 2, nx_token_hash("it", 2));
	static const struct
	{
		const char *phrase;
		int			exact;
	}			exactness[] = {
		{"The", 1}, {"said it", 1}, {"SAID, it", 1}, {"the the", 1},
		{"zqxv", 0}, {"said zqxv", 0}, {"zqxv it", 0}, {"said it the", 0},
		{"immigration", 1}, {"said immigration", 0},	/* id 4095: a common word, not a pair word */
	};

	/*
	 * one word: one unigram key; n words: the keys of the pairs between common
	 * words and the unigram keys of the words outside the 256 most common
	 */
	assert_int_equal(mk("zqxv", &p), NX_OK);
	assert_int_equal(nx_phrase_keys(&p.p, A, &k, &n), NX_OK);
	assert_int_equal(n, 1);
	assert_true(k[0] >= NX_UNI_BASE && !nx_key_is_exact(k[0]));
	free(k);
	free(p.buf);
	assert_int_equal(mk("said zqxv", &p), NX_OK);	/* no pair key with a rare word */
	assert_int_equal(nx_phrase_keys(&p.p, A, &k, &n), NX_OK);
	assert_int_equal(n, 1);
	assert_int_equal(k[0], nx_key_unigram(-1, nx_token_hash("zqxv", 4)));
	free(k);
	free(p.buf);
	assert_int_equal(mk("zqxv wvut", &p), NX_OK);	/* two rare words: their unigrams */
	assert_int_equal(nx_phrase_keys(&p.p, A, &k, &n), NX_OK);
	assert_int_equal(n, 2);
	assert_true(k[0] >= NX_UNI_BASE && k[1] >= NX_UNI_BASE);
	free(k);
	free(p.buf);
	assert_int_equal(mk("said it the", &p), NX_OK);	/* two exact pairs, nothing else */
	assert_int_equal(nx_phrase_keys(&p.p, A, &k, &n), NX_OK);
	assert_int_equal(n, 2);
	assert_true(nx_key_is_exact(k[0]) && nx_key_is_exact(k[1]));
	free(k);
	free(p.buf);
	{
		/* said (id 3) + a word of id 500: a hashed pair key and the word's exact key */
		char		ph[64];

		snprintf(ph, sizeof(ph), "said %s", nx_common_word(500));
		assert_int_equal(mk(ph, &p), NX_OK);
		assert_int_equal(nx_phrase_keys(&p.p, A, &k, &n), NX_OK);
		assert_int_equal(n, 2);
		assert_true(k[0] < NX_EXACT_PAIR_BASE && k[1] == NX_EXACT_UNI_BASE + 500);
		free(k);
		free(p.buf);
		/* id 4095: its unigram, no pair */
		assert_int_equal(mk("said immigration", &p), NX_OK);
		assert_int_equal(nx_phrase_keys(&p.p, A, &k, &n), NX_OK);
		assert_int_equal(n, 1);
		assert_int_equal(k[0], NX_EXACT_UNI_BASE + 4095);
		free(k);
		free(p.buf);
	}

	/* common words and pairs of them have exact keys; nothing else does */
	assert_true(id_the >= 0 && id_said >= 0 && id_it >= 0);
	assert_int_equal(mk("the", &p), NX_OK);
	assert_int_equal(nx_phrase_keys(&p.p, A, &k, &n), NX_OK);
	assert_int_equal(n, 1);
	assert_int_equal(k[0], NX_EXACT_UNI_BASE + (uint32_t) id_the);
	assert_true(nx_key_is_exact(k[0]));
	free(k);
	free(p.buf);
	assert_int_equal(mk("said it", &p), NX_OK);
	assert_int_equal(nx_phrase_keys(&p.p, A, &k, &n), NX_OK);
	assert_int_equal(n, 1);
	assert_int_equal(k[0], NX_EXACT_PAIR_BASE + ((uint32_t) id_said << NX_PAIR_WORD_BITS | (uint32_t) id_it));
	free(k);
	free(p.buf);
	for (i = 0; i < (int) (sizeof(exactness) / sizeof(exactness[0])); i++)
	{
		assert_int_equal(mk(exactness[i].phrase, &p), NX_OK);
		if (nx_phrase_keys_exact(&p.p) != exactness[i].exact)
			fail_msg("exactness of '%s'", exactness[i].phrase);
		free(p.buf);
	}
	assert_false(nx_key_is_exact(nx_key_pair(-1, 1, id_it, 2)));
	assert_false(nx_key_is_exact(nx_key_unigram(-1, 12345)));

	/* key values are part of the on-disk format: pin them */
	assert_true(nx_token_hash("syria", 5) == UINT64_C(1169540322647080864));
	assert_int_equal(nx_key_unigram(-1, nx_token_hash("syria", 5)), NX_UNI_PIN_SYRIA);
	assert_int_equal(nx_key_pair(-1, nx_token_hash("walked", 6), nx_common_word_id("back", 4, nx_token_hash("back", 4)), nx_token_hash("back", 4)),
					 NX_PAIR_PIN_WALKED_BACK);
	assert_string_equal(nx_common_word(0), "reuter");
	assert_int_equal(id_the, 2);

	/*
	 * The bitmap path (large texts, common and rare words) gives exactly the
	 * keys computed independently from the tokens.
	 */
	big = malloc(4 * 1024 * 1024);
	srand(7);
	while (len < 4 * 1024 * 1024 - 32)
	{
		if (rand() % 2)
			len += (size_t) sprintf(big + len, "w%d ", rand() % 50000);
		else
		{
			const char *w = nx_common_word(rand() % 2000);

			len += (size_t) sprintf(big + len, "%s ", w);
		}
	}
	assert_int_equal(nx_text_keys(big, len, A, &k, &n), NX_OK);
	{
		key_collector c;
		int			m = 0;

		memset(&c, 0, sizeof(c));
		assert_true(nx_text_tokens(big, len, A, collect_token, &c) > 65536);
		qsort(c.k, (size_t) c.n, sizeof(uint32_t), cmp_key);
		for (i = 0; i < c.n; i++)
			if (m == 0 || c.k[i] != c.k[m - 1])
				c.k[m++] = c.k[i];
		assert_int_equal(n, m);
		assert_memory_equal(k, c.k, sizeof(uint32_t) * (size_t) m);
		free(c.k);
	}
	{
		/* any 3 consecutive words of the text: their keys are present */
		owned_phrase q;
		char		ph[64];
		size_t		off = 1000;
		size_t		e;

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

/*
 * A long phrase queries at most NX_QUERY_MAX_KEYS keys, the rarest: the keys of
 * its words outside the common-word list before any common word's or pair's,
 * and always keys of a text that contains it.
 */
static void
test_query_key_cap(void **state)
{
	const char *phrase = "the company said zqxv it would sell wvut its stake in the unit";
	uint32_t	zqxv = nx_key_unigram(-1, nx_token_hash("zqxv", 4)),
				wvut = nx_key_unigram(-1, nx_token_hash("wvut", 4));
	char		text[512];
	owned_phrase p;
	uint32_t   *k,
			   *tk;
	int			n,
				ntk,
				i,
				found = 0;

	(void) state;
	assert_int_equal(mk(phrase, &p), NX_OK);
	assert_int_equal(nx_phrase_keys(&p.p, A, &k, &n), NX_OK);
	assert_int_equal(n, NX_QUERY_MAX_KEYS);
	for (i = 0; i < n; i++)
	{
		found += k[i] == zqxv || k[i] == wvut;
		if (i > 0)
			assert_true(k[i - 1] < k[i]);	/* sorted, distinct */
	}
	assert_int_equal(found, 2);
	snprintf(text, sizeof(text), "In March %s, as analysts expected.", phrase);
	assert_int_equal(nx_phrase_contains(&p.p, text, strlen(text), A), 1);
	assert_int_equal(nx_text_keys(text, strlen(text), A, &tk, &ntk), NX_OK);
	assert_true(subset(k, n, tk, ntk));
	free(tk);
	free(k);
	free(p.buf);

	/* a phrase of common words only: still five keys, all of the text's */
	assert_int_equal(mk("it said that the company would have to sell the unit by the end of the year", &p), NX_OK);
	assert_int_equal(nx_phrase_keys(&p.p, A, &k, &n), NX_OK);
	assert_int_equal(n, NX_QUERY_MAX_KEYS);
	free(k);
	free(p.buf);
}

/* the planner's estimate: frequent words high, rare ones low, longer phrases never higher */
static void
test_selectivity(void **state)
{
	owned_phrase p;
	double		the,
				the_year,
				rare,
				rare_pair;
	int			i;

	for (i = 1; i < NX_COMMON_WORD_COUNT; i++)
		assert_true(nx_token_frequency(i) < nx_token_frequency(i - 1));
	assert_true(nx_token_frequency(-1) < nx_token_frequency(NX_COMMON_WORD_COUNT - 1));
	assert_int_equal(mk("the", &p), NX_OK);
	the = nx_phrase_selectivity(&p.p, 2000);
	free(p.buf);
	assert_int_equal(mk("the year", &p), NX_OK);
	the_year = nx_phrase_selectivity(&p.p, 2000);
	free(p.buf);
	assert_int_equal(mk("zqxv", &p), NX_OK);
	rare = nx_phrase_selectivity(&p.p, 2000);
	assert_true(nx_phrase_selectivity(&p.p, 200) < rare);	/* shorter texts, fewer hits */
	free(p.buf);
	assert_int_equal(mk("zqxv wvut", &p), NX_OK);
	rare_pair = nx_phrase_selectivity(&p.p, 2000);
	free(p.buf);
	assert_true(the > 0.9 && the <= 1.0);
	assert_true(the_year < the && the_year > 0.01);
	assert_true(rare < 0.01 && rare > 1e-5);
	assert_true(rare_pair < rare && rare_pair >= 1e-7);
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
		cmocka_unit_test(test_plain_fast_path),
		cmocka_unit_test(test_plain_fast_path_budget),
		cmocka_unit_test(test_plain_separators),
		cmocka_unit_test(test_common_words),
		cmocka_unit_test(test_keys),
		cmocka_unit_test(test_query_key_cap),
		cmocka_unit_test(test_selectivity),
		cmocka_unit_test(test_snippet),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
