/*
 * phrase_selfuncs.c - the planner's row estimates for text @> phrase and
 * phrase <@ text (RESTRICT phrase_contsel), and for text @@@ phrase_query
 * (RESTRICT phrase_query_sel).
 *
 * GIN keeps no statistics of the keys an operator class extracts, and the
 * column statistics of a text column (most common whole texts, histogram of
 * whole texts) say nothing about the phrases inside the texts.  So the
 * estimate comes from the phrase alone (src/core/phrase_sel.c: word
 * frequencies of news from the common-word list) and from the column's
 * average width, which gives the number of tokens per text.  That width is the
 * stored one: compressed or TOASTed texts count smaller than they are, which
 * makes the estimate err towards fewer rows for long articles.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_statistic.h"
#include "catalog/pg_type.h"
#include "fmgr.h"
#include "nodes/nodes.h"
#include "utils/lsyscache.h"
#include "utils/selfuncs.h"

#include "pg_alloc.h"
#include "phrase_pg.h"
#include "phrase_query_pg.h"
#include "phrase_sel.h"

PG_FUNCTION_INFO_V1(newsext_phrase_contsel);
PG_FUNCTION_INFO_V1(newsext_phrase_query_sel);

/* no statistics: about 2,000 bytes, a typical news article */
#define NEWSEXT_DEFAULT_TEXT_BYTES	2000.0
/* neither side a constant phrase (a join parameter, a function): contsel's guess */
#define NEWSEXT_DEFAULT_PHRASE_SEL	0.001

/*
 * The constant on the other side of a restriction on a text column, and the column's
 * average width and null fraction; false when the clause is not column-op-constant
 * (a join parameter, a function), where the caller falls back to a default.
 */
static bool
restriction_constant(PG_FUNCTION_ARGS, Datum *constant, double *bytes, double *nullfrac)
{
	PlannerInfo *root = (PlannerInfo *) PG_GETARG_POINTER(0);
	Oid			operator = PG_GETARG_OID(1);
	List	   *args = (List *) PG_GETARG_POINTER(2);
	int			varRelid = PG_GETARG_INT32(3);
	VariableStatData vardata;
	Node	   *other;
	bool		varonleft;
	Oid			lefttype,
				righttype;

	*bytes = NEWSEXT_DEFAULT_TEXT_BYTES;
	*nullfrac = 0.0;
	if (!get_restriction_variable(root, args, varRelid, &vardata, &other, &varonleft))
		return false;

	/*
	 * The constant must be the phrase side: with a phrase (or phrase_query) column and a
	 * constant text ('...' @@@ saved_query, an alert table), the text is no phrase value
	 */
	op_input_types(operator, &lefttype, &righttype);
	if (!IsA(other, Const) || ((Const *) other)->constisnull ||
		((Const *) other)->consttype != (lefttype == TEXTOID ? righttype : lefttype))
	{
		ReleaseVariableStats(vardata);
		return false;
	}
	if (HeapTupleIsValid(vardata.statsTuple))
	{
		Form_pg_statistic stats = (Form_pg_statistic) GETSTRUCT(vardata.statsTuple);

		if (stats->stawidth > 0)
			*bytes = stats->stawidth;
		*nullfrac = stats->stanullfrac;
	}
	ReleaseVariableStats(vardata);
	*constant = ((Const *) other)->constvalue;
	return true;
}

/*
 * phrase_contsel(internal root, oid operator, internal args, int4 varRelid)
 */
Datum
newsext_phrase_contsel(PG_FUNCTION_ARGS)
{
	Datum		constant;
	double		bytes,
				nullfrac,
				sel;
	nx_phrase	p;

	if (!restriction_constant(fcinfo, &constant, &bytes, &nullfrac))
		PG_RETURN_FLOAT8(NEWSEXT_DEFAULT_PHRASE_SEL);
	newsext_phrase_view(DatumGetPhraseP(constant), &p);
	sel = nx_phrase_selectivity(&p, bytes) * (1.0 - nullfrac);
	CLAMP_PROBABILITY(sel);
	PG_RETURN_FLOAT8(sel);
}

/*
 * phrase_query_sel(internal root, oid operator, internal args, int4 varRelid): text @@@
 * phrase_query, from the same word frequencies, combined along the query (phrase_sel.h)
 */
Datum
newsext_phrase_query_sel(PG_FUNCTION_ARGS)
{
	Datum		constant;
	double		bytes,
				nullfrac,
				sel;
	nx_pq		q;

	if (!restriction_constant(fcinfo, &constant, &bytes, &nullfrac))
		PG_RETURN_FLOAT8(NEWSEXT_DEFAULT_PHRASE_SEL);
	newsext_phrase_query_view((const struct varlena *) PG_DETOAST_DATUM(constant), &q);
	sel = nx_pq_selectivity(&q, bytes) * (1.0 - nullfrac);
	nx_pq_view_free(&q, &newsext_palloc_allocator);
	CLAMP_PROBABILITY(sel);
	PG_RETURN_FLOAT8(sel);
}
