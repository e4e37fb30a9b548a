/*
 * fuzz_phrase.c - the phrase input function and matching on any bytes.
 *
 * The input up to its first newline is a phrase literal, the rest a text. Checks: an
 * encoded phrase views back, prints a canonical text that encodes to an equal phrase;
 * when the text contains the phrase, every key the phrase queries is among the text's
 * index keys (the index can never miss a row), the occurrence count is positive and a
 * snippet exists; when it does not, the count is 0.  For a phrase the index answers without
 * a recheck (exact keys: one common word, or two), having all its keys means containing it.
 */
#include "fuzz_common.h"
#include "phrase.h"

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

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *) data;
	const char *nl = memchr(s, '\n', size);
	size_t		plen = nl ? (size_t) (nl - s) : size;
	const char *text = nl ? nl + 1 : "";
	size_t		tlen = nl ? size - plen - 1 : 0;
	char	   *enc,
			   *enc2,
			   *canon;
	size_t		encsize,
				encsize2,
				clen;
	nx_phrase	p,
				p2;
	int			rc,
				contains,
				nqk,
				ntk,
				i;
	long		count;
	uint32_t   *qkeys,
			   *tkeys;
	char	   *snippet = NULL;
	size_t		snippet_len = 0;

	rc = nx_phrase_encode(s, plen, &nx_malloc_allocator, 0, &enc, &encsize);
	if (rc != NX_OK)
	{
		FUZZ_CHECK(rc == NX_PHRASE_EMPTY || rc == NX_PHRASE_TOO_MANY || rc == NX_PHRASE_TOO_LONG);
		return 0;
	}
	FUZZ_CHECK(nx_phrase_view(enc, encsize, &p) == NX_OK);
	FUZZ_CHECK(p.ntok > 0);

	/* canonical text round trip */
	clen = nx_phrase_text_len(&p);
	canon = malloc(clen + 1);
	FUZZ_CHECK(canon != NULL);
	nx_phrase_text(&p, canon);
	FUZZ_CHECK(nx_phrase_encode(canon, clen, &nx_malloc_allocator, 0, &enc2, &encsize2) == NX_OK);
	FUZZ_CHECK(nx_phrase_view(enc2, encsize2, &p2) == NX_OK);
	FUZZ_CHECK(nx_phrase_equal(&p, &p2) && nx_phrase_cmp(&p, &p2) == 0);

	/* matching agrees with counting, snippets and the index keys */
	contains = nx_phrase_contains(&p, text, tlen, &nx_malloc_allocator);
	FUZZ_CHECK(contains == 0 || contains == 1);
	count = nx_phrase_scan(&p, text, tlen, &nx_malloc_allocator, NULL, NULL);
	FUZZ_CHECK(contains ? count > 0 : count == 0);
	FUZZ_CHECK(nx_phrase_count(&p, text, tlen, &nx_malloc_allocator) == count);
	FUZZ_CHECK(nx_phrase_keys(&p, &nx_malloc_allocator, &qkeys, &nqk) == NX_OK);
	FUZZ_CHECK(nx_text_keys(text, tlen, &nx_malloc_allocator, &tkeys, &ntk) == NX_OK);
	for (i = 1; i < ntk; i++)
		FUZZ_CHECK(tkeys[i - 1] < tkeys[i]);
	/* a phrase queries one to NX_QUERY_MAX_KEYS keys, sorted and distinct */
	FUZZ_CHECK(nqk >= 1 && nqk <= NX_QUERY_MAX_KEYS);
	for (i = 1; i < nqk; i++)
		FUZZ_CHECK(qkeys[i - 1] < qkeys[i]);
	if (contains)
		for (i = 0; i < nqk; i++)
			FUZZ_CHECK(has_key(tkeys, ntk, qkeys[i]));
	if (nx_phrase_keys_exact(&p))
	{
		int			all = 1;

		for (i = 0; i < nqk; i++)
			all = all && nx_key_is_exact(qkeys[i]) && has_key(tkeys, ntk, qkeys[i]);
		FUZZ_CHECK(all == contains);
	}
	rc = nx_phrase_snippet(&p, text, tlen, 3, "<b>", "</b>", &nx_malloc_allocator, &snippet, &snippet_len);
	FUZZ_CHECK(rc == contains);
	FUZZ_CHECK(rc == 0 || (snippet != NULL && snippet_len > 0));
	free(snippet);
	free(qkeys);
	free(tkeys);
	free(canon);
	free(enc);
	free(enc2);
	return 0;
}
