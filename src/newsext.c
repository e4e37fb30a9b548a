/*
 * newsext.c - module magic and the palloc-backed allocator handed to the core.
 */
#include "postgres.h"

#include "fmgr.h"
#include "miscadmin.h"

#include "pg_alloc.h"

PG_MODULE_MAGIC;

static void *
pg_core_alloc(void *ctx, size_t size)
{
	/* huge allocations are allowed: the core sizes buffers from the input */
	return palloc_extended(size, MCXT_ALLOC_HUGE);
}

static void *
pg_core_resize(void *ctx, void *ptr, size_t old_size, size_t new_size)
{
	if (ptr == NULL)
		return palloc_extended(new_size, MCXT_ALLOC_HUGE);
	return repalloc_huge(ptr, new_size);
}

static void
pg_core_release(void *ctx, void *ptr)
{
	pfree(ptr);
}

static int
pg_core_interrupted(void *ctx)
{
	/* does not return when a cancel or statement_timeout is pending */
	CHECK_FOR_INTERRUPTS();
	return 0;
}

const nx_allocator newsext_palloc_allocator = {
	pg_core_alloc, pg_core_resize, pg_core_release, NULL, pg_core_interrupted
};
