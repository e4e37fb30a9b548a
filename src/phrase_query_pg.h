/*
 * phrase_query_pg.h - the PostgreSQL side of phrase_query: its GIN strategy
 * in gin_phrase_ops and the support functions phrase_gin.c dispatches to.
 */
#ifndef NEWSEXT_PHRASE_QUERY_PG_H
#define NEWSEXT_PHRASE_QUERY_PG_H

#include "postgres.h"
#include "fmgr.h"

/* GIN strategy of text @@@ phrase_query in gin_phrase_ops */
#define NEWSEXT_PHRASE_QUERY_STRATEGY	8

struct nx_pq;

/* view a detoasted (4-byte header) query; errors on a corrupt or foreign-version value */
extern void newsext_phrase_query_view(const struct varlena *v, struct nx_pq *q);

/* extractQuery and consistent for that strategy (same arguments) */
extern Datum newsext_phrase_query_gin_extract_query(PG_FUNCTION_ARGS);
extern Datum newsext_phrase_query_gin_consistent(PG_FUNCTION_ARGS);

#endif
