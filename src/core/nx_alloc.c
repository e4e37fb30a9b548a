/* nx_alloc.c - the malloc-backed allocator used outside the server */
#include <stdlib.h>

#include "nx_alloc.h"

static void *
malloc_alloc(void *ctx, size_t size)
{
	(void) ctx;
	return malloc(size);
}

static void *
malloc_resize(void *ctx, void *ptr, size_t old_size, size_t new_size)
{
	(void) ctx;
	(void) old_size;
	return realloc(ptr, new_size);
}

static void
malloc_release(void *ctx, void *ptr)
{
	(void) ctx;
	free(ptr);
}

const nx_allocator nx_malloc_allocator = {
	malloc_alloc, malloc_resize, malloc_release, NULL, NULL
};
