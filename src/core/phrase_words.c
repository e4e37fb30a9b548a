/*
 * phrase_words.c - lookup in the generated common-word table (phrase_words.h).
 */
#include <string.h>

#include "phrase_words.h"
#include "phrase_words.inc"

#if NX_COMMON_WORDS != NX_COMMON_WORD_COUNT
#error "phrase_words.inc does not hold NX_COMMON_WORD_COUNT words: rerun make phrase-words"
#endif

int
nx_common_word_id(const char *s, size_t len, uint64_t hash)
{
	const size_t mask = ((size_t) 1 << NX_COMMON_SLOT_BITS) - 1;
	size_t		slot = (size_t) (hash >> (64 - NX_COMMON_SLOT_BITS));
	unsigned	e;

	while ((e = nx_common_slots[slot]) != 0)
	{
		const char *w = nx_common_words[e - 1];

		/* tokens hold no NUL, so strncmp stops at the end of a shorter word */
		if (w[0] == s[0] && strncmp(w, s, len) == 0 && w[len] == '\0')
			return (int) e - 1;
		slot = (slot + 1) & mask;
	}
	return -1;
}

const char *
nx_common_word(int id)
{
	return id >= 0 && id < NX_COMMON_WORD_COUNT ? nx_common_words[id] : NULL;
}
