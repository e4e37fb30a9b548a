/*
 * phrase_pg.h - the PostgreSQL side of the phrase type: datum access, strategy numbers.
 */
#ifndef NEWSEXT_PHRASE_PG_H
#define NEWSEXT_PHRASE_PG_H

#include "postgres.h"
#include "fmgr.h"

#include "pg_compat.h"

#include "phrase.h"

/* GIN strategy of text @> phrase (the number arrays and ranges use for "contains") */
#define NEWSEXT_PHRASE_CONTAINS_STRATEGY	7

/* the detoasted phrase datum (4-byte header, 4-byte aligned body) */
typedef struct varlena NewsextPhrase;

#define DatumGetPhraseP(X)		((NewsextPhrase *) PG_DETOAST_DATUM(X))
#define PG_GETARG_PHRASE_P(n)	DatumGetPhraseP(PG_GETARG_DATUM(n))

/* view a detoasted phrase; raises an error on a corrupt or foreign-version value */
extern void newsext_phrase_view(const NewsextPhrase *ph, nx_phrase *p);

/* turn a core error code into an ereport (out of memory, interrupted) */
pg_noreturn extern void newsext_phrase_core_error(int code);

#endif
