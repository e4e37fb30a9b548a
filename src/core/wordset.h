/*
 * wordset.h - constant word lists in one hash table: which of the lists hold a word, in one
 * lookup. For the tables that scans ask about every token (quote verbs, date-line words).
 * A set is built once (its owner calls nx_wordset_add under pthread_once) and then only read.
 */
#ifndef NX_WORDSET_H
#define NX_WORDSET_H

#include <stddef.h>
#include <stdint.h>

#define NX_WORDSET_SLOTS 2048	/* a power of two; a set holds at most half as many words */

typedef struct nx_wordset_slot
{
	const char *word;			/* as in its lists; NULL when the slot is free */
	uint32_t	len;
	uint32_t	lists;			/* bit l: list l holds the word */
} nx_wordset_slot;

typedef struct nx_wordset
{
	nx_wordset_slot slot[NX_WORDSET_SLOTS];
	size_t		used;
	int			invalid;		/* a word with ASCII upper case (never found), or too many words */
} nx_wordset;

/* adds the NULL-terminated list as list `bit` (0..31) */
void		nx_wordset_add(nx_wordset *ws, const char *const *list, unsigned bit);
/* the lists that hold s[0..n) with its ASCII upper case folded, as bits; 0 for none */
uint32_t	nx_wordset_lists(const nx_wordset *ws, const char *s, size_t n);

#endif
