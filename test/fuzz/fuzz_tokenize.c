/*
 * fuzz_tokenize.c - the phrase tokenizer on any bytes.
 *
 * Checks: tokens are non-empty, inside the input, with starts in input order; a
 * token's hash is nx_token_hash of its text; tokenizing a token's own normalised text gives
 * back that one token (normalisation is idempotent).
 */
#include "fuzz_common.h"
#include "tokenize.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	nx_tokenizer t;
	size_t		last_start = 0;
	int			rc;

	nx_tok_init(&t, (const char *) data, size, &nx_malloc_allocator);
	while ((rc = nx_tok_next(&t)) == 1)
	{
		nx_tokenizer again;
		char	   *copy;

		FUZZ_CHECK(t.tok.len > 0);
		/* one input character can give several tokens ("⅔" is 2, 3): starts never go back */
		FUZZ_CHECK(t.tok.start >= last_start && t.tok.start < t.tok.end && t.tok.end <= size);
		FUZZ_CHECK(t.tok.hash == nx_token_hash(t.tok.text, t.tok.len));
		last_start = t.tok.start;

		copy = malloc(t.tok.len);
		FUZZ_CHECK(copy != NULL);
		memcpy(copy, t.tok.text, t.tok.len);
		nx_tok_init(&again, copy, t.tok.len, &nx_malloc_allocator);
		FUZZ_CHECK(nx_tok_next(&again) == 1);
		FUZZ_CHECK(again.tok.len == t.tok.len && memcmp(again.tok.text, copy, t.tok.len) == 0);
		FUZZ_CHECK(nx_tok_next(&again) == 0);
		nx_tok_free(&again);
		free(copy);
	}
	FUZZ_CHECK(rc == 0);
	nx_tok_free(&t);
	return 0;
}
