/*
 * phrase_ascii.h - the fast path of nx_phrase_contains and nx_phrase_count over the plain
 * (ASCII and common typographic separators) parts of a text; see phrase_ascii.c
 */
#ifndef NX_PHRASE_ASCII_H
#define NX_PHRASE_ASCII_H

#include "phrase.h"

/* returned when only the tokenizer can decide (the text is not all plain) */
#define NX_ASCII_UNSURE 2

/*
 * count_all = 0: *count = 1 if text contains p, else 0.  count_all = 1: *count
 * = the number of non-overlapping occurrences (as nx_phrase_scan counts).
 * Returns NX_OK, NX_ASCII_UNSURE (then *count means nothing), or a negative
 * NX_E* code.  Never a wrong answer with NX_OK.
 */
extern int	nx_phrase_match_plain(const nx_phrase *p, const char *text, size_t len,
								  const nx_allocator *a, int count_all, long *count);

/*
 * Bytes of the multi-byte separator at t[pos] that the fast path steps over (0: none).
 * Exposed for the test that checks each one against the tokenizer.
 */
extern size_t nx_plain_wide_sep_len(const unsigned char *t, size_t pos, size_t len);

#endif							/* NX_PHRASE_ASCII_H */
