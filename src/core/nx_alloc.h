/*
 * nx_alloc.h - the allocator every core function takes from its caller.
 *
 * The core never calls malloc directly: inside the server the PostgreSQL layer
 * hands in palloc (so memory dies with the memory context, and out-of-memory
 * raises a proper error); the CLI, unit tests and fuzzers hand in malloc.
 * An allocator's alloc may return NULL (CLI) or never return on failure
 * (palloc); core code checks for NULL and reports NX_ENOMEM.
 */
#ifndef NX_ALLOC_H
#define NX_ALLOC_H

#include <stddef.h>

/* status codes of every core function: 0, or negative on failure */
#define NX_OK		0
#define NX_ENOMEM	(-1)		/* the allocator returned NULL */
#define NX_EINTR	(-2)		/* interrupted() asked to stop */

typedef struct nx_allocator
{
	void	   *(*alloc) (void *ctx, size_t size);
	void	   *(*resize) (void *ctx, void *ptr, size_t old_size, size_t new_size);
	void		(*release) (void *ctx, void *ptr);
	void	   *ctx;
	/* polled in long loops; returns nonzero to ask the core to stop early */
	int			(*interrupted) (void *ctx);
} nx_allocator;

/* malloc-backed allocator for the CLI, unit tests and fuzzers */
extern const nx_allocator nx_malloc_allocator;

static inline void *
nx_alloc(const nx_allocator *a, size_t size)
{
	return a->alloc(a->ctx, size ? size : 1);
}

static inline void *
nx_resize(const nx_allocator *a, void *ptr, size_t old_size, size_t new_size)
{
	return a->resize(a->ctx, ptr, old_size, new_size ? new_size : 1);
}

static inline void
nx_free(const nx_allocator *a, void *ptr)
{
	if (ptr)
		a->release(a->ctx, ptr);
}

/* the core calls this in loops over the input; PG layer maps it to CHECK_FOR_INTERRUPTS */
static inline int
nx_interrupted(const nx_allocator *a)
{
	return a->interrupted ? a->interrupted(a->ctx) : 0;
}

#endif							/* NX_ALLOC_H */
