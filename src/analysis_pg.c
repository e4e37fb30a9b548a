/*
 * analysis_pg.c - one analysis of a text argument in the server; see analysis_pg.h.
 */
#include "postgres.h"

#include "analysis_pg.h"
#include "ner_model_file.h"
#include "pg_alloc.h"

void
newsext_analysis_start(newsext_analysis *na, const text *t, bool with_entities)
{
	newsext_utf8_from_text(t, &na->text);
	nx_analysis_init(&na->an, na->text.data, na->text.len,
					 with_entities ? newsext_ner_model() : NULL, &newsext_palloc_allocator);
}

void
newsext_analysis_check(const newsext_analysis *na)
{
	int			rc = nx_analysis_status(&na->an);

	if (rc == NX_OK)
		return;
	if (rc == NX_ENOMEM)
		ereport(ERROR,
				(errcode(ERRCODE_OUT_OF_MEMORY),
				 errmsg("out of memory while analysing an article of %zu bytes", na->text.len)));
	/* NX_EINTR: the allocator's interrupt hook longjmps before the core can return it */
	elog(ERROR, "newsext analysis failed with code %d", rc);
}
