/* locale_names.c - lookups in the generated CLDR month and weekday table */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "locale_names.h"
#include "nx_text.h"

typedef struct nx_locale_name
{
	const char *name;			/* folded */
	int			kind;			/* 1 month, 2 weekday */
	int			number;
} nx_locale_name;

#include "locale_names.inc"

#define NNAMES (sizeof(nx_locale_names) / sizeof(nx_locale_names[0]))

/* an ASCII word folds to its lower case: no utf8proc call (most words of most news) */
static size_t
fold_ascii_word(const char *s, size_t n, char *out, size_t outsz)
{
	size_t		k;

	/* the general path's bound: room for a 4-byte character after the last one */
	if (n + 3 >= outsz)
		return 0;
	for (k = 0; k < n; k++)
		out[k] = (char) nx_ascii_lower((unsigned char) s[k]);
	while (k > 0 && out[k - 1] == '.')
		k--;
	out[k] = '\0';
	return k;
}

size_t
nx_fold_word(const char *s, size_t n, char *out, size_t outsz)
{
	if (nx_is_ascii(s, n))
		return fold_ascii_word(s, n, out, outsz);
	return nx_fold_word_utf8proc(s, n, out, outsz);
}

int
nx_folded_in_list(const char *folded, const char *const *list)
{
	/* header lines ask this of every word: the first byte rules out most entries */
	for (; *list; list++)
		if ((*list)[0] == folded[0] && strcmp(folded, *list) == 0)
			return 1;
	return 0;
}

int
nx_word_in_folded_list(const char *s, size_t n, const char *const *list)
{
	char		f[64];

	if (n >= 40 || nx_fold_word(s, n, f, sizeof(f)) == 0)
		return 0;
	return nx_folded_in_list(f, list);
}

size_t
nx_fold_word_utf8proc(const char *s, size_t n, char *out, size_t outsz)
{
	size_t		i = 0,
				k = 0;

	while (i < n)
	{
		utf8proc_int32_t cp,
					dec[8];
		utf8proc_ssize_t used = utf8proc_iterate((const utf8proc_uint8_t *) s + i, (utf8proc_ssize_t) (n - i), &cp),
					nd,
					j;
		int			last_boundclass = 0;

		if (used <= 0)
			return 0;
		i += (size_t) used;
		/* the same options as the generator's utf8proc_map, one character at a time (Thai keeps its marks) */
		nd = utf8proc_decompose_char(cp, dec, 8, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD |
									 (cp >= 0x0E00 && cp <= 0x0E7F ? 0 : UTF8PROC_STRIPMARK), &last_boundclass);
		if (nd < 0 || nd > 8)
			return 0;
		for (j = 0; j < nd; j++)
		{
			if (k + 4 >= outsz)
				return 0;
			k += (size_t) utf8proc_encode_char(dec[j], (utf8proc_uint8_t *) out + k);
		}
	}
	while (k > 0 && out[k - 1] == '.')
		k--;
	out[k] = '\0';
	return k;
}

static int
compare_name(const void *key, const void *entry)
{
	return strcmp((const char *) key, ((const nx_locale_name *) entry)->name);
}

static int
lookup(const char *folded, int kind)
{
	const nx_locale_name *e = bsearch(folded, nx_locale_names, NNAMES, sizeof(nx_locale_name), compare_name);

	if (e == NULL)
		return 0;
	/* a name can be both a month and a weekday ("mar"): the table keeps them as neighbours */
	while (e > nx_locale_names && strcmp(e[-1].name, folded) == 0)
		e--;
	for (; e < nx_locale_names + NNAMES && strcmp(e->name, folded) == 0; e++)
		if (e->kind == kind)
			return e->number;
	return 0;
}

int
nx_locale_month_folded(const char *folded)
{
	return lookup(folded, 1);
}

int
nx_locale_weekday_folded(const char *folded)
{
	return lookup(folded, 2);
}

int
nx_locale_month(const char *s, size_t n)
{
	char		f[64];

	return n < 40 && nx_fold_word(s, n, f, sizeof(f)) >= 2 ? lookup(f, 1) : 0;
}

int
nx_locale_weekday(const char *s, size_t n)
{
	char		f[64];

	return n < 40 && nx_fold_word(s, n, f, sizeof(f)) >= 2 ? lookup(f, 2) : 0;
}
