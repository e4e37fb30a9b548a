/*
 * test_phrase_query.c - unit tests of the phrase_query parser and evaluator
 * (src/core/phrase_query_*.c).  Matching is checked against a second, naive
 * evaluator written here (tokens by nx_text_tokens, every position tried).
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "phrase_query.h"
#include "phrase_sel.h"

static const nx_allocator *A = &nx_malloc_allocator;

typedef struct owned_query
{
	char	   *buf;
	nx_pq		q;
} owned_query;

static int
parse(const char *s, owned_query *oq, nx_pq_error *err)
{
	size_t		size;
	int			r = nx_pq_parse(s, strlen(s), A, 0, &oq->buf, &size, err);

	if (r != NX_OK)
		return r;
	assert_int_equal(nx_pq_view(oq->buf, size, A, &oq->q), NX_OK);
	return NX_OK;
}

static void
drop(owned_query *oq)
{
	nx_pq_view_free(&oq->q, A);
	free(oq->buf);
}

/* canonical text of s ("ERR <code>" if it does not parse) */
static char *
canonical(const char *s)
{
	owned_query oq;
	nx_pq_error err;
	char	   *out;
	size_t		len;
	int			r = parse(s, &oq, &err);

	if (r != NX_OK)
	{
		out = malloc(32);
		snprintf(out, 32, "ERR %d", r);
		return out;
	}
	assert_int_equal(nx_pq_text(&oq.q, A, &out, &len), NX_OK);
	assert_int_equal(strlen(out), len);
	drop(&oq);
	return out;
}

static void
expect_canonical(const char *in, const char *want)
{
	char	   *got = canonical(in);
	char	   *again;

	assert_string_equal(got, want);
	/* the canonical form is a fixed point */
	again = canonical(got);
	assert_string_equal(again, got);
	free(again);
	free(got);
}

static void
test_canonical(void **state)
{
	(void) state;
	expect_canonical("Kerry NEAR/5 Lavrov", "kerry NEAR/5 lavrov");
	expect_canonical("a b c", "a AND b AND c");
	expect_canonical("a OR b c", "a OR (b AND c)");
	expect_canonical("a b OR c", "(a AND b) OR c");
	expect_canonical("NOT a b", "NOT a AND b");
	expect_canonical("-a b", "NOT a AND b");
	expect_canonical("a NEAR/2 b c", "(a NEAR/2 b) AND c");
	expect_canonical("(a OR b) BEFORE/3 \"c d\"", "(a OR b) BEFORE/3 \"c d\"");
	expect_canonical("((a OR (b OR c)))", "a OR b OR c");
	expect_canonical("NOT NOT a", "a");
	expect_canonical("NOT (NOT (a b))", "a AND b");
	expect_canonical("x -(a OR b)", "x AND NOT (a OR b)");
	expect_canonical("five-year Plan", "\"five year\" AND plan");
	expect_canonical("\xE2\x80\x9Cwalked back\xE2\x80\x9D", "\"walked back\"");
	expect_canonical("and or not", "and AND or AND not");
	expect_canonical("a ! b", "a AND b");
	expect_canonical("a -!! b", "a AND b");
	expect_canonical("S\xC3\xA3o", "sao");
}

static void
expect_error(const char *in, int code)
{
	owned_query oq;
	nx_pq_error err;

	assert_int_equal(parse(in, &oq, &err), code);
	assert_int_equal(err.code, code);
	assert_true(strlen(err.detail) > 10);
}

static void
test_errors(void **state)
{
	char	   *big;
	size_t		i;

	(void) state;
	expect_error("", NX_PQ_SYNTAX);
	expect_error("  !!! ?? ", NX_PQ_SYNTAX);
	expect_error("()", NX_PQ_SYNTAX);
	expect_error("(a", NX_PQ_SYNTAX);
	expect_error("a)", NX_PQ_SYNTAX);
	expect_error("\"a b", NX_PQ_SYNTAX);
	expect_error("\"\"", NX_PQ_SYNTAX);
	expect_error("a AND", NX_PQ_SYNTAX);
	expect_error("OR a", NX_PQ_SYNTAX);
	expect_error("a OR AND b", NX_PQ_SYNTAX);
	expect_error("NOT", NX_PQ_SYNTAX);
	expect_error("a NEAR/0 b", NX_PQ_SYNTAX);
	expect_error("a NEAR b", NX_PQ_SYNTAX);
	expect_error("a NEAR/5x b", NX_PQ_SYNTAX);
	expect_error("a NEAR/1001 b", NX_PQ_LIMIT);
	expect_error("a NEAR/99999999999999999999 b", NX_PQ_LIMIT);
	expect_error("a NEAR/2 b NEAR/2 c", NX_PQ_SYNTAX);
	expect_error("(a b) NEAR/2 c", NX_PQ_SYNTAX);
	expect_error("NOT a NEAR/2 c", NX_PQ_SYNTAX);

	/* 10,000 terms, 1,000 parentheses: limits, found in one pass */
	big = malloc(60001);
	for (i = 0; i < 10000; i++)
		memcpy(big + 2 * i, "a ", 2);
	big[20000] = '\0';
	expect_error(big, NX_PQ_LIMIT);
	for (i = 0; i < 1000; i++)
		big[i] = '(';
	big[1000] = 'a';
	for (i = 0; i < 1000; i++)
		big[1001 + i] = ')';
	big[2001] = '\0';
	expect_error(big, NX_PQ_LIMIT);
	free(big);
}

static void
test_view_rejects_garbage(void **state)
{
	owned_query oq;
	nx_pq_error err;
	nx_pq		q;
	size_t		size;
	int			r;

	(void) state;
	r = nx_pq_parse("a OR (b NEAR/3 c)", 17, A, 0, &oq.buf, &size, &err);
	assert_int_equal(r, NX_OK);
	assert_int_equal(nx_pq_view(oq.buf, size, A, &q), NX_OK);
	nx_pq_view_free(&q, A);
	/* truncated, a wrong subtree size, an unknown kind */
	assert_int_not_equal(nx_pq_view(oq.buf, size / 2, A, &q), NX_OK);
	((nx_pq_node *) ((uint32_t *) oq.buf + 4))[0].size = 9;
	assert_int_not_equal(nx_pq_view(oq.buf, size, A, &q), NX_OK);
	((nx_pq_node *) ((uint32_t *) oq.buf + 4))[0].size = 5;
	((nx_pq_node *) ((uint32_t *) oq.buf + 4))[2].kind = 77;
	assert_int_not_equal(nx_pq_view(oq.buf, size, A, &q), NX_OK);
	free(oq.buf);
}

/* ------------------------------------------------ the naive second evaluator */

typedef struct toks
{
	char		w[256][32];
	int			n;
} toks;

static int
collect(void *arg, const nx_token *t)
{
	toks	   *k = arg;

	if (k->n < 256 && t->len < 32)
	{
		memcpy(k->w[k->n], t->text, t->len);
		k->w[k->n][t->len] = '\0';
		k->n++;
	}
	return 1;
}

static void
tokenize(const char *s, toks *k)
{
	k->n = 0;
	assert_true(nx_text_tokens(s, strlen(s), A, collect, k) >= 0);
}

/* does phrase p (words separated by single spaces) start at token i */
static int
at(const toks *t, int i, const char *p, int *last)
{
	char		buf[256];
	char	   *w,
			   *save = NULL;
	int			j = i;

	snprintf(buf, sizeof(buf), "%s", p);
	for (w = strtok_r(buf, " ", &save); w; w = strtok_r(NULL, " ", &save), j++)
		if (j >= t->n || strcmp(t->w[j], w) != 0)
			return 0;
	*last = j - 1;
	return 1;
}

/* some a ends, then b starts 1..n tokens later */
static int
naive_before(const toks *t, const char *a, const char *b, int n)
{
	int			i,
				j,
				la,
				lb;

	for (i = 0; i < t->n; i++)
		if (at(t, i, a, &la))
			for (j = la + 1; j <= la + n && j < t->n; j++)
				if (at(t, j, b, &lb))
					return 1;
	return 0;
}

static int
naive_has(const toks *t, const char *a)
{
	int			i,
				l;

	for (i = 0; i < t->n; i++)
		if (at(t, i, a, &l))
			return 1;
	return 0;
}

static int
match(const char *query, const char *text)
{
	owned_query oq;
	nx_pq_error err;
	int			r;

	assert_int_equal(parse(query, &oq, &err), NX_OK);
	r = nx_pq_match(&oq.q, text, strlen(text), A);
	drop(&oq);
	return r;
}

static void
test_match_against_naive(void **state)
{
	static const char *texts[] = {
		"Secretary John Kerry met Russian Foreign Minister Sergei Lavrov in Geneva.",
		"Lavrov, Kerry: a deal? Kerry said no; LAVROV said yes.",
		"blue blue blue blue green blue",
		"new york new york times new",
		"",
	};
	static const char *words[] = {"kerry", "lavrov", "blue", "new york", "york", "blue green",
	"geneva", "said", "new", "blue blue"};
	size_t		ti,
				a,
				b;
	int			n;
	char		q[128];

	(void) state;
	for (ti = 0; ti < sizeof(texts) / sizeof(texts[0]); ti++)
	{
		toks		t;

		tokenize(texts[ti], &t);
		for (a = 0; a < 10; a++)
			for (b = 0; b < 10; b++)
				for (n = 1; n <= 7; n += 2)
				{
					int			fwd = naive_before(&t, words[a], words[b], n);
					int			back = naive_before(&t, words[b], words[a], n);

					snprintf(q, sizeof(q), "\"%s\" BEFORE/%d \"%s\"", words[a], n, words[b]);
					assert_int_equal(match(q, texts[ti]), fwd);
					snprintf(q, sizeof(q), "\"%s\" NEAR/%d \"%s\"", words[a], n, words[b]);
					assert_int_equal(match(q, texts[ti]), fwd || back);
					snprintf(q, sizeof(q), "\"%s\" -\"%s\"", words[a], words[b]);
					assert_int_equal(match(q, texts[ti]), naive_has(&t, words[a]) && !naive_has(&t, words[b]));
					snprintf(q, sizeof(q), "\"%s\" OR NOT \"%s\"", words[a], words[b]);
					assert_int_equal(match(q, texts[ti]), naive_has(&t, words[a]) || !naive_has(&t, words[b]));
				}
	}
}

static void
test_eval3(void **state)
{
	owned_query oq;
	nx_pq_error err;
	uint8_t		v[3];

	(void) state;
	/* leaves in order: a, b, c */
	assert_int_equal(parse("a AND NOT (b OR c)", &oq, &err), NX_OK);
	v[0] = NX_PQ_TRUE, v[1] = NX_PQ_FALSE, v[2] = NX_PQ_FALSE;
	assert_int_equal(nx_pq_eval3(&oq.q, v), NX_PQ_TRUE);
	v[2] = NX_PQ_MAYBE;
	assert_int_equal(nx_pq_eval3(&oq.q, v), NX_PQ_MAYBE);
	v[1] = NX_PQ_TRUE;
	assert_int_equal(nx_pq_eval3(&oq.q, v), NX_PQ_FALSE);
	v[0] = NX_PQ_FALSE, v[1] = NX_PQ_MAYBE;
	assert_int_equal(nx_pq_eval3(&oq.q, v), NX_PQ_FALSE);
	assert_int_equal(nx_pq_requires_match(&oq.q), 1);
	drop(&oq);

	assert_int_equal(parse("a NEAR/3 b OR c", &oq, &err), NX_OK);
	v[0] = NX_PQ_TRUE, v[1] = NX_PQ_TRUE, v[2] = NX_PQ_FALSE;
	assert_int_equal(nx_pq_eval3(&oq.q, v), NX_PQ_MAYBE);	/* positions unknown */
	v[1] = NX_PQ_FALSE;
	assert_int_equal(nx_pq_eval3(&oq.q, v), NX_PQ_FALSE);
	v[2] = NX_PQ_TRUE;
	assert_int_equal(nx_pq_eval3(&oq.q, v), NX_PQ_TRUE);
	drop(&oq);

	assert_int_equal(parse("NOT a", &oq, &err), NX_OK);
	assert_int_equal(nx_pq_requires_match(&oq.q), 0);
	drop(&oq);
	assert_int_equal(parse("a OR NOT b", &oq, &err), NX_OK);
	assert_int_equal(nx_pq_requires_match(&oq.q), 0);
	assert_int_equal(nx_pq_leaf_negated(&oq.q, 0), 0);
	assert_int_equal(nx_pq_leaf_negated(&oq.q, 1), 1);
	drop(&oq);
	assert_int_equal(parse("NOT (a AND NOT b)", &oq, &err), NX_OK);
	assert_int_equal(nx_pq_leaf_negated(&oq.q, 0), 1);
	assert_int_equal(nx_pq_leaf_negated(&oq.q, 1), 0);	/* b present helps a match */
	drop(&oq);
}

static void
expect_snippet(const char *query, const char *text, int around, const char *want)
{
	owned_query oq;
	nx_pq_error err;
	char	   *out = NULL;
	size_t		len;
	int			r;

	assert_int_equal(parse(query, &oq, &err), NX_OK);
	r = nx_pq_snippet(&oq.q, text, strlen(text), around, "[", "]", A, &out, &len);
	if (want == NULL)
		assert_int_equal(r, 0);
	else
	{
		assert_int_equal(r, 1);
		assert_string_equal(out, want);
	}
	free(out);
	drop(&oq);
}

static long
count(const char *query, const char *text)
{
	owned_query oq;
	nx_pq_error err;
	long		n;

	assert_int_equal(parse(query, &oq, &err), NX_OK);
	n = nx_pq_count(&oq.q, text, strlen(text), A);
	drop(&oq);
	return n;
}

static void
test_snippets_and_counts(void **state)
{
	(void) state;
	expect_snippet("kerry OR lavrov", "Kerry met\n\nLavrov in Geneva today", 2, "[Kerry] met [Lavrov] ...");
	expect_snippet("geneva -kerry", "Kerry met Lavrov in Geneva today", 1, NULL);
	expect_snippet("geneva -putin", "Kerry met Lavrov in Geneva today", 1, "... in [Geneva] today");
	expect_snippet("\"met lavrov\" OR \"lavrov in\"", "Kerry met Lavrov in Geneva", 0, "... [met Lavrov] ...");
	expect_snippet("NOT putin", "one two three four", 1, "one two three ...");
	expect_snippet("NOT putin", "", 1, "");
	assert_int_equal(count("\"blue blue\"", "blue blue blue blue blue"), 2);
	assert_int_equal(count("blue OR \"blue blue\"", "blue blue blue"), 2);
	assert_int_equal(count("kerry -lavrov", "Kerry met Lavrov"), 0);
	assert_int_equal(count("NOT lavrov", "Kerry met Putin"), 0);
	assert_int_equal(count("kerry NEAR/2 lavrov", "Kerry met Lavrov, Kerry"), 3);
}

/* the estimate of query s on texts of 2,000 bytes */
static double
query_selectivity(const char *s)
{
	owned_query oq;
	nx_pq_error err;
	double		sel;

	assert_int_equal(parse(s, &oq, &err), NX_OK);
	sel = nx_pq_selectivity(&oq.q, 2000.0);
	drop(&oq);
	assert_true(sel >= 1e-7 && sel <= 1.0);
	return sel;
}

/* the planner's estimate follows the query's logic, starting from each phrase's estimate */
static void
test_selectivity(void **state)
{
	double		rare = query_selectivity("quellmire"),
				common = query_selectivity("minister"),
				phrase = query_selectivity("\"foreign minister\"");
	owned_query oq;
	nx_pq_error err;

	(void) state;
	assert_true(rare < common);
	assert_true(phrase < common);
	/* one phrase: as text @> phrase estimates it */
	assert_int_equal(parse("\"foreign minister\"", &oq, &err), NX_OK);
	assert_true(fabs(phrase - nx_phrase_selectivity(&oq.q.leaves[0], 2000.0)) < 1e-12);
	drop(&oq);
	assert_true(fabs(query_selectivity("quellmire AND minister") - rare * common) < 1e-12);
	assert_true(fabs(query_selectivity("quellmire OR minister") - (1 - (1 - rare) * (1 - common))) < 1e-12);
	assert_true(fabs(query_selectivity("NOT minister") - (1 - common)) < 1e-12);
	/* proximity: rarer than both, wider reach more likely, NEAR (either order) above BEFORE */
	assert_true(query_selectivity("quellmire NEAR/5 minister") < rare);
	assert_true(query_selectivity("quellmire NEAR/5 minister") < query_selectivity("quellmire NEAR/50 minister"));
	assert_true(query_selectivity("quellmire BEFORE/5 minister") < query_selectivity("quellmire NEAR/5 minister"));
	/* two common words near each other: likely, not the product of two small numbers */
	assert_true(query_selectivity("the NEAR/10 of") > 0.5);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_canonical),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_view_rejects_garbage),
		cmocka_unit_test(test_match_against_naive),
		cmocka_unit_test(test_eval3),
		cmocka_unit_test(test_snippets_and_counts),
		cmocka_unit_test(test_selectivity),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
