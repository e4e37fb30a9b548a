/*
 * pg_compat.h - what differs between the PostgreSQL majors newsext supports (15 to 19), in one
 * place: the PostgreSQL layer's shared headers (pg_alloc.h, pg_text.h, phrase_pg.h,
 * entities.h) include it, and PG_VERSION_NUM is tested nowhere else. A new source file of
 * the layer gets it through one of those headers, or includes it right after postgres.h.
 */
#ifndef NEWSEXT_PG_COMPAT_H
#define NEWSEXT_PG_COMPAT_H

#include "postgres.h"

/* 16 moved the varlena macros (VARSIZE, SET_VARSIZE, VARDATA...) out of postgres.h */
#if PG_VERSION_NUM >= 160000
#include "varatt.h"
#endif

/*
 * 18 replaced the postfix pg_attribute_noreturn() with the prefix specifier pg_noreturn
 * (C11 _Noreturn); older majors get pg_noreturn from their attribute, which GCC, Clang and
 * MSVC all accept in front of a declaration. Write "pg_noreturn extern void f(...);".
 */
#ifndef pg_noreturn
#define pg_noreturn pg_attribute_noreturn()
#endif

#endif
