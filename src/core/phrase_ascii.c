/*
 * phrase_ascii.c - a fast first try at "does this text contain the phrase",
 * used by nx_phrase_contains (the recheck of every rechecked index hit).
 *
 * Tokenising a whole article to find one phrase costs about 5 ns a byte.
 * Instead, jump with memchr() to the occurrences of the phrase's rarest
 * letter, and compare the words around each one in place.  This is exact
 * where it answers:
 *  - A run of ASCII letters and digits with an ASCII separator (or the end of
 *    the text) on both sides is exactly one token, lower-cased, whatever else
 *    the text holds: the tokenizer's state resets at every ASCII separator
 *    (tokenize.h).  So a match made only of such runs, separated only by
 *    ASCII separators, is a match of the full tokenizer.
 *  - A text with no byte >= 0x80 is made only of such runs; if none of them
 *    matches, the text does not contain the phrase.
 * Otherwise (no match found in a text with other bytes, or a phrase token
 * that is not plain ASCII) the answer is "unsure" and the caller tokenises.
 */
#include <string.h>

#include "phrase_ascii.h"
#include "nx_text.h"

/* rough frequency of a byte in English news text (letters per mille, digits guessed high) */
static unsigned
byte_weight(unsigned char c)
{
	static const unsigned char letters[26] = {
		82, 15, 28, 43, 127, 22, 20, 61, 70, 2, 8, 40, 24,	/* a..m */
		67, 75, 19, 1, 60, 63, 91, 28, 10, 24, 2, 20, 1		/* n..z */
	};

	if (c >= 'a' && c <= 'z')
		return letters[c - 'a'];
	return 30;					/* digits */
}

static inline int
is_word(unsigned char c)
{
	return c < 0x80 && nx_tok_ascii_word[c] != 0;
}

/* is the ASCII run s[0..n) the phrase token j (folded) */
static int
run_is_token(const nx_phrase *p, uint32_t j, const unsigned char *s, size_t n)
{
	const unsigned char *d = (const unsigned char *) p->data + p->off[j];
	size_t		i;

	if (n != p->off[j + 1] - p->off[j])
		return 0;
	for (i = 0; i < n; i++)
		if (nx_tok_ascii_word[s[i]] != d[i])
			return 0;
	return 1;
}

/*
 * Is there a match whose token k is the run at t[s..s+m)?  Every token must be
 * an ASCII run and every gap ASCII separators only; a byte >= 0x80 anywhere in
 * between gives "no" here (the caller then cannot conclude from a miss).
 */
static int
match_around(const nx_phrase *p, uint32_t k, const unsigned char *t, size_t len,
			 size_t s, size_t m)
{
	size_t		pos;
	uint32_t	j;

	/* the anchor run itself must be bounded by separators or the text's ends */
	if ((s > 0 && (t[s - 1] >= 0x80 || nx_tok_ascii_word[t[s - 1]] != 0)) ||
		(s + m < len && (t[s + m] >= 0x80 || nx_tok_ascii_word[t[s + m]] != 0)))
		return 0;
	if (!run_is_token(p, k, t + s, m))
		return 0;

	/* tokens before the anchor, right to left */
	pos = s;
	for (j = k; j-- > 0;)
	{
		size_t		end;

		while (pos > 0 && t[pos - 1] < 0x80 && nx_tok_ascii_word[t[pos - 1]] == 0)
			pos--;
		if (pos == 0 || t[pos - 1] >= 0x80)
			return 0;
		end = pos;
		while (pos > 0 && is_word(t[pos - 1]))
			pos--;
		if (pos > 0 && t[pos - 1] >= 0x80)
			return 0;
		if (!run_is_token(p, j, t + pos, end - pos))
			return 0;
	}

	/* tokens after it, left to right */
	pos = s + m;
	for (j = k + 1; j < p->ntok; j++)
	{
		size_t		start;

		while (pos < len && t[pos] < 0x80 && nx_tok_ascii_word[t[pos]] == 0)
			pos++;
		if (pos == len || t[pos] >= 0x80)
			return 0;
		start = pos;
		while (pos < len && is_word(t[pos]))
			pos++;
		if (pos < len && t[pos] >= 0x80)
			return 0;
		if (!run_is_token(p, j, t + start, pos - start))
			return 0;
	}
	return 1;
}

/* does t[0..len) hold only bytes < 0x80; NX_EINTR when interrupted */
static int
all_ascii(const unsigned char *t, size_t len, const nx_allocator *a)
{
	size_t		i = 0;

	while (i < len)
	{
		size_t		end = len - i > NX_POLL_BYTES ? i + NX_POLL_BYTES : len;
		uint64_t	acc = 0;

		if (nx_interrupted(a))
			return NX_EINTR;
		for (; i + 8 <= end; i += 8)
		{
			uint64_t	w;

			memcpy(&w, t + i, 8);
			acc |= w;
		}
		for (; i < end; i++)
			acc |= t[i];
		if (acc & UINT64_C(0x8080808080808080))
			return 0;
	}
	return 1;
}

int
nx_phrase_contains_ascii(const nx_phrase *p, const char *text, size_t len,
						 const nx_allocator *a)
{
	const unsigned char *t = (const unsigned char *) text;
	uint32_t	k = 0,
				j;
	size_t		off = 0,
				m,
				win;
	unsigned	best = ~0u;
	unsigned char lo,
				up;
	int			plain = 1;

	/* the anchor: the phrase's rarest letter, in its longest token on a tie */
	for (j = 0; j < p->ntok; j++)
	{
		const unsigned char *d = (const unsigned char *) p->data + p->off[j];
		size_t		n = p->off[j + 1] - p->off[j],
					i;

		for (i = 0; i < n; i++)
			if (d[i] >= 0x80 || nx_tok_ascii_word[d[i]] != d[i])
				break;
		if (i < n)
		{
			plain = 0;			/* only a non-ASCII text can hold this token */
			break;
		}
		for (i = 0; i < n; i++)
		{
			unsigned	w = byte_weight(d[i]);

			if (w < best || (w == best && n > p->off[k + 1] - p->off[k]))
			{
				best = w;
				k = j;
				off = i;
			}
		}
	}
	if (!plain)
	{
		int			r = all_ascii(t, len, a);

		return r == 1 ? 0 : (r < 0 ? r : NX_ASCII_UNSURE);
	}

	m = p->off[k + 1] - p->off[k];
	lo = (unsigned char) p->data[p->off[k] + off];
	up = (lo >= 'a' && lo <= 'z') ? (unsigned char) (lo - 'a' + 'A') : lo;

	/* windows of NX_POLL_BYTES so that a 50 MB text stays cancellable */
	for (win = 0; win < len; win += NX_POLL_BYTES)
	{
		size_t		wend = len - win > NX_POLL_BYTES ? win + NX_POLL_BYTES : len;
		const unsigned char *nlo,
				   *nup;

		if (nx_interrupted(a))
			return NX_EINTR;
		nlo = memchr(t + win, lo, wend - win);
		nup = up != lo ? memchr(t + win, up, wend - win) : NULL;
		while (nlo || nup)
		{
			const unsigned char *h;

			if (nlo && (!nup || nlo < nup))
			{
				h = nlo;
				nlo = memchr(h + 1, lo, (size_t) (t + wend - h - 1));
			}
			else
			{
				h = nup;
				nup = memchr(h + 1, up, (size_t) (t + wend - h - 1));
			}
			if ((size_t) (h - t) >= off &&
				match_around(p, k, t, len, (size_t) (h - t) - off, m))
				return 1;
		}
	}

	/* no plain match: conclusive only if the text has nothing but ASCII */
	{
		int			r = all_ascii(t, len, a);

		return r == 1 ? 0 : (r < 0 ? r : NX_ASCII_UNSURE);
	}
}
