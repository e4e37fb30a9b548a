/*
 * phrase_gin.c - GIN support functions of gin_phrase_ops (text, STORAGE int4).
 *
 * Keys stand for adjacent token pairs and single tokens (see
 * src/core/phrase.h): exact for common words, folded hashes otherwise.  A
 * phrase of n >= 2 tokens needs all its n-1 pair keys, a one-token phrase its
 * unigram key.  The keys say nothing about where in the text a pair stands,
 * and folding makes unrelated pairs share keys, so candidates are rechecked
 * with the operator itself (the same tokenizer): the index can return extra
 * candidates, never miss a row.  The one exception: a phrase of one common
 * word, or of two of the 256 most common, is decided by its exact key alone
 * (no recheck), which spares rechecking the largest answers.
 *
 * The operator class has no triConsistent.  PostgreSQL's GIN (ginget.c,
 * keyGetItem) leaves a scan key's "recheck" flag set once a triConsistent has
 * answered MAYBE for one row, so every later row it answers TRUE for is
 * rechecked too; GIN's own wrapper around the boolean consistent sets the flag
 * row by row.  For text @> phrase the answer is the same for every row of a
 * scan, but a boolean query mixes them ('that AND action AND NOT fairford':
 * 130 of 503 rows rechecked for one doubtful row).  The wrapper decides which
 * keys drive the scan by trying the consistent with up to four keys unknown,
 * so a phrase queries at most five keys (NX_QUERY_MAX_KEYS).
 */
#include "postgres.h"

#include "access/gin.h"
#include "access/stratnum.h"
#include "fmgr.h"
#include "miscadmin.h"

#include "encoding.h"
#include "pg_alloc.h"
#include "phrase_pg.h"
#include "phrase_query_pg.h"

PG_FUNCTION_INFO_V1(newsext_phrase_gin_compare);
PG_FUNCTION_INFO_V1(newsext_phrase_gin_extract_value);
PG_FUNCTION_INFO_V1(newsext_phrase_gin_extract_query);
PG_FUNCTION_INFO_V1(newsext_phrase_gin_consistent);
PG_FUNCTION_INFO_V1(newsext_phrase_gin_triconsistent);

/* what extractQuery hands to consistent: the parsed query, parsed once per scan */
typedef struct PhraseQueryExtra
{
	NewsextPhrase *datum;		/* detoasted query, lives in the scan's key context */
	nx_phrase	phrase;			/* view into datum */
	int			nkeys;			/* keys extractQuery produced */
	bool		exact;			/* all keys present = a match (no recheck) */
} PhraseQueryExtra;

static Datum *
keys_to_datums(const uint32_t *keys, int nkeys)
{
	Datum	   *d = palloc(sizeof(Datum) * (nkeys > 0 ? nkeys : 1));
	int			i;

	for (i = 0; i < nkeys; i++)
		d[i] = Int32GetDatum((int32) keys[i]);
	return d;
}

/*
 * compare(int4, int4): btint4cmp's order, and an interrupt poll.  GIN calls it
 * for every key of a text it indexes: to sort and deduplicate them, and to
 * insert each into the build's (or the pending-list cleanup's) red-black tree,
 * loops that never poll.  One 20 MB article of common-word pairs has millions
 * of keys and kept CREATE INDEX from seeing statement_timeout for seconds.
 * Under a buffer lock (a descent of the entry tree) interrupts are held off,
 * so the poll does nothing there.
 */
Datum
newsext_phrase_gin_compare(PG_FUNCTION_ARGS)
{
	int32		a = PG_GETARG_INT32(0);
	int32		b = PG_GETARG_INT32(1);

	CHECK_FOR_INTERRUPTS();
	PG_RETURN_INT32(a < b ? -1 : a > b ? 1 : 0);
}

/* extractValue(text, internal nkeys, internal nullFlags) */
Datum
newsext_phrase_gin_extract_value(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	int32	   *nentries = (int32 *) PG_GETARG_POINTER(1);
	uint32_t   *keys;
	int			nkeys;
	int			r;
	Datum	   *entries;
	newsext_utf8 u;

	newsext_utf8_from_text(t, &u);
	r = nx_text_keys(u.data, u.len, &newsext_palloc_allocator, &keys, &nkeys);
	if (r < 0)
		newsext_phrase_core_error(r);
	entries = keys_to_datums(keys, nkeys);
	if (keys)
		pfree(keys);			/* NULL for a text without tokens */
	PG_FREE_IF_COPY(t, 0);
	*nentries = nkeys;
	PG_RETURN_POINTER(entries);
}

/*
 * extractQuery(phrase, internal nkeys, int2 strategy, internal pmatch,
 *              internal extra_data, internal nullFlags, internal searchMode)
 * (declared with text as its first argument, as amvalidate wants the
 * opclass input type there; the datum is a phrase)
 */
Datum
newsext_phrase_gin_extract_query(PG_FUNCTION_ARGS)
{
	NewsextPhrase *ph;
	int32	   *nentries = (int32 *) PG_GETARG_POINTER(1);
	StrategyNumber strategy = PG_GETARG_UINT16(2);
	Pointer   **extra_data = (Pointer **) PG_GETARG_POINTER(4);
	int32	   *searchMode = (int32 *) PG_GETARG_POINTER(6);
	PhraseQueryExtra *extra;
	uint32_t   *keys;
	int			nkeys;
	int			r;
	int			i;
	Datum	   *entries;

	if (strategy == NEWSEXT_PHRASE_QUERY_STRATEGY)
		return newsext_phrase_query_gin_extract_query(fcinfo);
	if (strategy != NEWSEXT_PHRASE_CONTAINS_STRATEGY)
		elog(ERROR, "unrecognized strategy number: %d", strategy);

	ph = PG_GETARG_PHRASE_P(0);
	extra = palloc(sizeof(PhraseQueryExtra));
	extra->datum = ph;			/* not freed: consistent reads it */
	newsext_phrase_view(ph, &extra->phrase);
	r = nx_phrase_keys(&extra->phrase, &newsext_palloc_allocator, &keys, &nkeys);
	if (r < 0)
		newsext_phrase_core_error(r);
	/* a phrase always has at least one token, hence at least one key */
	Assert(nkeys > 0);
	extra->nkeys = nkeys;
	extra->exact = nx_phrase_keys_exact(&extra->phrase) != 0;

	entries = keys_to_datums(keys, nkeys);
	pfree(keys);
	*extra_data = palloc(sizeof(Pointer) * nkeys);
	for (i = 0; i < nkeys; i++)
		(*extra_data)[i] = (Pointer) extra;
	*searchMode = GIN_SEARCH_MODE_DEFAULT;
	*nentries = nkeys;
	PG_RETURN_POINTER(entries);
}

/*
 * consistent(internal check, int2 strategy, phrase query, int4 nkeys,
 *            internal extra_data, internal recheck, internal queryKeys,
 *            internal nullFlags)
 */
Datum
newsext_phrase_gin_consistent(PG_FUNCTION_ARGS)
{
	bool	   *check = (bool *) PG_GETARG_POINTER(0);
	StrategyNumber strategy = PG_GETARG_UINT16(1);
	int32		nkeys = PG_GETARG_INT32(3);
	Pointer    *extra_data = (Pointer *) PG_GETARG_POINTER(4);
	bool	   *recheck = (bool *) PG_GETARG_POINTER(5);
	PhraseQueryExtra *extra;
	int32		i;

	if (strategy == NEWSEXT_PHRASE_QUERY_STRATEGY)
		return newsext_phrase_query_gin_consistent(fcinfo);
	if (strategy != NEWSEXT_PHRASE_CONTAINS_STRATEGY)
		elog(ERROR, "unrecognized strategy number: %d", strategy);
	extra = (PhraseQueryExtra *) extra_data[0];
	if (extra == NULL || extra->nkeys != nkeys)
		elog(ERROR, "gin_phrase_ops: query keys do not match the parsed phrase");

	/*
	 * keys say "this pair occurs somewhere", never "here, in this order", and a
	 * hashed key may stand for another pair; the exact key of a phrase of one
	 * common word, or two of the most common, is the phrase itself
	 */
	*recheck = !extra->exact;
	for (i = 0; i < nkeys; i++)
		if (!check[i])
			PG_RETURN_BOOL(false);
	PG_RETURN_BOOL(true);
}

/*
 * triConsistent(internal check, int2 strategy, phrase query, int4 nkeys,
 *               internal extra_data, internal queryKeys, internal nullFlags)
 * for text @> phrase: FALSE if a key is absent; TRUE if all are present and
 * exact; else MAYBE.  Only 0.1.0's install script registers it (support
 * function 6, which the update to 0.2.0 drops: see the top of this file), so
 * that the library still loads that release's objects.
 */
Datum
newsext_phrase_gin_triconsistent(PG_FUNCTION_ARGS)
{
	GinTernaryValue *check = (GinTernaryValue *) PG_GETARG_POINTER(0);
	StrategyNumber strategy = PG_GETARG_UINT16(1);
	int32		nkeys = PG_GETARG_INT32(3);
	PhraseQueryExtra *extra;
	bool		all_true = true;
	int32		i;

	if (strategy != NEWSEXT_PHRASE_CONTAINS_STRATEGY)
		elog(ERROR, "unrecognized strategy number: %d", strategy);
	extra = (PhraseQueryExtra *) ((Pointer *) PG_GETARG_POINTER(4))[0];
	if (extra == NULL || extra->nkeys != nkeys)
		elog(ERROR, "gin_phrase_ops: query keys do not match the parsed phrase");
	for (i = 0; i < nkeys; i++)
	{
		if (check[i] == GIN_FALSE)
			PG_RETURN_GIN_TERNARY_VALUE(GIN_FALSE);
		if (check[i] != GIN_TRUE)
			all_true = false;
	}
	PG_RETURN_GIN_TERNARY_VALUE(all_true && extra->exact ? GIN_TRUE : GIN_MAYBE);
}
