/*
 * analysis_pg.h - one analysis of a text argument in the server: the encoding boundary's
 * UTF-8 view, the palloc allocator and the model, around the core's nx_analysis.
 */
#ifndef NEWSEXT_ANALYSIS_PG_H
#define NEWSEXT_ANALYSIS_PG_H

#include "postgres.h"
#include "pg_compat.h"

#include "analysis.h"
#include "encoding.h"

typedef struct newsext_analysis
{
	newsext_utf8 text;
	nx_analysis an;
} newsext_analysis;

/* with_entities: load the model (entities, quotes); header-only callers pass false */
extern void newsext_analysis_start(newsext_analysis *na, const text *t, bool with_entities);
/* raises the analysis' failure, if any (out of memory; a cancel never returns here) */
extern void newsext_analysis_check(const newsext_analysis *na);

/* result text in the server encoding from a piece of the analysis' UTF-8 */
#define newsext_result_text(s, n) newsext_text_from_utf8((s), (n))

#endif
