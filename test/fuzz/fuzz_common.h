/*
 * fuzz_common.h - helpers shared by the libFuzzer targets (test/fuzz/fuzz_*.c).
 *
 * A target is one file fuzz_<name>.c defining LLVMFuzzerTestOneInput; run.sh finds it,
 * builds it against every core source and runs it. Seeds: the .txt files in test/data, plus
 * test/fuzz/seeds/<name>/ when that folder exists; a dictionary test/fuzz/<name>.dict
 * is used when present; test/fuzz/regress/<name>/ holds fixed findings, replayed on
 * every run.
 */
#ifndef NX_FUZZ_COMMON_H
#define NX_FUZZ_COMMON_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nx_alloc.h"

#define FUZZ_CHECK(cond) \
	do { \
		if (!(cond)) { \
			fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #cond); \
			abort(); \
		} \
	} while (0)

/* 1 when [s, s+n) is well-formed UTF-8 (no overlongs, no surrogates, at most U+10FFFF) */
static inline int
fuzz_valid_utf8(const unsigned char *s, size_t n)
{
	size_t		i = 0;

	while (i < n)
	{
		unsigned char c = s[i];
		size_t		k,
					j;
		unsigned int cp;

		if (c < 0x80)
		{
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF)
			k = 1, cp = c & 0x1F;
		else if (c >= 0xE0 && c <= 0xEF)
			k = 2, cp = c & 0x0F;
		else if (c >= 0xF0 && c <= 0xF4)
			k = 3, cp = c & 0x07;
		else
			return 0;
		for (j = 1; j <= k; j++)
		{
			if (i + j >= n || (s[i + j] & 0xC0) != 0x80)
				return 0;
			cp = (cp << 6) | (s[i + j] & 0x3F);
		}
		if ((k == 2 && cp < 0x800) || (k == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
			(cp >= 0xD800 && cp <= 0xDFFF))
			return 0;
		i += k + 1;
	}
	return 1;
}

/*
 * An allocator that counts allocations and, when fail_at > 0, returns NULL from the
 * fail_at-th one on: exercises every out-of-memory path (the CLI's malloc can fail).
 */
typedef struct fuzz_alloc_state
{
	long		calls;
	long		fail_at;		/* 0: never fail */
} fuzz_alloc_state;

static void *
fuzz_alloc(void *ctx, size_t size)
{
	fuzz_alloc_state *st = ctx;

	if (st->fail_at > 0 && ++st->calls >= st->fail_at)
		return NULL;
	if (st->fail_at == 0)
		st->calls++;
	return malloc(size);
}

static void *
fuzz_resize(void *ctx, void *ptr, size_t old_size, size_t new_size)
{
	fuzz_alloc_state *st = ctx;

	(void) old_size;
	if (st->fail_at > 0 && ++st->calls >= st->fail_at)
		return NULL;
	if (st->fail_at == 0)
		st->calls++;
	return realloc(ptr, new_size);
}

static void
fuzz_release(void *ctx, void *ptr)
{
	(void) ctx;
	free(ptr);
}

static int
fuzz_interrupted(void *ctx)
{
	(void) ctx;
	return 0;
}

static inline nx_allocator
fuzz_allocator(fuzz_alloc_state *st)
{
	nx_allocator a = {fuzz_alloc, fuzz_resize, fuzz_release, st, fuzz_interrupted};

	return a;
}

/* FNV-1a: picks a deterministic failure point per input */
static inline uint32_t
fuzz_hash(const uint8_t *d, size_t n)
{
	uint32_t	h = 2166136261u;
	size_t		i;

	for (i = 0; i < n; i++)
		h = (h ^ d[i]) * 16777619u;
	return h;
}

#endif
