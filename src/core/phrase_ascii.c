/*
 * phrase_ascii.c - a fast first try at matching a phrase, used by
 * nx_phrase_contains (the recheck of every rechecked index hit) and
 * nx_phrase_count.
 *
 * Tokenising a whole article to find one phrase costs about 5 ns a byte.
 * Instead, jump with memchr() to the occurrences of the phrase's rarest
 * letter, and compare the words around each one in place.  This is exact
 * where it answers, because of two properties of the tokenizer (tokenize.h):
 *  - Its state resets at every separator that is an ASCII byte or one of the
 *    common typographic ones below (curly quotes, dashes, no-break space,
 *    ellipsis).  So a run of ASCII letters and digits with such a separator
 *    (or an end of the text) on both sides is exactly one token, lower-cased,
 *    whatever else the text holds; a match made only of such runs and gaps
 *    is a match of the tokenizer.
 *  - A "plain" text, made only of ASCII and those separators, is made only of
 *    such runs: if none of them matches, the text does not contain the
 *    phrase, and the runs that match are all its occurrences.
 * Otherwise (no match found in a text that is not plain; a phrase token that
 * is not plain ASCII can only be in such a text) the answer is "unsure" and
 * the caller tokenises, as it does when the reading budget (4x the text) runs
 * out.
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

/*
 * Multi-byte separators after which the tokenizer's state is reset, all
 * CL_SEP there: U+00A0 no-break space (NFKD: a space), U+2013 U+2014 dashes,
 * U+2018 U+2019 U+201C U+201D quotes, U+2026 ellipsis (NFKD: "...").  A lead
 * byte never continues another sequence, so they read the same backwards.
 */
static inline size_t
wide_sep_at(const unsigned char *t, size_t pos, size_t len)
{
	if (t[pos] == 0xC2 && len - pos >= 2 && t[pos + 1] == 0xA0)
		return 2;
	if (t[pos] == 0xE2 && len - pos >= 3 && t[pos + 1] == 0x80)
	{
		unsigned char c = t[pos + 2];

		if (c == 0x93 || c == 0x94 || c == 0x98 || c == 0x99 || c == 0x9C || c == 0x9D || c == 0xA6)
			return 3;
	}
	return 0;
}

/* bytes of the separator starting at pos (0: none, or a word byte) */
static inline size_t
sep_at(const unsigned char *t, size_t pos, size_t len)
{
	if (t[pos] < 0x80)
		return nx_tok_ascii_word[t[pos]] == 0;
	return wide_sep_at(t, pos, len);
}

/* bytes of the separator ending just before pos (0: none) */
static inline size_t
sep_before(const unsigned char *t, size_t pos)
{
	if (t[pos - 1] < 0x80)
		return nx_tok_ascii_word[t[pos - 1]] == 0;
	if (pos >= 2 && wide_sep_at(t, pos - 2, pos) == 2)
		return 2;
	if (pos >= 3 && wide_sep_at(t, pos - 3, pos) == 3)
		return 3;
	return 0;
}

/* is s[0..n) an ASCII run that folds to the phrase token j (the anchor's bytes are unchecked) */
static int
run_is_token(const nx_phrase *p, uint32_t j, const unsigned char *s, size_t n)
{
	const unsigned char *d = (const unsigned char *) p->data + p->off[j];
	size_t		i;

	if (n != p->off[j + 1] - p->off[j])
		return 0;
	for (i = 0; i < n; i++)
		if (s[i] >= 0x80 || nx_tok_ascii_word[s[i]] != d[i])
			return 0;
	return 1;
}

/*
 * Do the phrase tokens j0-1 .. 0 stand right to left before byte s, each a
 * plain run, with plain separators between?  *pos ends where the reading
 * stopped: the start of the match when it does.
 */
static int
tokens_before(const nx_phrase *p, uint32_t j0, const unsigned char *t, size_t s, size_t *pos)
{
	size_t		n,
				end;
	uint32_t	j;

	*pos = s;
	for (j = j0; j-- > 0;)
	{
		while (*pos > 0 && (n = sep_before(t, *pos)) > 0)
			*pos -= n;
		end = *pos;
		while (*pos > 0 && is_word(t[*pos - 1]))
			(*pos)--;
		if (*pos == end || (*pos > 0 && sep_before(t, *pos) == 0))
			return 0;
		if (!run_is_token(p, j, t + *pos, end - *pos))
			return 0;
	}
	return 1;
}

/* the same for tokens j0 .. ntok-1 left to right from byte s; *pos ends past the match */
static int
tokens_after(const nx_phrase *p, uint32_t j0, const unsigned char *t, size_t len, size_t s,
			 size_t *pos)
{
	size_t		n,
				start;
	uint32_t	j;

	*pos = s;
	for (j = j0; j < p->ntok; j++)
	{
		while (*pos < len && (n = sep_at(t, *pos, len)) > 0)
			*pos += n;
		start = *pos;
		while (*pos < len && is_word(t[*pos]))
			(*pos)++;
		if (*pos == start || (*pos < len && sep_at(t, *pos, len) == 0))
			return 0;
		if (!run_is_token(p, j, t + start, *pos - start))
			return 0;
	}
	return 1;
}

/*
 * Is there a match whose token k is the run at t[s..s+m)?  If so, set
 * [*mstart, *mend) to its bytes.  Every token must be a plain run and every
 * gap plain separators; anything else gives "no" here (and makes the text not
 * plain, so the caller cannot conclude from a miss).  *work grows by the bytes
 * read, which the caller bounds: a phrase like "a a a ... b" over "a a a ..."
 * would otherwise read each stretch once per token.
 */
static int
match_around(const nx_phrase *p, uint32_t k, const unsigned char *t, size_t len,
			 size_t s, size_t m, size_t *mstart, size_t *mend, size_t *work)
{
	int			ok;

	/* the anchor run itself must fit and be bounded by separators or the text's ends */
	if (m > len - s)
		return 0;
	if ((s > 0 && sep_before(t, s) == 0) || (s + m < len && sep_at(t, s + m, len) == 0))
		return 0;
	if (!run_is_token(p, k, t + s, m))
		return 0;
	ok = tokens_before(p, k, t, s, mstart);
	*work += s - *mstart;
	if (!ok)
		return 0;
	ok = tokens_after(p, k + 1, t, len, s + m, mend);
	*work += *mend - s;
	return ok;
}

/* is t[0..len) plain (ASCII and the separators above); NX_EINTR when interrupted */
static int
is_plain(const unsigned char *t, size_t len, const nx_allocator *a)
{
	size_t		i = 0,
				next_poll = 0;

	while (i < len)
	{
		size_t		n;

		if (i >= next_poll)
		{
			next_poll = i + NX_POLL_BYTES;
			if (nx_interrupted(a))
				return NX_EINTR;
		}
		/* eight ASCII bytes at a time */
		while (i + 8 <= len && i < next_poll)
		{
			uint64_t	w;

			memcpy(&w, t + i, 8);
			if (w & UINT64_C(0x8080808080808080))
				break;
			i += 8;
		}
		if (i >= len || i >= next_poll)
			continue;
		if (t[i] < 0x80)
			i++;
		else if ((n = wide_sep_at(t, i, len)) > 0)
			i += n;
		else
			return 0;
	}
	return 1;
}

int
nx_phrase_match_plain(const nx_phrase *p, const char *text, size_t len,
					  const nx_allocator *a, int count_all, long *count)
{
	const unsigned char *t = (const unsigned char *) text;
	uint32_t	k = 0,
				j;
	size_t		off = 0,
				m,
				win,
				last_end = 0,
				work = 0,
				next_poll = NX_POLL_BYTES,
				budget = 4 * len + 4096;
	unsigned	best = ~0u;
	unsigned char lo,
				up;
	long		found = 0;
	int			plain = -1;

	*count = 0;
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
			/* a token no plain text holds */
			int			r = is_plain(t, len, a);

			return r == 1 ? NX_OK : (r < 0 ? r : NX_ASCII_UNSURE);
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

	/* counting needs every occurrence: only a plain text can be counted here */
	if (count_all)
	{
		plain = is_plain(t, len, a);
		if (plain != 1)
			return plain < 0 ? plain : NX_ASCII_UNSURE;
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
			size_t		ms,
						me;
			int			matched;

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
			if ((size_t) (h - t) < off)
				continue;
			matched = match_around(p, k, t, len, (size_t) (h - t) - off, m, &ms, &me, &work);
			/* linear time, like the tokenizer: past the budget, let it decide */
			if (work > budget)
				return NX_ASCII_UNSURE;
			if (work > next_poll)
			{
				next_poll = work + NX_POLL_BYTES;
				if (nx_interrupted(a))
					return NX_EINTR;
			}
			if (!matched)
				continue;
			/* occurrences do not overlap: the leftmost wins, as in nx_phrase_scan */
			if (found > 0 && ms < last_end)
				continue;
			found++;
			last_end = me;
			if (!count_all)
			{
				*count = 1;
				return NX_OK;
			}
		}
	}
	if (plain < 0)
		plain = is_plain(t, len, a);
	if (plain != 1)
		return plain < 0 ? plain : NX_ASCII_UNSURE;
	*count = found;
	return NX_OK;
}
