/*
 * phrase_query_gin.c - gin_phrase_ops support for text @@@ phrase_query
 * (strategy NEWSEXT_PHRASE_QUERY_STRATEGY; phrase_gin.c dispatches here).
 *
 * extractQuery asks the core for each phrase's keys (nx_phrase_keys, the
 * function text @> phrase uses, so both follow the key format) and lays them
 * out leaf after leaf.  consistent turns the key checks into a value per
 * phrase - FALSE if one of its keys is absent, TRUE if all are present and
 * the phrase's keys are exact, else MAYBE - and evaluates the query in
 * three-valued logic (a MAYBE answer asks for a recheck of that row only:
 * see phrase_gin.c for why there is no triConsistent): AND, OR and NOT are decided in the index where
 * the phrases are; NEAR/BEFORE and every hashed phrase leave MAYBE, which the
 * recheck (the operator itself) settles.  A query no row can match without
 * one of its phrases uses the keys; others ("NOT a", "a OR NOT b") scan every
 * row (GIN_SEARCH_MODE_ALL), as tsquery does.
 */
#include "postgres.h"

#include "access/gin.h"
#include "fmgr.h"

#include "pg_alloc.h"
#include "phrase_pg.h"
#include "phrase_query.h"
#include "phrase_query_pg.h"

/* what extractQuery hands to consistent: the query, parsed once per scan */
typedef struct QueryExtra
{
	nx_pq		q;
	int32		nkeys;
	int32	   *key_start;		/* per leaf: its first key's index */
	int32	   *key_count;		/* per leaf: how many keys */
	bool	   *exact;			/* per leaf: all keys present = the phrase occurs */
	uint8	   *leafval;		/* scratch for consistent */
	GinTernaryValue *tri;		/* scratch for consistent: nkeys values */
} QueryExtra;

Datum
newsext_phrase_query_gin_extract_query(PG_FUNCTION_ARGS)
{
	struct varlena *v = PG_DETOAST_DATUM(PG_GETARG_DATUM(0));
	int32	   *nentries = (int32 *) PG_GETARG_POINTER(1);
	Pointer   **extra_data = (Pointer **) PG_GETARG_POINTER(4);
	int32	   *searchMode = (int32 *) PG_GETARG_POINTER(6);
	QueryExtra *extra = palloc0(sizeof(QueryExtra));
	Datum	   *entries;
	uint32		l;
	int32		n = 0,
				cap;

	newsext_phrase_query_view(v, &extra->q);	/* v is not freed: q points into it */
	extra->key_start = palloc(sizeof(int32) * extra->q.nleaves);
	extra->key_count = palloc(sizeof(int32) * extra->q.nleaves);
	extra->exact = palloc(sizeof(bool) * extra->q.nleaves);
	extra->leafval = palloc(extra->q.nleaves);
	cap = 16;
	entries = palloc(sizeof(Datum) * cap);
	for (l = 0; l < extra->q.nleaves; l++)
	{
		uint32_t   *keys;
		int			nkeys,
					i,
					r;

		r = nx_phrase_keys(&extra->q.leaves[l], &newsext_palloc_allocator, &keys, &nkeys);
		if (r < 0)
			newsext_phrase_core_error(r);
		while (n + nkeys > cap)
		{
			cap *= 2;
			entries = repalloc(entries, sizeof(Datum) * cap);
		}
		extra->key_start[l] = n;
		extra->key_count[l] = nkeys;
		extra->exact[l] = nx_phrase_keys_exact(&extra->q.leaves[l]) != 0;
		for (i = 0; i < nkeys; i++)
			entries[n++] = Int32GetDatum((int32) keys[i]);
		pfree(keys);
	}
	extra->nkeys = n;
	extra->tri = palloc(sizeof(GinTernaryValue) * (n > 0 ? n : 1));

	/*
	 * only the first entry carries the query: GIN never merges entries with
	 * extra data, and may merge the others when two phrases share a key
	 */
	*extra_data = palloc0(sizeof(Pointer) * (n > 0 ? n : 1));
	(*extra_data)[0] = (Pointer) extra;
	*searchMode = nx_pq_requires_match(&extra->q) ? GIN_SEARCH_MODE_DEFAULT : GIN_SEARCH_MODE_ALL;
	*nentries = n;
	PG_RETURN_POINTER(entries);
}

/* the query's value from the key checks (GIN_FALSE / GIN_TRUE / GIN_MAYBE) */
static int
query_value(QueryExtra *extra, const GinTernaryValue *check)
{
	uint32		l;

	for (l = 0; l < extra->q.nleaves; l++)
	{
		int			v = NX_PQ_TRUE;
		int32		k;

		for (k = extra->key_start[l]; k < extra->key_start[l] + extra->key_count[l]; k++)
		{
			if (check[k] == GIN_FALSE)
			{
				v = NX_PQ_FALSE;
				break;
			}
			if (check[k] != GIN_TRUE)
				v = NX_PQ_MAYBE;
		}
		/* all keys present says "maybe" unless the keys are the phrase itself */
		if (v == NX_PQ_TRUE && !extra->exact[l])
			v = NX_PQ_MAYBE;
		extra->leafval[l] = (uint8) v;
	}
	return nx_pq_eval3(&extra->q, extra->leafval);
}

static QueryExtra *
get_extra(Pointer *extra_data, int32 nkeys)
{
	QueryExtra *extra = (QueryExtra *) extra_data[0];

	if (extra == NULL || extra->nkeys != nkeys)
		elog(ERROR, "gin_phrase_ops: query keys do not match the parsed phrase_query");
	return extra;
}

Datum
newsext_phrase_query_gin_consistent(PG_FUNCTION_ARGS)
{
	bool	   *check = (bool *) PG_GETARG_POINTER(0);
	int32		nkeys = PG_GETARG_INT32(3);
	QueryExtra *extra = get_extra((Pointer *) PG_GETARG_POINTER(4), nkeys);
	bool	   *recheck = (bool *) PG_GETARG_POINTER(5);
	GinTernaryValue *tri = extra->tri;
	int32		i;
	int			v;

	for (i = 0; i < nkeys; i++)
		tri[i] = check[i] ? GIN_TRUE : GIN_FALSE;
	v = query_value(extra, tri);
	*recheck = v == NX_PQ_MAYBE;
	PG_RETURN_BOOL(v != NX_PQ_FALSE);
}
