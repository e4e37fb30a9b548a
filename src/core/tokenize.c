/*
 * tokenize.c - the phrase tokenizer (rules and on-disk caveat in tokenize.h).
 *
 * ASCII takes a table-driven fast path; everything else goes through
 * libutf8proc: case folding + NFKD + mark stripping per code point, then the
 * general category of each resulting code point decides word / separator.
 */
#include <string.h>

#include <utf8proc.h>

#include "tokenize.h"
#include "nx_hash.h"

/* how many input bytes between two polls of nx_interrupted */
#define NX_POLL_BYTES	(256 * 1024)

/* character classes */
#define CL_SEP		0			/* separator */
#define CL_WORD		1			/* part of a token */
#define CL_SINGLE	2			/* a token on its own (ideographs etc.) */
#define CL_SKIP		3			/* ignored entirely (marks) */

/* ASCII: 0 = separator, else the lower-cased byte */
const unsigned char nx_tok_ascii_word[128] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 0, 0, 0, 0, 0, 0,
	0, 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
	'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', 0, 0, 0, 0, 0,
	0, 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
	'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', 0, 0, 0, 0, 0,
};

/* scripts written without spaces: every character is a token */
static int
is_single_char_script(int32_t c)
{
	return (c >= 0x0E00 && c <= 0x0EFF)		/* Thai, Lao */
		|| (c >= 0x1000 && c <= 0x109F)		/* Myanmar */
		|| (c >= 0x1780 && c <= 0x17FF)		/* Khmer */
		|| (c >= 0x2E80 && c <= 0x2FDF)		/* CJK radicals, Kangxi */
		|| (c >= 0x3005 && c <= 0x3007)		/* ideographic iteration, zero */
		|| (c >= 0x3021 && c <= 0x3029)		/* Hangzhou numerals */
		|| (c >= 0x3038 && c <= 0x303B)
		|| (c >= 0x3040 && c <= 0x30FF)		/* Hiragana, Katakana */
		|| (c >= 0x31F0 && c <= 0x31FF)		/* Katakana extensions */
		|| (c >= 0x3400 && c <= 0x4DBF)		/* CJK extension A */
		|| (c >= 0x4E00 && c <= 0x9FFF)		/* CJK unified ideographs */
		|| (c >= 0xF900 && c <= 0xFAFF)		/* CJK compatibility */
		|| (c >= 0x20000 && c <= 0x3FFFF);	/* CJK extensions B.. */
}

/* modifier letters that are apostrophes or accents in practice */
static int
is_apostrophe_letter(int32_t c)
{
	return (c >= 0x02B9 && c <= 0x02BF) || c == 0x02C8 || c == 0x02CA ||
		c == 0x02CB || c == 0x02EE;
}

/* class of a code point that is already case-folded, decomposed, unmarked */
static int
classify(int32_t c)
{
	switch (utf8proc_category(c))
	{
		case UTF8PROC_CATEGORY_LU:
		case UTF8PROC_CATEGORY_LL:
		case UTF8PROC_CATEGORY_LT:
		case UTF8PROC_CATEGORY_LO:
			return is_single_char_script(c) ? CL_SINGLE : CL_WORD;
		case UTF8PROC_CATEGORY_LM:
			if (is_apostrophe_letter(c))
				return CL_SEP;
			return is_single_char_script(c) ? CL_SINGLE : CL_WORD;
		case UTF8PROC_CATEGORY_ND:
			return CL_WORD;
		case UTF8PROC_CATEGORY_MN:
		case UTF8PROC_CATEGORY_MC:
		case UTF8PROC_CATEGORY_ME:
			return CL_SKIP;
		default:
			return CL_SEP;
	}
}

void
nx_tok_init(nx_tokenizer *t, const char *src, size_t len, const nx_allocator *a)
{
	memset(t, 0, sizeof(*t));
	t->src = (const unsigned char *) src;
	t->len = len;
	t->a = a;
	t->next_poll = NX_POLL_BYTES;
	t->want_hash = 1;
}

void
nx_tok_free(nx_tokenizer *t)
{
	nx_free(t->a, t->buf);
	t->buf = NULL;
	t->bcap = t->blen = 0;
}

static int
buf_reserve(nx_tokenizer *t, size_t extra)
{
	size_t		need = t->blen + extra;

	if (need > t->bcap)
	{
		size_t		ncap = t->bcap ? t->bcap * 2 : 64;
		char	   *nb;

		while (ncap < need)
			ncap *= 2;
		nb = t->buf ? nx_resize(t->a, t->buf, t->bcap, ncap) : nx_alloc(t->a, ncap);
		if (nb == NULL)
			return NX_ENOMEM;
		t->buf = nb;
		t->bcap = ncap;
	}
	return NX_OK;
}

uint64_t
nx_token_hash(const char *s, size_t len)
{
	/* FNV-1a 64 with a splitmix64 finaliser: byte order independent */
	uint64_t	h = UINT64_C(0xcbf29ce484222325);
	size_t		i;

	for (i = 0; i < len; i++)
	{
		h ^= (unsigned char) s[i];
		h *= UINT64_C(0x100000001b3);
	}
	return nx_mix64(h);
}

const char *
nx_tok_unicode_version(void)
{
	return utf8proc_unicode_version();
}

static int
finish(nx_tokenizer *t)
{
	t->intok = 0;
	t->tok.text = t->buf;
	t->tok.len = t->blen;
	if (t->want_hash)
		t->tok.hash = nx_token_hash(t->buf, t->blen);
	return 1;
}

/* append one normalised code point; begin a token if none is open */
static int
append_cp(nx_tokenizer *t, int32_t c, size_t cstart, size_t cend)
{
	if (!t->intok)
	{
		t->intok = 1;
		t->blen = 0;
		t->tok.start = cstart;
	}
	t->tok.end = cend;
	if (c < 0x80)
	{
		if (t->blen >= t->bcap && buf_reserve(t, 1) != NX_OK)
			return NX_ENOMEM;
		t->buf[t->blen++] = (char) c;
	}
	else
	{
		if (buf_reserve(t, 4) != NX_OK)
			return NX_ENOMEM;
		t->blen += utf8proc_encode_char(c, (utf8proc_uint8_t *) t->buf + t->blen);
	}
	return NX_OK;
}

/* what a step over the input asks of nx_tok_next (or a negative NX_E* code) */
#define STEP_NEXT		0		/* go on with the next character */
#define STEP_FINISH		1		/* the open token ends here */
#define STEP_CLASSIFY	2		/* a code point to classify (utf8_step's c) */

/*
 * An ASCII byte at t->pos: a separator run is skipped at once, a word's ASCII run is
 * copied in a tight loop (bounded by NX_POLL_BYTES, so polls still happen)
 */
static inline int
ascii_step(nx_tokenizer *t)
{
	size_t		cstart = t->pos++;
	const unsigned char *p,
			   *e,
			   *q;
	size_t		n;
	char	   *d;

	if (nx_tok_ascii_word[t->src[cstart]] == 0)
	{
		const unsigned char *src = t->src;
		size_t		pos = t->pos,
					len = t->len;

		while (pos < len && src[pos] < 0x80 && nx_tok_ascii_word[src[pos]] == 0)
			pos++;
		t->pos = pos;
		return t->intok ? STEP_FINISH : STEP_NEXT;
	}
	if (!t->intok)
	{
		t->intok = 1;
		t->blen = 0;
		t->tok.start = cstart;
	}
	p = t->src + cstart;
	e = t->src + (t->len - cstart > NX_POLL_BYTES ? cstart + NX_POLL_BYTES : t->len);
	/* find the end of the word first, then copy without aliasing worries */
	for (q = p; q < e && *q < 0x80 && nx_tok_ascii_word[*q] != 0; q++)
		;
	n = (size_t) (q - p);
	if (buf_reserve(t, n) != NX_OK)
		return NX_ENOMEM;
	d = t->buf + t->blen;
	for (size_t i = 0; i < n; i++)
		d[i] = (char) nx_tok_ascii_word[p[i]];
	t->blen += n;
	t->pos = (size_t) (q - t->src);
	t->tok.end = t->pos;
	return STEP_NEXT;
}

/*
 * A non-ASCII character at t->pos: decoded, case folded and decomposed into t->dbuf;
 * *c is its first code point (STEP_CLASSIFY), the rest follow from t->dbuf
 */
static inline int
utf8_step(nx_tokenizer *t, int32_t *c, size_t *cstart, size_t *cend)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t n,
				nd;
	int			boundclass = 0;

	n = utf8proc_iterate(t->src + t->pos, (utf8proc_ssize_t) (t->len - t->pos), &cp);
	if (n <= 0)
	{
		/* invalid UTF-8: the byte is a separator */
		t->pos++;
		return t->intok ? STEP_FINISH : STEP_NEXT;
	}
	*cstart = t->pos;
	t->pos += (size_t) n;
	*cend = t->pos;
	nd = utf8proc_decompose_char(cp, t->dbuf, 32,
								 UTF8PROC_CASEFOLD | UTF8PROC_COMPAT |
								 UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK |
								 UTF8PROC_IGNORE,
								 &boundclass);
	if (nd < 0 || nd > 32)
		/* cannot happen with a 32-slot buffer; treat as separator */
		return t->intok ? STEP_FINISH : STEP_NEXT;
	if (nd == 0)
	{
		/* ignorable or a mark: joins, extends an open token */
		if (t->intok)
			t->tok.end = *cend;
		return STEP_NEXT;
	}
	t->dlen = (int) nd;
	t->didx = 0;
	t->dstart = *cstart;
	t->dend = *cend;
	*c = t->dbuf[t->didx++];
	return STEP_CLASSIFY;
}

int
nx_tok_next(nx_tokenizer *t)
{
	if (t->err)
		return t->err;

	for (;;)
	{
		int32_t		c = 0;
		size_t		cstart = 0,
					cend = 0;
		int			cl,
					r;

		if (t->didx < t->dlen)
		{
			/* continue with the decomposition of the previous character */
			c = t->dbuf[t->didx++];
			cstart = t->dstart;
			cend = t->dend;
			cl = classify(c);
		}
		else if (t->pos >= t->len)
		{
			if (t->intok)
				return finish(t);
			return 0;
		}
		else
		{
			unsigned char b = t->src[t->pos];

			if (t->pos >= t->next_poll)
			{
				t->next_poll = t->pos + NX_POLL_BYTES;
				if (nx_interrupted(t->a))
					return t->err = NX_EINTR;
			}
			r = b < 0x80 ? ascii_step(t) : utf8_step(t, &c, &cstart, &cend);
			if (r < 0)
				return t->err = r;
			if (r == STEP_FINISH)
				return finish(t);
			if (r == STEP_NEXT)
				continue;
			cl = classify(c);
		}

		switch (cl)
		{
			case CL_WORD:
				if (append_cp(t, c, cstart, cend) != NX_OK)
					return t->err = NX_ENOMEM;
				break;
			case CL_SKIP:
				if (t->intok)
					t->tok.end = cend;
				break;
			case CL_SINGLE:
				if (t->intok)
				{
					/* close the open token first, see this code point again */
					t->didx--;
					return finish(t);
				}
				if (append_cp(t, c, cstart, cend) != NX_OK)
					return t->err = NX_ENOMEM;
				return finish(t);
			default:
				if (t->intok)
					return finish(t);
				break;
		}
	}
}
