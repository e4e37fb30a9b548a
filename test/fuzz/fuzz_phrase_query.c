/*
 * fuzz_phrase_query.c - the phrase_query parser and evaluator on any bytes.
 *
 * The input up to its first newline is a query, the rest a text.  Checks: the parser
 * either succeeds or reports a syntax or limit error with a detail; a parsed query views
 * back, its canonical text parses to the same bytes; matching returns 0 or 1 and agrees
 * with counts and snippets; the three-valued answer an index computes from the text's
 * keys never contradicts the match (FALSE means no match, TRUE means a match).
 */
#include "fuzz_common.h"
#include "phrase_query.h"

static int
has_key(const uint32_t *keys, int n, uint32_t k)
{
	int			lo = 0,
				hi = n - 1;

	while (lo <= hi)
	{
		int			mid = (lo + hi) / 2;

		if (keys[mid] == k)
			return 1;
		if (keys[mid] < k)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return 0;
}

/* what the index knows of each phrase from the text's keys */
static void
index_view(const nx_pq *q, const uint32_t *tkeys, int ntk, uint8_t *leafval)
{
	uint32_t	l;

	for (l = 0; l < q->nleaves; l++)
	{
		uint32_t   *qk;
		int			nqk,
					i,
					all = 1;

		FUZZ_CHECK(nx_phrase_keys(&q->leaves[l], &nx_malloc_allocator, &qk, &nqk) == NX_OK);
		for (i = 0; i < nqk; i++)
			all = all && has_key(tkeys, ntk, qk[i]);
		leafval[l] = !all ? NX_PQ_FALSE : nx_phrase_keys_exact(&q->leaves[l]) ? NX_PQ_TRUE : NX_PQ_MAYBE;
		free(qk);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *) data;
	const char *nl = memchr(s, '\n', size);
	size_t		qlen = nl ? (size_t) (nl - s) : size;
	const char *text = nl ? nl + 1 : "";
	size_t		tlen = nl ? size - qlen - 1 : 0;
	char	   *enc,
			   *enc2,
			   *canon,
			   *snippet = NULL;
	size_t		encsize,
				encsize2,
				clen,
				snippet_len;
	nx_pq_error err;
	nx_pq		q;
	int			rc,
				m,
				ntk,
				v3;
	long		count;
	uint32_t   *tkeys;
	uint8_t    *leafval;

	rc = nx_pq_parse(s, qlen, &nx_malloc_allocator, 0, &enc, &encsize, &err);
	if (rc != NX_OK)
	{
		FUZZ_CHECK(rc == NX_PQ_SYNTAX || rc == NX_PQ_LIMIT);
		FUZZ_CHECK(err.code == rc && err.detail[0] != '\0');
		return 0;
	}
	FUZZ_CHECK(nx_pq_view(enc, encsize, &nx_malloc_allocator, &q) == NX_OK);

	/* canonical text round trip: the same bytes */
	FUZZ_CHECK(nx_pq_text(&q, &nx_malloc_allocator, &canon, &clen) == NX_OK);
	rc = nx_pq_parse(canon, clen, &nx_malloc_allocator, 0, &enc2, &encsize2, &err);
	FUZZ_CHECK(rc == NX_OK);
	FUZZ_CHECK(encsize2 == encsize && memcmp(enc, enc2, encsize) == 0);

	/* matching, counting and snippets agree */
	m = nx_pq_match(&q, text, tlen, &nx_malloc_allocator);
	FUZZ_CHECK(m == 0 || m == 1);
	count = nx_pq_count(&q, text, tlen, &nx_malloc_allocator);
	FUZZ_CHECK(count >= 0 && (m || count == 0));
	rc = nx_pq_snippet(&q, text, tlen, 3, "<b>", "</b>", &nx_malloc_allocator, &snippet, &snippet_len);
	FUZZ_CHECK(rc == m);
	free(snippet);

	/* the index's three-valued answer never contradicts the match */
	FUZZ_CHECK(nx_text_keys(text, tlen, &nx_malloc_allocator, &tkeys, &ntk) == NX_OK);
	leafval = malloc(q.nleaves);
	FUZZ_CHECK(leafval != NULL);
	index_view(&q, tkeys, ntk, leafval);
	v3 = nx_pq_eval3(&q, leafval);
	FUZZ_CHECK(v3 == NX_PQ_MAYBE || (v3 == NX_PQ_TRUE) == (m == 1));
	/* a text without any of the query's phrases can match only a query that needs none */
	if (m && nx_pq_requires_match(&q))
	{
		uint32_t	l;
		int			any = 0;

		for (l = 0; l < q.nleaves; l++)
			any = any || leafval[l] != NX_PQ_FALSE;
		FUZZ_CHECK(any);
	}
	free(leafval);
	free(tkeys);
	free(canon);
	free(enc2);
	nx_pq_view_free(&q, &nx_malloc_allocator);
	free(enc);
	return 0;
}
