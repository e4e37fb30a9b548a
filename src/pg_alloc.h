/* pg_alloc.h - the core's allocator, backed by palloc in CurrentMemoryContext */
#ifndef NEWSEXT_PG_ALLOC_H
#define NEWSEXT_PG_ALLOC_H

#include "pg_compat.h"

#include "nx_alloc.h"

/* palloc-backed; interrupted() runs CHECK_FOR_INTERRUPTS, so a cancel longjmps out of the core */
extern const nx_allocator newsext_palloc_allocator;

#endif
