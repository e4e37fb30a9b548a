/* dates.c - recognising date lines and dates inside datelines */
#include <string.h>

#include "dates.h"
#include "nx_text.h"

typedef enum
{
	TK_WORD,
	TK_NUM,
	TK_PUNCT,
	TK_END
} tok_kind;

typedef struct
{
	tok_kind	kind;
	const char *s;
	size_t		n;
} tok;

static const char *const month_names[] = {
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december"
};

static int
is_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

int
nx_date_valid(int year, int month, int day)
{
	static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (month < 1 || month > 12 || day < 1 || day > mdays[month - 1])
		return 0;
	if (year != 0 && (year < 1800 || year > 2199))
		return 0;
	if (month == 2 && day == 29 && year != 0 &&
		!((year % 4 == 0 && year % 100 != 0) || year % 400 == 0))
		return 0;
	return 1;
}

int
nx_month_number(const char *s, size_t n)
{
	int			m;

	if (n < 3)
		return 0;
	for (m = 0; m < 12; m++)
	{
		size_t		full = strlen(month_names[m]);

		if (n == full && nx_strncaseeq(s, month_names[m], n))
			return m + 1;
		/* three-letter abbreviations, plus "Sept" */
		if (n == 3 && nx_strncaseeq(s, month_names[m], 3))
			return m + 1;
		if (n == 4 && m == 8 && nx_strncaseeq(s, "sept", 4))
			return 9;
	}
	return 0;
}

static int
word_in(const tok *t, const char *const *list)
{
	for (; *list; list++)
		if (nx_word_eq_ci(t->s, t->n, *list))
			return 1;
	return 0;
}

static const char *const weekdays[] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", NULL
};
static const char *const published_words[] = {"published", "posted", "first", "created", "issued", "released", NULL};
static const char *const updated_words[] = {"updated", "modified", "last", "edited", "revised", NULL};
static const char *const filler_words[] = {
	"on", "at", "the", "of", "date", "time", "am", "pm", "a", "m", "p", "h", "hrs",
	"gmt", "utc", "bst", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "cet", "cest",
	"ist", "jst", "aest", "aedt", "et", "pt", "ct", "z", "hkt", "sgt", "msk", "eet", "eest", "wat",
	"t", NULL
};

/* splits [s, s+n) into word, number and punctuation tokens; non-ASCII bytes are words */
static int
tokenize_line(const char *s, size_t n, tok *toks, int max)
{
	size_t		i = 0;
	int			nt = 0;

	while (i < n && nt < max - 1)
	{
		unsigned char c = (unsigned char) s[i];
		size_t		j = i;

		if (nx_is_space(c))
		{
			i++;
			continue;
		}
		if (is_digit(c))
		{
			while (j < n && is_digit((unsigned char) s[j]))
				j++;
			toks[nt].kind = TK_NUM;
		}
		else if (is_alpha(c) || c >= 0x80)
		{
			while (j < n && (is_alpha((unsigned char) s[j]) || (unsigned char) s[j] >= 0x80))
				j++;
			toks[nt].kind = TK_WORD;
		}
		else
		{
			j = i + 1;
			toks[nt].kind = TK_PUNCT;
		}
		toks[nt].s = s + i;
		toks[nt].n = j - i;
		nt++;
		i = j;
	}
	toks[nt].kind = TK_END;
	toks[nt].s = s + n;
	toks[nt].n = 0;
	return (i < n) ? -1 : nt;
}

static int
num_value(const tok *t)
{
	int			v = 0;
	size_t		i;

	if (t->kind != TK_NUM || t->n > 4)
		return -1;
	for (i = 0; i < t->n; i++)
		v = v * 10 + (t->s[i] - '0');
	return v;
}

static int
is_punct(const tok *t, char c)
{
	return t->kind == TK_PUNCT && t->s[0] == c;
}

static int
is_ordinal(const tok *t)
{
	static const char *const ord[] = {"st", "nd", "rd", "th", NULL};

	return t->kind == TK_WORD && word_in(t, ord);
}

/* month token, with an optional abbreviation period; returns tokens used */
static int
match_month(const tok *t, int *month)
{
	if (t->kind != TK_WORD)
		return 0;
	*month = nx_month_number(t->s, t->n);
	if (*month == 0)
		return 0;
	return is_punct(&t[1], '.') ? 2 : 1;
}

static int
match_day(const tok *t, int *day)
{
	int			v = num_value(t);

	if (v < 1 || v > 31 || t->n > 2)
		return 0;
	*day = v;
	return is_ordinal(&t[1]) ? 2 : 1;
}

static int
match_year(const tok *t, int *year)
{
	int			v = num_value(t);

	if (t->n != 4 || v < 1800 || v > 2199)
		return 0;
	*year = v;
	return 1;
}

/*
 * Tries every date form at t; returns tokens used (0 = none). Year stays 0 when
 * absent and allow_no_year is set.
 */
static int
match_date(const tok *t, int allow_no_year, nx_date *d)
{
	int			k = 0,
				u;
	nx_date		r = {0, 0, 0};

	/* ISO: 2016-09-04 */
	if (match_year(t, &r.year) && is_punct(&t[1], '-') && t[2].kind == TK_NUM && t[2].n <= 2 &&
		is_punct(&t[3], '-') && t[4].kind == TK_NUM && t[4].n <= 2)
	{
		r.month = num_value(&t[2]);
		r.day = num_value(&t[4]);
		if (nx_date_valid(r.year, r.month, r.day))
		{
			*d = r;
			return 5;
		}
		return 0;
	}
	/* numeric with slashes or dots: US month/day/year, day/month/year when the first is over 12 */
	if (t[0].kind == TK_NUM && t[0].n <= 2 && (is_punct(&t[1], '/') || is_punct(&t[1], '.')) &&
		t[2].kind == TK_NUM && t[2].n <= 2 && t[3].kind == TK_PUNCT && t[3].s[0] == t[1].s[0] &&
		match_year(&t[4], &r.year))
	{
		int			a = num_value(&t[0]),
					b = num_value(&t[2]);

		if (t[1].s[0] == '.' || a > 12)
		{
			r.day = a;
			r.month = b;
		}
		else
		{
			r.month = a;
			r.day = b;
		}
		if (nx_date_valid(r.year, r.month, r.day))
		{
			*d = r;
			return 5;
		}
		return 0;
	}
	/* day first: 4 September 2016, 04 September, 2016, 4th of September 2016, 26-FEB-1987 */
	if ((u = match_day(t, &r.day)) > 0)
	{
		k = u;
		if (is_punct(&t[k], '-') || is_punct(&t[k], '.'))
			k++;
		else if (t[k].kind == TK_WORD && t[k].n == 2 && nx_strncaseeq(t[k].s, "of", 2))
			k++;
		if ((u = match_month(&t[k], &r.month)) == 0)
			return 0;
		k += u;
		if (is_punct(&t[k], '-') || is_punct(&t[k], ','))
			k++;
		if ((u = match_year(&t[k], &r.year)) > 0)
			k += u;
		else if (!allow_no_year)
			return 0;
		else if (is_punct(&t[k - 1], ',') || is_punct(&t[k - 1], '-'))
			k--;
		if (!nx_date_valid(r.year, r.month, r.day))
			return 0;
		*d = r;
		return k;
	}
	/* month first: September 4, 2016; Sept. 4 2016; Feb 26; April 1 , 1997 */
	if ((u = match_month(t, &r.month)) > 0)
	{
		k = u;
		if ((u = match_day(&t[k], &r.day)) == 0)
			return 0;
		k += u;
		if (is_punct(&t[k], ',') && (u = match_year(&t[k + 1], &r.year)) > 0)
			k += 1 + u;
		else if ((u = match_year(&t[k], &r.year)) > 0)
			k += u;
		else if (!allow_no_year)
			return 0;
		if (!nx_date_valid(r.year, r.month, r.day))
			return 0;
		*d = r;
		return k;
	}
	return 0;
}

#define MAX_LINE_TOKENS 48

nx_date_label
nx_date_line(const char *s, size_t n, nx_date *out)
{
	tok			toks[MAX_LINE_TOKENS + 8];
	int			nt,
				i = 0;
	nx_date_label label = NX_DATE_PLAIN;
	nx_date_label best = NX_DATE_NONE;
	nx_date		best_date = {0, 0, 0};
	int			dates = 0;

	nx_trim(&s, &n);
	if (n == 0 || n > 200)
		return NX_DATE_NONE;
	nt = tokenize_line(s, n, toks, MAX_LINE_TOKENS);
	if (nt <= 0)
		return NX_DATE_NONE;
	/* room for lookahead past the end */
	for (i = nt + 1; i < MAX_LINE_TOKENS + 8; i++)
		toks[i] = toks[nt];

	/* wire timestamp: 26-FEB-1987 15:01:01.79 */
	if (nt >= 7 && toks[0].kind == TK_NUM && is_punct(&toks[1], '-') && toks[2].kind == TK_WORD &&
		is_punct(&toks[3], '-') && toks[4].n == 4 && toks[5].kind == TK_NUM && is_punct(&toks[6], ':'))
	{
		nx_date		d;

		if (match_date(toks, 0, &d) == 5)
		{
			*out = d;
			return NX_DATE_WIRE;
		}
	}

	i = 0;
	while (i < nt)
	{
		const tok  *t = &toks[i];
		nx_date		d;
		int			used;

		if ((used = match_date(t, 0, &d)) > 0)
		{
			dates++;
			if (label > best)
			{
				best = label;
				best_date = d;
			}
			i += used;
			continue;
		}
		if (t->kind == TK_PUNCT)
		{
			/* separators and the pieces of times, zones and labels */
			if (strchr(",.:;|/-()[]+", t->s[0]) == NULL &&
				!((unsigned char) t->s[0] >= 0x80))
				return NX_DATE_NONE;
			i++;
			continue;
		}
		if (t->kind == TK_NUM)
		{
			/* times: 15:01, 15:01:01.79, 10h30, and zone offsets */
			if (t->n <= 2 && (is_punct(&t[1], ':') || is_punct(&t[1], '.') ||
							  (t[1].kind == TK_WORD && t[1].n == 1 && (t[1].s[0] == 'h' || t[1].s[0] == 'H'))))
			{
				i += 2;
				continue;
			}
			if (i > 0 && (is_punct(&t[-1], ':') || is_punct(&t[-1], '.') || is_punct(&t[-1], '+') ||
						  (t[-1].kind == TK_WORD && t[-1].n == 1)))
			{
				i++;
				continue;
			}
			/* a short number after a time (e.g. the 79 of .79) or an offset: allowed; others not */
			return NX_DATE_NONE;
		}
		/* words */
		if (word_in(t, published_words))
			label = NX_DATE_PUBLISHED;
		else if (word_in(t, updated_words))
			label = NX_DATE_UPDATED;
		else if (!word_in(t, weekdays) && !word_in(t, filler_words))
			return NX_DATE_NONE;
		i++;
	}
	if (dates == 0)
		return NX_DATE_NONE;
	*out = best_date;
	return best;
}

size_t
nx_date_scan(const char *s, size_t n, int allow_no_year, nx_date *out)
{
	tok			toks[16];
	int			nt,
				used,
				i;
	nx_date		d;
	size_t		len = n < 40 ? n : 40;

	/* tokenise a short prefix; a partial last token is harmless because dates end before it */
	for (;;)
	{
		nt = tokenize_line(s, len, toks, 12);
		if (nt >= 0 || len == 0)
			break;
		len--;
	}
	if (nt <= 0)
		return 0;
	for (i = nt + 1; i < 16; i++)
		toks[i] = toks[nt];
	used = match_date(toks, allow_no_year, &d);
	if (used == 0)
		return 0;
	/* do not accept a number that continues past the scanned prefix */
	if (used >= nt && len < n && is_digit((unsigned char) s[len]))
		return 0;
	*out = d;
	return (size_t) (toks[used - 1].s + toks[used - 1].n - s);
}
