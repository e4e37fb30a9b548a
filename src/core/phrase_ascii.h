/* phrase_ascii.h - nx_phrase_contains' fast path over plain-ASCII stretches of a text */
#ifndef NX_PHRASE_ASCII_H
#define NX_PHRASE_ASCII_H

#include "phrase.h"

/* returned when only the tokenizer can decide (the text has bytes >= 0x80) */
#define NX_ASCII_UNSURE 2

/*
 * 1 if text contains p, 0 if it does not, NX_ASCII_UNSURE if this fast path
 * cannot tell, or a negative NX_E* code.  Never a wrong 0 or 1.
 */
extern int	nx_phrase_contains_ascii(const nx_phrase *p, const char *text, size_t len,
									 const nx_allocator *a);

#endif							/* NX_PHRASE_ASCII_H */
