/*
 * phrase_ascii.c - a fast first try at matching a phrase, used by
 * nx_phrase_contains (the recheck of every rechecked index hit) and
 * nx_phrase_count.
 *
 * Tokenising a whole article to find one phrase costs about 5 ns a byte.
 * Instead, scan for the phrase's rarest two-letter pair (case folded, 16
 * bytes a step with SSE2) and compare the words around each hit in place.
 * This is exact where it answers, because of two properties of the tokenizer
 * (tokenize.h):
 *  - Its state resets at every separator that is an ASCII byte or one of the
 *    common typographic ones below (curly quotes, dashes, no-break space,
 *    ellipsis, bullet, currency and a few other signs).  So a run of ASCII
 *    letters and digits with such a separator (or an end of the text) on both
 *    sides is exactly one token, lower-cased, whatever else the text holds; a
 *    match made only of such runs and gaps is a match of the tokenizer.
 *  - A "plain" text, made only of ASCII and those separators, is made only of
 *    such runs: if none of them matches, the text does not contain the
 *    phrase, and the runs that match are all its occurrences.
 * Otherwise (no match found in a text that is not plain; a phrase token that
 * is not plain ASCII can only be in such a text) the answer is "unsure" and
 * the caller tokenises, as it does when the reading budget (4x the text) runs
 * out.
 */
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

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
 * Multi-byte separators after which the tokenizer's state is reset: code
 * points that case folding and NFKD leave as one code point (or, for the
 * no-break space and the ellipsis, turn into ASCII separators) of a
 * separator class, frequent in news text.  U+00A0 no-break space, U+00A3 £,
 * U+00A5 ¥, U+00A7 §, U+00A9 ©, U+00AB «, U+00AE ®, U+00B0 °, U+00B7 ·,
 * U+00BB », U+00D7 ×, U+00F7 ÷, U+2013 U+2014 dashes, U+2018 U+2019 U+201C
 * U+201D quotes, U+2022 bullet, U+2026 ellipsis, U+20AC €.  test_phrase
 * checks every sequence this accepts against the tokenizer.  A lead byte
 * never continues another sequence, so they read the same backwards.
 */
static inline size_t
wide_sep_at(const unsigned char *t, size_t pos, size_t len)
{
	unsigned char c;

	if (len - pos < 2)
		return 0;
	c = t[pos + 1];
	switch (t[pos])
	{
		case 0xC2:
			return (c == 0xA0 || c == 0xA3 || c == 0xA5 || c == 0xA7 || c == 0xA9 ||
					c == 0xAB || c == 0xAE || c == 0xB0 || c == 0xB7 || c == 0xBB) ? 2 : 0;
		case 0xC3:
			return (c == 0x97 || c == 0xB7) ? 2 : 0;
		case 0xE2:
			if (len - pos < 3)
				return 0;
			if (c == 0x80)
			{
				c = t[pos + 2];
				return (c == 0x93 || c == 0x94 || c == 0x98 || c == 0x99 || c == 0x9C ||
						c == 0x9D || c == 0xA2 || c == 0xA6) ? 3 : 0;
			}
			return (c == 0x82 && t[pos + 2] == 0xAC) ? 3 : 0;
		default:
			return 0;
	}
}

size_t
nx_plain_wide_sep_len(const unsigned char *t, size_t pos, size_t len)
{
	return pos < len ? wide_sep_at(t, pos, len) : 0;
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

/* where to look: a pair of adjacent bytes of one phrase token, or one byte */
typedef struct anchor
{
	uint32_t	token;			/* phrase token k */
	size_t		off;			/* offset of the first byte in it */
	unsigned char c0;			/* the byte(s), lower case */
	unsigned char c1;
	int			pair;			/* 0: only c0 (every token is one byte long) */
} anchor;

/*
 * The rarest pair of adjacent bytes of any token (by the product of their
 * weights), a longer token on a tie; a single byte only if no token has two.
 * Returns 0 if some token is not plain ASCII.
 */
static int
choose_anchor(const nx_phrase *p, anchor *an)
{
	unsigned long best = ~0ul;
	uint32_t	j;

	memset(an, 0, sizeof(*an));
	for (j = 0; j < p->ntok; j++)
	{
		const unsigned char *d = (const unsigned char *) p->data + p->off[j];
		size_t		n = p->off[j + 1] - p->off[j],
					i;

		for (i = 0; i < n; i++)
			if (d[i] >= 0x80 || nx_tok_ascii_word[d[i]] != d[i])
				return 0;
		for (i = 0; i < n; i++)
		{
			int			pair = i + 1 < n;
			/* a lone byte is about 1000x as frequent as a pair with it */
			unsigned long w = pair ? (unsigned long) byte_weight(d[i]) * byte_weight(d[i + 1])
				: (unsigned long) byte_weight(d[i]) * 1000;

			if (n > 1 && !pair)
				continue;		/* the pair ending here was counted */
			if (w < best || (w == best && n > p->off[an->token + 1] - p->off[an->token]))
			{
				best = w;
				an->token = j;
				an->off = i;
				an->c0 = d[i];
				an->c1 = pair ? d[i + 1] : 0;
				an->pair = pair;
			}
		}
	}
	return 1;
}

/*
 * Case folding for the anchor test: b | 0x20 maps 'A'..'Z' to 'a'..'z' and
 * leaves 'a'..'z' and '0'..'9'.  The only other bytes it maps onto a token
 * byte are the controls 0x10..0x19 (onto the digits): harmless extra hits,
 * which the check in place rejects.
 */
#define FOLD(b) ((unsigned char) ((b) | 0x20))

/*
 * The hits among the n <= 16 bytes at t (bit i: the anchor starts at t[i]),
 * one byte at a time; avail bytes are readable (the pair's second byte may
 * be t[n]).  *high collects bytes >= 0x80.
 */
static inline unsigned
hits_bytes(const unsigned char *t, size_t n, size_t avail, const anchor *an, unsigned *high)
{
	unsigned	m = 0;
	size_t		i;

	for (i = 0; i < n; i++)
	{
		*high |= t[i] & 0x80;
		if (FOLD(t[i]) == an->c0 && (!an->pair || (i + 1 < avail && FOLD(t[i + 1]) == an->c1)))
			m |= 1u << i;
	}
	return m;
}

/* the same for 16 bytes at t with 17 readable, 16 at a time where SSE2 is there */
#ifdef __SSE2__
static inline unsigned
hits16(const unsigned char *t, const anchor *an, unsigned *high)
{
	const __m128i fold = _mm_set1_epi8(0x20);
	__m128i		a = _mm_loadu_si128((const __m128i *) t);
	__m128i		eq = _mm_cmpeq_epi8(_mm_or_si128(a, fold), _mm_set1_epi8((char) an->c0));

	*high |= (unsigned) _mm_movemask_epi8(a);
	if (an->pair)
	{
		__m128i		b = _mm_loadu_si128((const __m128i *) (t + 1));

		eq = _mm_and_si128(eq, _mm_cmpeq_epi8(_mm_or_si128(b, fold),
											  _mm_set1_epi8((char) an->c1)));
	}
	return (unsigned) _mm_movemask_epi8(eq);
}
#else
static inline unsigned
hits16(const unsigned char *t, const anchor *an, unsigned *high)
{
	return hits_bytes(t, 16, 17, an, high);
}
#endif

/* the scan's state across hits */
typedef struct scan_state
{
	const nx_phrase *p;
	const anchor *an;
	const unsigned char *t;
	size_t		len;
	const nx_allocator *a;
	int			count_all;
	size_t		work;			/* bytes read around hits */
	size_t		budget;
	size_t		next_poll;
	size_t		last_end;
	long		found;
	long	   *count;			/* the caller's result, set when containment is found */
} scan_state;

/* go on scanning (none of NX_OK, NX_ASCII_UNSURE and the negative NX_E* codes) */
#define HIT_NEXT	3

/*
 * Check the hit at byte h: HIT_NEXT, or what nx_phrase_match_plain returns
 * (NX_OK once containment is decided, NX_ASCII_UNSURE, a negative code).
 */
static int
check_hit(scan_state *st, size_t h)
{
	size_t		ms,
				me;
	int			matched;

	if (h < st->an->off)
		return HIT_NEXT;
	matched = match_around(st->p, st->an->token, st->t, st->len, h - st->an->off,
						   st->p->off[st->an->token + 1] - st->p->off[st->an->token],
						   &ms, &me, &st->work);
	/* linear time, like the tokenizer: past the budget, let it decide */
	if (st->work > st->budget)
		return NX_ASCII_UNSURE;
	if (st->work > st->next_poll)
	{
		st->next_poll = st->work + NX_POLL_BYTES;
		if (nx_interrupted(st->a))
			return NX_EINTR;
	}
	if (!matched)
		return HIT_NEXT;
	/* occurrences do not overlap: the leftmost wins, as in nx_phrase_scan */
	if (st->found > 0 && ms < st->last_end)
		return HIT_NEXT;
	st->found++;
	st->last_end = me;
	if (st->count_all)
		return HIT_NEXT;
	*st->count = 1;
	return NX_OK;
}

/* check the hits of mask m (bit i: byte base + i), left to right, as check_hit */
static int
check_hits(scan_state *st, size_t base, unsigned m)
{
	int			r;

	for (; m; m &= m - 1)
		if ((r = check_hit(st, base + (size_t) __builtin_ctz(m))) != HIT_NEXT)
			return r;
	return HIT_NEXT;
}

int
nx_phrase_match_plain(const nx_phrase *p, const char *text, size_t len,
					  const nx_allocator *a, int count_all, long *count)
{
	const unsigned char *t = (const unsigned char *) text;
	anchor		an;
	scan_state	st;
	size_t		win;
	unsigned	high = 0;
	int			plain;

	*count = 0;
	if (!choose_anchor(p, &an))
	{
		/* a token no plain text holds */
		int			r = is_plain(t, len, a);

		return r == 1 ? NX_OK : (r < 0 ? r : NX_ASCII_UNSURE);
	}
	memset(&st, 0, sizeof(st));
	st.p = p;
	st.an = &an;
	st.t = t;
	st.len = len;
	st.a = a;
	st.count_all = count_all;
	st.budget = 4 * len + 4096;
	st.next_poll = NX_POLL_BYTES;
	st.count = count;

	/* windows of NX_POLL_BYTES so that a 50 MB text stays cancellable */
	for (win = 0; win < len; win += NX_POLL_BYTES)
	{
		size_t		wend = len - win > NX_POLL_BYTES ? win + NX_POLL_BYTES : len,
					i = win;
		unsigned	m;
		int			r;

		if (nx_interrupted(a))
			return NX_EINTR;
		for (; i + 16 <= wend && i + 17 <= len; i += 16)
			if ((m = hits16(t + i, &an, &high)) != 0 && (r = check_hits(&st, i, m)) != HIT_NEXT)
				return r;
		/* the window's last bytes (fewer than 16, or 16 without a 17th to read) */
		if (i < wend && (m = hits_bytes(t + i, wend - i, len - i, &an, &high)) != 0 &&
			(r = check_hits(&st, i, m)) != HIT_NEXT)
			return r;
	}
	/* no byte >= 0x80 seen: plain without a second look */
	plain = high ? is_plain(t, len, a) : 1;
	if (plain != 1)
		return plain < 0 ? plain : NX_ASCII_UNSURE;
	*count = count_all ? st.found : 0;
	return NX_OK;
}
