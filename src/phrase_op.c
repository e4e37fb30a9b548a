/*
 * phrase_op.c - text @> phrase, phrase <@ text, phrase_count, phrase_snippet,
 * and the debugging functions phrase_keys and phrase_tokens.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "fmgr.h"
#include "utils/array.h"
#include "utils/builtins.h"

#include "encoding.h"
#include "pg_alloc.h"
#include "phrase_pg.h"

/* bounds of phrase_snippet's words_around */
#define SNIPPET_MAX_AROUND 1000

PG_FUNCTION_INFO_V1(newsext_text_contains_phrase);
PG_FUNCTION_INFO_V1(newsext_phrase_contained_in_text);
PG_FUNCTION_INFO_V1(newsext_phrase_count);
PG_FUNCTION_INFO_V1(newsext_phrase_snippet);
PG_FUNCTION_INFO_V1(newsext_phrase_keys_phrase);
PG_FUNCTION_INFO_V1(newsext_phrase_keys_text);
PG_FUNCTION_INFO_V1(newsext_phrase_tokens);
PG_FUNCTION_INFO_V1(newsext_phrase_tokenizer_version);

static bool
contains(text *t, NewsextPhrase *ph)
{
	nx_phrase	p;
	int			r;
	newsext_utf8 u;

	newsext_utf8_from_text(t, &u);
	newsext_phrase_view(ph, &p);
	r = nx_phrase_contains(&p, u.data, u.len, &newsext_palloc_allocator);
	if (r < 0)
		newsext_phrase_core_error(r);
	return r > 0;
}

Datum
newsext_text_contains_phrase(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	NewsextPhrase *ph = PG_GETARG_PHRASE_P(1);
	bool		res = contains(t, ph);

	PG_FREE_IF_COPY(t, 0);
	PG_FREE_IF_COPY(ph, 1);
	PG_RETURN_BOOL(res);
}

Datum
newsext_phrase_contained_in_text(PG_FUNCTION_ARGS)
{
	NewsextPhrase *ph = PG_GETARG_PHRASE_P(0);
	text	   *t = PG_GETARG_TEXT_PP(1);
	bool		res = contains(t, ph);

	PG_FREE_IF_COPY(ph, 0);
	PG_FREE_IF_COPY(t, 1);
	PG_RETURN_BOOL(res);
}

Datum
newsext_phrase_count(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	NewsextPhrase *ph = PG_GETARG_PHRASE_P(1);
	nx_phrase	p;
	long		n;
	newsext_utf8 u;

	newsext_utf8_from_text(t, &u);
	newsext_phrase_view(ph, &p);
	n = nx_phrase_count(&p, u.data, u.len, &newsext_palloc_allocator);
	if (n < 0)
		newsext_phrase_core_error((int) n);
	PG_FREE_IF_COPY(t, 0);
	PG_FREE_IF_COPY(ph, 1);
	/* a text of at most 1 GB has fewer than 2^31 tokens */
	PG_RETURN_INT32((int32) n);
}

Datum
newsext_phrase_snippet(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	NewsextPhrase *ph = PG_GETARG_PHRASE_P(1);
	int32		around = PG_GETARG_INT32(2);
	newsext_utf8 u;
	nx_phrase	p;
	char	   *out;
	size_t		outlen;
	int			r;

	if (around < 0 || around > SNIPPET_MAX_AROUND)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("words_around must be between 0 and %d", SNIPPET_MAX_AROUND)));
	newsext_utf8_from_text(t, &u);
	newsext_phrase_view(ph, &p);
	/* the marks go into the UTF-8 snippet, which goes back to the server encoding whole */
	r = nx_phrase_snippet(&p, u.data, u.len, around,
						  newsext_utf8_cstring_from_text(PG_GETARG_TEXT_PP(3)),
						  newsext_utf8_cstring_from_text(PG_GETARG_TEXT_PP(4)),
						  &newsext_palloc_allocator, &out, &outlen);
	if (r < 0)
		newsext_phrase_core_error(r);
	if (r == 0)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(newsext_text_from_utf8(out, outlen));
}

static ArrayType *
keys_to_array(const uint32_t *keys, int nkeys)
{
	Datum	   *d = palloc(sizeof(Datum) * (nkeys > 0 ? nkeys : 1));
	int			i;

	for (i = 0; i < nkeys; i++)
		d[i] = Int32GetDatum((int32) keys[i]);
	return construct_array(d, nkeys, INT4OID, sizeof(int32), true, TYPALIGN_INT);
}

Datum
newsext_phrase_keys_phrase(PG_FUNCTION_ARGS)
{
	NewsextPhrase *ph = PG_GETARG_PHRASE_P(0);
	nx_phrase	p;
	uint32_t   *keys;
	int			nkeys;
	int			r;

	newsext_phrase_view(ph, &p);
	r = nx_phrase_keys(&p, &newsext_palloc_allocator, &keys, &nkeys);
	if (r < 0)
		newsext_phrase_core_error(r);
	PG_RETURN_ARRAYTYPE_P(keys_to_array(keys, nkeys));
}

Datum
newsext_phrase_keys_text(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	uint32_t   *keys;
	int			nkeys;
	int			r;
	newsext_utf8 u;

	newsext_utf8_from_text(t, &u);
	r = nx_text_keys(u.data, u.len, &newsext_palloc_allocator, &keys, &nkeys);
	if (r < 0)
		newsext_phrase_core_error(r);
	PG_RETURN_ARRAYTYPE_P(keys_to_array(keys, nkeys));
}

typedef struct token_collector
{
	Datum	   *d;
	int			n;
	int			cap;
} token_collector;

static int
collect_token(void *arg, const nx_token *tok)
{
	token_collector *c = arg;

	if (c->n == c->cap)
	{
		c->cap *= 2;
		c->d = repalloc_huge(c->d, sizeof(Datum) * c->cap);
	}
	c->d[c->n++] = PointerGetDatum(newsext_text_from_utf8(tok->text, tok->len));
	return 1;
}

Datum
newsext_phrase_tokens(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	token_collector c;
	long		r;
	newsext_utf8 u;

	newsext_utf8_from_text(t, &u);
	c.cap = 16;
	c.n = 0;
	c.d = palloc(sizeof(Datum) * c.cap);
	r = nx_text_tokens(u.data, u.len, &newsext_palloc_allocator, collect_token, &c);
	if (r < 0)
		newsext_phrase_core_error((int) r);
	PG_RETURN_ARRAYTYPE_P(construct_array(c.d, c.n, TEXTOID, -1, false, TYPALIGN_INT));
}

Datum
newsext_phrase_tokenizer_version(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(NX_TOKENIZER_VERSION);
}
