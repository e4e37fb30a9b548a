/* wordset.c - constant word lists as one open-addressing hash table (wordset.h) */
#include <string.h>

#include "wordset.h"
#include "nx_hash.h"
#include "nx_text.h"

/* FNV-1a of s[0..n) with ASCII upper case folded, mixed */
static uint32_t
slot_of(const char *s, size_t n)
{
	uint64_t	h = UINT64_C(0xcbf29ce484222325);

	for (size_t i = 0; i < n; i++)
		h = (h ^ nx_ascii_lower((unsigned char) s[i])) * UINT64_C(0x100000001b3);
	return (uint32_t) nx_mix64(h) & (NX_WORDSET_SLOTS - 1);
}

void
nx_wordset_add(nx_wordset *ws, const char *const *list, unsigned bit)
{
	for (; *list; list++)
	{
		const char *w = *list;
		size_t		n = strlen(w);
		uint32_t	h = slot_of(w, n);

		for (size_t i = 0; i < n; i++)
			if (w[i] >= 'A' && w[i] <= 'Z')
				ws->invalid = 1;
		while (ws->slot[h].word != NULL && !(ws->slot[h].len == n && memcmp(ws->slot[h].word, w, n) == 0))
			h = (h + 1) & (NX_WORDSET_SLOTS - 1);
		if (ws->slot[h].word == NULL)
		{
			if (ws->used >= NX_WORDSET_SLOTS / 2)
			{
				ws->invalid = 1;
				return;
			}
			ws->used++;
			ws->slot[h].word = w;
			ws->slot[h].len = (uint32_t) n;
		}
		ws->slot[h].lists |= 1u << bit;
	}
}

uint32_t
nx_wordset_lists(const nx_wordset *ws, const char *s, size_t n)
{
	if (n == 0)
		return 0;
	for (uint32_t h = slot_of(s, n); ws->slot[h].word != NULL; h = (h + 1) & (NX_WORDSET_SLOTS - 1))
	{
		const nx_wordset_slot *e = &ws->slot[h];

		if (e->len == n && nx_strncaseeq(s, e->word, n))
			return e->lists;
	}
	return 0;
}
