/*
 * ner_tok.c - CoNLL-style tokenizer and sentence splitter for the entity tagger.
 */
#include <string.h>
#include <utf8proc.h>

#include "ner_tok.h"

uint32_t
nx_utf8_decode(const unsigned char *s, size_t n, int *len)
{
	uint32_t	c = s[0];
	int			need;
	uint32_t	min;

	if (c < 0x80)
	{
		*len = 1;
		return c;
	}
	if ((c & 0xE0) == 0xC0)
	{
		need = 1;
		c &= 0x1F;
		min = 0x80;
	}
	else if ((c & 0xF0) == 0xE0)
	{
		need = 2;
		c &= 0x0F;
		min = 0x800;
	}
	else if ((c & 0xF8) == 0xF0)
	{
		need = 3;
		c &= 0x07;
		min = 0x10000;
	}
	else
	{
		*len = 1;
		return 0xFFFD;
	}
	if ((size_t) need >= n)
	{
		*len = 1;
		return 0xFFFD;
	}
	for (int i = 1; i <= need; i++)
	{
		if ((s[i] & 0xC0) != 0x80)
		{
			*len = 1;
			return 0xFFFD;
		}
		c = (c << 6) | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
	{
		*len = 1;
		return 0xFFFD;
	}
	*len = need + 1;
	return c;
}

int
nx_cp_is_word(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
	if (cp == 0xFFFD)
		return 0;
	switch (utf8proc_category((utf8proc_int32_t) cp))
	{
		case UTF8PROC_CATEGORY_LU:
		case UTF8PROC_CATEGORY_LL:
		case UTF8PROC_CATEGORY_LT:
		case UTF8PROC_CATEGORY_LM:
		case UTF8PROC_CATEGORY_LO:
		case UTF8PROC_CATEGORY_MN:
		case UTF8PROC_CATEGORY_MC:
		case UTF8PROC_CATEGORY_ME:
		case UTF8PROC_CATEGORY_ND:
		case UTF8PROC_CATEGORY_NL:
		case UTF8PROC_CATEGORY_NO:
			return 1;
		default:
			return 0;
	}
}

int
nx_cp_is_space(uint32_t cp)
{
	if (cp < 0x80)
		return cp == ' ' || (cp >= 0x09 && cp <= 0x0D);
	if (cp == 0x85 || cp == 0xA0 || cp == 0xFEFF || cp == 0x200B)
		return 1;
	switch (utf8proc_category((utf8proc_int32_t) cp))
	{
		case UTF8PROC_CATEGORY_ZS:
		case UTF8PROC_CATEGORY_ZL:
		case UTF8PROC_CATEGORY_ZP:
			return 1;
		default:
			return 0;
	}
}

int
nx_cp_is_upper(uint32_t cp)
{
	utf8proc_category_t c;

	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	if (cp == 0xFFFD)
		return 0;
	c = utf8proc_category((utf8proc_int32_t) cp);
	return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

int
nx_cp_is_lower(uint32_t cp)
{
	if (cp < 0x80)
		return cp >= 'a' && cp <= 'z';
	if (cp == 0xFFFD)
		return 0;
	return utf8proc_category((utf8proc_int32_t) cp) == UTF8PROC_CATEGORY_LL;
}

static int
is_newline(uint32_t cp)
{
	return cp == '\n' || cp == '\r' || cp == 0x0B || cp == 0x0C || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
}

static int
is_apostrophe(uint32_t cp)
{
	return cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x02BC;
}

static int
is_hyphen(uint32_t cp)
{
	return cp == '-' || cp == 0x2010 || cp == 0x2011;
}

/* abbreviations that keep their period (lower-cased, without the period) */
static const char *const abbrevs[] = {
	"mr", "mrs", "ms", "dr", "prof", "st", "gen", "col", "lt", "sgt", "capt", "gov", "sen",
	"rep", "jr", "sr", "inc", "corp", "co", "ltd", "bros", "jan", "feb", "mar", "apr", "jun",
	"jul", "aug", "sep", "sept", "oct", "nov", "dec", "vs", "mt", "ft", "ave", "rev", "hon",
	"adm", "maj", "cmdr", "messrs", "pres", "supt", "dept", "plc", "cie", "mme", "mlle", "fr",
	"cf", "approx", "ca", "no", "nos", "pp", "op", "vol", NULL
};

static int
is_abbrev(const char *s, size_t n)
{
	char		buf[8];

	if (n == 0 || n >= sizeof(buf))
		return 0;
	for (size_t i = 0; i < n; i++)
	{
		unsigned char c = (unsigned char) s[i];

		if (c >= 'A' && c <= 'Z')
			c = (unsigned char) (c + 32);
		else if (!(c >= 'a' && c <= 'z'))
			return 0;
		buf[i] = (char) c;
	}
	buf[n] = 0;
	for (int i = 0; abbrevs[i]; i++)
		if (strcmp(buf, abbrevs[i]) == 0)
			return 1;
	return 0;
}

typedef struct
{
	const unsigned char *s;
	size_t		n;
} src_t;

static inline uint32_t
cp_at(const src_t *src, size_t p, int *len)
{
	if (p >= src->n)
	{
		*len = 0;
		return 0;
	}
	if (src->s[p] < 0x80)
	{
		*len = 1;
		return src->s[p];
	}
	return nx_utf8_decode(src->s + p, src->n - p, len);
}

static inline int
ascii_word(uint32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static inline int
is_word_cp(uint32_t c)
{
	return c < 0x80 ? ascii_word(c) : nx_cp_is_word(c);
}

/* ASCII fast paths of the code point classes */
static inline int
space_cp(uint32_t c)
{
	return c < 0x80 ? (c == ' ' || (c >= 0x09 && c <= 0x0D)) : nx_cp_is_space(c);
}

static inline int
upper_cp(uint32_t c)
{
	return c < 0x80 ? (c >= 'A' && c <= 'Z') : nx_cp_is_upper(c);
}

static inline int
lower_cp(uint32_t c)
{
	return c < 0x80 ? (c >= 'a' && c <= 'z') : nx_cp_is_lower(c);
}

static inline int
word_at(const src_t *src, size_t p)
{
	int			l;

	if (p >= src->n)
		return 0;
	return is_word_cp(cp_at(src, p, &l));
}

static inline int
digit_at(const src_t *src, size_t p)
{
	return p < src->n && src->s[p] >= '0' && src->s[p] <= '9';
}

static inline int
alpha_at(const src_t *src, size_t p)
{
	int			l;
	uint32_t	c;

	if (p >= src->n)
		return 0;
	c = cp_at(src, p, &l);
	return is_word_cp(c) && !(c >= '0' && c <= '9');
}

/* length of a clitic ('s, 've, 're, 'll, 'd, 'm, 't) starting right after the apostrophe at p+alen */
static size_t
clitic_len(const src_t *src, size_t p)
{
	static const char *const cl[] = {"s", "ve", "re", "ll", "d", "m", NULL};

	for (int i = 0; cl[i]; i++)
	{
		size_t		k = strlen(cl[i]);
		size_t		j;

		if (p + k > src->n)
			continue;
		for (j = 0; j < k; j++)
		{
			unsigned char c = src->s[p + j];

			if (c >= 'A' && c <= 'Z')
				c = (unsigned char) (c + 32);
			if (c != (unsigned char) cl[i][j])
				break;
		}
		if (j == k && !word_at(src, p + k))
			return k;
	}
	return 0;
}

/* scan a word starting at p; returns its end */
static size_t
scan_word(const src_t *src, size_t p)
{
	size_t		start = p;
	size_t		seg_start = p;	/* start of the current period-separated segment */
	int			l;
	uint32_t	c;

	for (;;)
	{
		/* a run of word characters */
		while (p < src->n)
		{
			c = cp_at(src, p, &l);
			if (!is_word_cp(c))
				break;
			/* n't: stop before the n */
			if ((c == 'n' || c == 'N') && p + 1 < src->n && p > start)
			{
				int			l2;
				uint32_t	c2 = cp_at(src, p + 1, &l2);

				if (is_apostrophe(c2) && p + 1 + l2 < src->n &&
					(src->s[p + 1 + l2] == 't' || src->s[p + 1 + l2] == 'T') &&
					!word_at(src, p + 2 + l2))
					return p;
			}
			p += l;
		}
		if (p >= src->n)
			return p;
		c = cp_at(src, p, &l);
		if (is_hyphen(c) && word_at(src, p + l))
		{
			p += l;
			seg_start = p;
			continue;
		}
		if ((c == '.' || c == ',' || c == '/' || c == ':') && p > start && digit_at(src, p - 1) && digit_at(src, p + 1))
		{
			/* 1.5, 3,000, 1/2, 10:30 */
			p += 1;
			seg_start = p;
			continue;
		}
		if (c == '&' && p > start && nx_cp_is_upper(src->s[p - 1]) && p + 1 < src->n && nx_cp_is_upper(src->s[p + 1]))
		{
			p += 1;				/* AT&T, S&P */
			continue;
		}
		if (c == '.')
		{
			/* U.S., U.S.A., a.m.: single-letter segments */
			if (p - seg_start == 1 && alpha_at(src, seg_start) && alpha_at(src, p + 1) &&
				p + 2 < src->n && src->s[p + 2] == '.')
			{
				p += 1;
				seg_start = p;
				continue;
			}
			if (p - seg_start == 1 && alpha_at(src, seg_start) && seg_start > start && src->s[seg_start - 1] == '.')
				return p + 1;	/* final period of U.S. */
			if (p - start == 1 && nx_cp_is_upper(src->s[start]))
				return p + 1;	/* initial: "F." */
			if (seg_start == start && is_abbrev((const char *) src->s + start, p - start))
			{
				/* "No." only before a number */
				if ((p - start == 2 && (src->s[start] | 32) == 'n' && (src->s[start + 1] | 32) == 'o') ||
					(p - start == 3 && (src->s[start] | 32) == 'n'))
				{
					size_t		q = p + 1;

					while (q < src->n && src->s[q] == ' ')
						q++;
					if (!digit_at(src, q))
						return p;
				}
				return p + 1;
			}
			return p;
		}
		if (is_apostrophe(c))
		{
			if (clitic_len(src, p + l) > 0)
				return p;		/* Assad's -> Assad 's */
			if (alpha_at(src, p + l) && p > start)
			{
				p += l;			/* O'Neill, d'Ivoire */
				continue;
			}
			return p;
		}
		return p;
	}
}

static int
grow(nx_ner_tokens *t, const nx_allocator *a)
{
	size_t		ncap = t->cap ? t->cap * 2 : 256;
	nx_ner_token *n = nx_resize(a, t->tok, t->cap * sizeof(nx_ner_token), ncap * sizeof(nx_ner_token));

	if (!n)
		return -1;
	t->tok = n;
	t->cap = ncap;
	return 0;
}

static int
is_sent_final(const src_t *src, const nx_ner_token *t)
{
	if (t->end - t->start == 1)
	{
		unsigned char c = src->s[t->start];

		return c == '.' || c == '?' || c == '!';
	}
	/* "..." */
	if (t->end - t->start >= 2 && src->s[t->start] == '.' && src->s[t->end - 1] == '.')
		return 1;
	return 0;
}

static int
is_closer(const src_t *src, const nx_ner_token *t)
{
	int			l;
	uint32_t	c = cp_at(src, t->start, &l);

	return (int) (t->end - t->start) == l &&
		(c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D || c == 0x2019 || c == 0xBB);
}

void
nx_ner_tokens_free(nx_ner_tokens *t, const nx_allocator *a)
{
	nx_free(a, t->tok);
	nx_free(a, t->sent);
	memset(t, 0, sizeof(*t));
}

/* token flags of an ASCII byte: NX_TF_HAS_UPPER, NX_TF_HAS_LOWER or NX_TF_HAS_DIGIT */
static uint16_t ascii_flags[0x80];
static int	ascii_flags_ready = 0;

/* where the token starting at p (code point c of l bytes) ends */
static size_t
token_end(const src_t *src, size_t p, uint32_t c, int l)
{
	size_t		e;

	if (is_word_cp(c))
		e = scan_word(src, p);
	else if (is_apostrophe(c) && clitic_len(src, p + l) > 0 && p > 0 && word_at(src, p - 1))
		e = p + l + clitic_len(src, p + l);
	else if (is_apostrophe(c) && p > 0 && (src->s[p - 1] == 'n' || src->s[p - 1] == 'N') &&
			 p + l < src->n && (src->s[p + l] == 't' || src->s[p + l] == 'T') && !word_at(src, p + l + 1))
	{
		/* should not happen: n't is split inside scan_word */
		e = p + l + 1;
	}
	else if (c == '.' || c == '-' || c == '=' || c == '*' || c == '_')
	{
		/* runs: ..., --, === */
		e = p + 1;
		while (e < src->n && src->s[e] == src->s[p])
			e++;
	}
	else
		e = p + l;
	if (e <= p)
		e = p + l;			/* never loop forever */

	/* n't glued to the previous word: "do" + "n't" */
	if (is_word_cp(c) && (c == 'n' || c == 'N') && e == p)
		e = p + 1;
	return e;
}

/* the character-class flags of token t; notes upper/lower-case letters on its line */
static void
token_flags(const src_t *src, nx_ner_token *t, int *line_has_upper, int *line_has_lower)
{
	size_t		p = t->start,
				e = t->end;
	size_t		q = p;
	int			first = 1;
	uint32_t	acc = 0;

	/* ASCII tokens (most of them): the same flags from a table */
	while (q < e && src->s[q] < 0x80)
		acc |= ascii_flags[src->s[q++]];
	if (q == e)
	{
		unsigned char c0 = src->s[p];

		t->flags |= acc;
		if (c0 >= 'A' && c0 <= 'Z')
			t->flags |= NX_TF_UPPER_INIT;
		if (ascii_word(c0))
			t->flags |= NX_TF_WORD;
		if (acc & NX_TF_HAS_UPPER)
			*line_has_upper = 1;
		if (acc & NX_TF_HAS_LOWER)
			*line_has_lower = 1;
	}
	q = (q == e) ? e : p;
	while (q < e)
	{
		int			l2;
		uint32_t	c2 = cp_at(src, q, &l2);

		if (c2 >= 0x80)
		{
			t->flags |= NX_TF_NONASCII;
			/* scripts without case: Arabic, CJK, Cyrillic is cased but not Latin */
			if (c2 >= 0x0370 && is_word_cp(c2) && !(c2 >= 0x1E00 && c2 <= 0x1EFF) &&
				!(c2 >= 0x2000 && c2 <= 0x2BFF))
				t->flags |= NX_TF_FOREIGN;
		}
		if (upper_cp(c2))
		{
			t->flags |= NX_TF_HAS_UPPER;
			if (first)
				t->flags |= NX_TF_UPPER_INIT;
			*line_has_upper = 1;
		}
		else if (lower_cp(c2))
		{
			t->flags |= NX_TF_HAS_LOWER;
			*line_has_lower = 1;
		}
		else if (c2 >= '0' && c2 <= '9')
			t->flags |= NX_TF_HAS_DIGIT;
		if (first && is_word_cp(c2))
			t->flags |= NX_TF_WORD;
		first = 0;
		q += l2;
	}
	if ((t->flags & NX_TF_UPPER_INIT) && !(t->flags & NX_TF_HAS_LOWER))
		t->flags |= NX_TF_ALL_UPPER;
}

/* sentence starts, and the sentence index out->sent; -1 when memory ran out */
static int
mark_sentences(const src_t *src, nx_ner_tokens *out, const nx_allocator *a)
{
	/* sentences: a line start, or after . ? ! (and closing quotes) before a capital, digit or quote */
	for (size_t i = 1; i < out->ntok; i++)
	{
		nx_ner_token *prev = &out->tok[i - 1];

		if (out->tok[i].flags & NX_TF_SENT_START)
			continue;
		if (is_sent_final(src, prev) ||
			(i >= 2 && is_closer(src, prev) && is_sent_final(src, &out->tok[i - 2])))
		{
			nx_ner_token *t = &out->tok[i];

			if (is_closer(src, t))
				continue;
			if ((t->flags & (NX_TF_UPPER_INIT | NX_TF_HAS_DIGIT)) || !(t->flags & NX_TF_WORD))
				t->flags |= NX_TF_SENT_START;
		}
	}
	if (out->ntok > 0)
		out->tok[0].flags |= NX_TF_SENT_START;
	{
		size_t		ns = 0;

		for (size_t i = 0; i < out->ntok; i++)
			if (out->tok[i].flags & NX_TF_SENT_START)
				ns++;
		out->sent = nx_alloc(a, (ns + 1) * sizeof(uint32_t));
		if (!out->sent)
			return -1;
		ns = 0;
		for (size_t i = 0; i < out->ntok; i++)
			if (out->tok[i].flags & NX_TF_SENT_START)
				out->sent[ns++] = (uint32_t) i;
		out->sent[ns] = (uint32_t) out->ntok;
		out->nsent = ns;
	}
	return 0;
}

int
nx_ner_tokenize(const char *text, size_t len, const nx_allocator *a, nx_ner_tokens *out)
{
	src_t		src = {(const unsigned char *) text, len};
	size_t		p = 0;
	int			newline = 1;
	size_t		line_first = 0;
	int			line_has_upper = 0,
				line_has_lower = 0;
	size_t		iter = 0;

	memset(out, 0, sizeof(*out));
	if (len > UINT32_MAX)
		return -1;
	if (!ascii_flags_ready)
	{
		for (int c = 0; c < 0x80; c++)
			ascii_flags[c] = (c >= 'A' && c <= 'Z') ? NX_TF_HAS_UPPER : (c >= 'a' && c <= 'z') ? NX_TF_HAS_LOWER :
				(c >= '0' && c <= '9') ? NX_TF_HAS_DIGIT : 0;
		ascii_flags_ready = 1;
	}

	while (p < len)
	{
		int			l;
		uint32_t	c = cp_at(&src, p, &l);
		size_t		e;
		nx_ner_token *t;

		if ((++iter & 4095) == 0 && nx_interrupted(a))
			goto fail;
		if (space_cp(c))
		{
			if (is_newline(c))
				newline = 1;
			p += l;
			continue;
		}
		e = token_end(&src, p, c, l);

		if (out->ntok == out->cap && grow(out, a) < 0)
			goto fail;
		t = &out->tok[out->ntok];
		t->start = (uint32_t) p;
		t->end = (uint32_t) e;
		t->flags = 0;
		if (newline)
		{
			/* close the previous line: caps flag */
			if (out->ntok > 0 && line_has_upper && !line_has_lower)
				for (size_t i = line_first; i < out->ntok; i++)
					out->tok[i].flags |= NX_TF_CAPS_LINE;
			line_first = out->ntok;
			line_has_upper = line_has_lower = 0;
			t->flags |= NX_TF_LINE_START | NX_TF_SENT_START;
			newline = 0;
		}
		token_flags(&src, t, &line_has_upper, &line_has_lower);
		out->ntok++;
		p = e;
	}
	if (out->ntok > 0 && line_has_upper && !line_has_lower)
		for (size_t i = line_first; i < out->ntok; i++)
			out->tok[i].flags |= NX_TF_CAPS_LINE;

	if (mark_sentences(&src, out, a) < 0)
		goto fail;
	return 0;

fail:
	nx_ner_tokens_free(out, a);
	return -1;
}
