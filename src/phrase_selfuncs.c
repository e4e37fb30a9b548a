/*
 * phrase_selfuncs.c - the planner's row estimate for text @> phrase and
 * phrase <@ text (RESTRICT phrase_contsel).
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
#include "fmgr.h"
#include "nodes/nodes.h"
#include "utils/selfuncs.h"

#include "phrase_pg.h"
#include "phrase_sel.h"

PG_FUNCTION_INFO_V1(newsext_phrase_contsel);

/* no statistics: about 2,000 bytes, a typical news article */
#define NEWSEXT_DEFAULT_TEXT_BYTES	2000.0
/* neither side a constant phrase (a join parameter, a function): contsel's guess */
#define NEWSEXT_DEFAULT_PHRASE_SEL	0.001

/*
 * phrase_contsel(internal root, oid operator, internal args, int4 varRelid)
 */
Datum
newsext_phrase_contsel(PG_FUNCTION_ARGS)
{
	PlannerInfo *root = (PlannerInfo *) PG_GETARG_POINTER(0);
	List	   *args = (List *) PG_GETARG_POINTER(2);
	int			varRelid = PG_GETARG_INT32(3);
	VariableStatData vardata;
	Node	   *other;
	bool		varonleft;
	double		bytes = NEWSEXT_DEFAULT_TEXT_BYTES;
	double		nullfrac = 0.0;
	double		sel;
	NewsextPhrase *ph;
	nx_phrase	p;

	if (!get_restriction_variable(root, args, varRelid, &vardata, &other, &varonleft))
		PG_RETURN_FLOAT8(NEWSEXT_DEFAULT_PHRASE_SEL);
	if (!IsA(other, Const) || ((Const *) other)->constisnull)
	{
		ReleaseVariableStats(vardata);
		PG_RETURN_FLOAT8(NEWSEXT_DEFAULT_PHRASE_SEL);
	}
	if (HeapTupleIsValid(vardata.statsTuple))
	{
		Form_pg_statistic stats = (Form_pg_statistic) GETSTRUCT(vardata.statsTuple);

		if (stats->stawidth > 0)
			bytes = stats->stawidth;
		nullfrac = stats->stanullfrac;
	}
	ReleaseVariableStats(vardata);

	ph = DatumGetPhraseP(((Const *) other)->constvalue);
	newsext_phrase_view(ph, &p);
	sel = nx_phrase_selectivity(&p, bytes) * (1.0 - nullfrac);
	CLAMP_PROBABILITY(sel);
	PG_RETURN_FLOAT8(sel);
}
