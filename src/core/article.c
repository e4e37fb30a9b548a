/*
 * article.c - segmenting plain-text news into header fields, captions and body.
 *
 * One pass splits the text into lines; each line is classified (date line, byline,
 * reading time, caption, boilerplate, dateline line, content). The header is the
 * run of lines before the first body paragraph; only header lines (and labelled
 * "Published:"/"Updated:" lines anywhere) give the publication date, so dates in
 * the body never do.
 */
#include <string.h>

#include "article.h"
#include "byline.h"
#include "langid.h"
#include "ner_tok.h"
#include "nx_text.h"
#include "regex.h"
#include "wire_dateline.h"

/* lines longer than this are prose, never meta lines: bounds the regex work per line */
#define META_LINE_MAX 400
#define HEADLINE_MAX_BYTES 300
#define HEADLINE_MAX_WORDS 30
/* the header block (standfirst, byline, date lines) is at most this many non-blank lines */
#define HEADER_MAX_LINES 16
/* a standfirst has at most this many paragraphs */
#define STANDFIRST_MAX_PARAS 4
/* a summary phrase under the meta lines has at least this many words (sub-headings have fewer) */
#define SUMMARY_MIN_WORDS 8
/* a teaser that ends like a sentence is at most this many words, the lead at least twice as many */
#define TEASER_MAX_WORDS 50
/* a credit after a date ("Source: Reuters"): its label ends within this many bytes, its value is at most this long */
#define CREDIT_LABEL_MAX 24
#define CREDIT_VALUE_MAX 40
/* a place before a date line ("Madrid - 14 feb 2024") ends within this many bytes */
#define PLACE_BEFORE_DATE_MAX 40
/* section labels above the headline: at most this long, this many lines, under a headline of at least this many words */
#define BARE_TIME_MAX 16			/* "6:02 p.m. EDT" alone on a line */
#define KICKER_MAX_BYTES 60			/* kicker_line: in characters */
#define CASELESS_NAME_WORDS 4		/* "أحمد علي", "राहुल कुमार": a name line without capitals */
#define AGENCY_TAG_MAX 30			/* "(Reuters)", "(Associated Press)" */
#define KICKER_MAX_LINES 3
#define MENU_MIN_LINES 3			/* a menu has three items or more: one or two short lines may be a headline */
#define MENU_MAX_LINES 24
#define MENU_ITEM_MAX_BYTES 40
#define FURNITURE_MIN_LINES 3		/* share buttons: "Share" / "Copy link" / "Email" */
#define FURNITURE_LEAD_MIN_BYTES 40	/* the paragraph after the buttons */
#define KICKER_HEADLINE_MIN_WORDS 4
#define CASELESS_CHARS_PER_WORD 3	/* line_words: Chinese, Japanese, Thai */
/* a site's name after a bar in a page title is at most this long */
#define SITE_NAME_MAX 40
/* a name line over an outlet or role line is at most this long */
#define NAME_ABOVE_ROLE_MAX 40
/* a place on its own line between byline and date: "Santiago de Compostela" */
#define PLACE_LINE_MAX_BYTES 40
#define HANDLE_MAX_BYTES 31		/* "@janedoe" alone on a line */
/* a caption over its credit line, and the credit: "Travis Heinz/AP", "Jan Novak / Agencja Foto" */
#define CAPTION_OVER_CREDIT_MAX 400
#define CREDIT_LINE_MAX_WORDS 6
#define CREDIT_LINE_MAX_BYTES 100

typedef enum line_kind
{
	LK_BLANK,
	LK_CONTENT,
	LK_DATE,
	LK_READING,
	LK_BYLINE,
	LK_CAPTION,
	LK_BOILERPLATE,
	LK_DATELINE_LINE,			/* BRUSSELS 1996-08-22 on a line of its own */
	LK_META_TIME,				/* "Updated 4:12 p.m. ET": header meta, no date */
	LK_META_SEGMENTS,			/* "By Jane Doe | 4 September 2016 | 3 min read" */
	LK_PLACE_LINE				/* "Brasília" between the byline and the date: where it was filed */
} line_kind;

typedef struct line
{
	const char *s;				/* trimmed */
	size_t		n;
	size_t		width;			/* trimmed length as printed, before a dateline is cut off */
	int			indented;		/* started with white space: a paragraph start in wrapped text */
	int			classified;		/* kind (and date, names) set: lines are classified when first
								 * asked (kind_of), so a header-only parse leaves the body alone */
	line_kind	kind_cache;	/* read it through kind_of() */
	nx_date_label date_label;
	nx_date		date;
	const char *names;			/* LK_BYLINE: the names, without "By" and a date */
	size_t		names_n;
	const char *place;			/* LK_DATE: a place in capitals after the date ("... IST - CHENNAI") */
	size_t		place_n;
} line;

typedef struct parse_state
{
	const nx_allocator *a;
	nx_article *out;
	nx_date_label best_label;	/* the strongest date evidence so far */
	int			cap_alloc;		/* slots allocated in out->captions */
	int			failed;
	nx_date		dateline_date;	/* the lead's dateline date ("KUALA LUMPUR, April 1 -"), year or not */
} parse_state;

static int
group(const nx_re_groups *m, int g, const char *s, const char **gs, size_t *gn)
{
	if (g < 0 || m->start[g] == (size_t) -1)
		return 0;
	*gs = s + m->start[g];
	*gn = m->end[g] - m->start[g];
	return 1;
}

static int
named(nx_pattern p, const nx_re_groups *m, const char *name, const char *s, const char **gs, size_t *gn)
{
	return group(m, nx_re_group(p, name), s, gs, gn);
}

static void
offer_date(parse_state *st, nx_date_label label, nx_date d)
{
	if (label > st->best_label && d.year != 0)
	{
		st->best_label = label;
		st->out->published = d;
		st->out->has_published = 1;
	}
}

static char *
dup_squeezed(parse_state *st, const char *s, size_t n)
{
	char	   *r = nx_strndup_squeezed(st->a, s, n);

	if (r == NULL && n > 0)
	{
		const char *t = s;
		size_t		tn = n;

		nx_trim(&t, &tn);
		if (tn > 0)
			st->failed = 1;
	}
	return r;
}

static void classify(line *ln);
static size_t line_words(const char *s, size_t n);
static size_t next_text_line(line *lines, size_t nlines, size_t i);
static int	counter_line(const line *ln);

/*
 * The kind of a line, classified on first use. Logically const: the kind is a cache of the
 * line's own text (classify reads nothing else), so callers holding a const line may ask.
 */
static line_kind
kind_of(const line *ln)
{
	if (!ln->classified)
		classify((line *) ln);
	return ln->kind_cache;
}

/* the separators between the parts of a line, as sets for separator_at */
enum
{
	SEP_BAR = 1 << 0,			/* " | " */
	SEP_SLASH = 1 << 1,			/* " / " */
	SEP_HYPHEN = 1 << 2,		/* " - " */
	SEP_ANGLE = 1 << 3,			/* " > " */
	SEP_BULLET = 1 << 4,		/* " •" and " ·" (the space after is the segment's to trim) */
	SEP_DASH = 1 << 5,			/* " – ", " — " */
	SEP_GUILLEMET = 1 << 6,		/* " » ", " › " */
	SEP_COMMA = 1 << 7,			/* ", " */
	SEP_TIGHT_BAR = 1 << 8,		/* "|" without spaces: "News|Health" */
	/* between meta items on one line; in a place before a date; in a breadcrumb */
	SEP_SEGMENT = SEP_BAR | SEP_SLASH | SEP_BULLET,
	SEP_PLACE = SEP_HYPHEN | SEP_BAR | SEP_DASH,
	SEP_CRUMB = SEP_ANGLE | SEP_SLASH | SEP_BAR | SEP_GUILLEMET | SEP_TIGHT_BAR
};

/* the length of a separator of the set `kinds` at s, else 0 */
static size_t
separator_at(const char *s, size_t n, unsigned kinds)
{
	const unsigned char *u = (const unsigned char *) s;

	if ((kinds & SEP_COMMA) && n >= 2 && s[0] == ',' && s[1] == ' ')
		return 2;
	if ((kinds & SEP_TIGHT_BAR) && s[0] == '|')
		return 1;
	if (n < 3 || s[0] != ' ')
		return 0;
	if (s[2] == ' ' && (((kinds & SEP_BAR) && s[1] == '|') || ((kinds & SEP_SLASH) && s[1] == '/') ||
						((kinds & SEP_HYPHEN) && s[1] == '-') || ((kinds & SEP_ANGLE) && s[1] == '>')))
		return 3;
	if ((kinds & SEP_BULLET) && n >= 4 && u[1] == 0xE2 && u[2] == 0x80 && u[3] == 0xA2)
		return 4;
	if ((kinds & SEP_BULLET) && u[1] == 0xC2 && u[2] == 0xB7)
		return 3;
	if ((kinds & SEP_GUILLEMET) && n >= 4 && u[1] == 0xC2 && u[2] == 0xBB && s[3] == ' ')
		return 4;
	if ((kinds & (SEP_DASH | SEP_GUILLEMET)) && n >= 5 && u[1] == 0xE2 && u[2] == 0x80 && s[4] == ' ' &&
		(((kinds & SEP_DASH) && (u[3] == 0x93 || u[3] == 0x94)) || ((kinds & SEP_GUILLEMET) && u[3] == 0xBA)))
		return 5;
	return 0;
}

/* calls fn on each separated segment of a line, as a classified line of its own */
static int
for_each_segment(const line *ln, int (*fn) (void *arg, line *seg), void *arg)
{
	size_t		start = 0,
				i = 0,
				k;
	int			segments = 0;

	while (i <= ln->n)
	{
		k = i < ln->n ? separator_at(ln->s + i, ln->n - i, SEP_SEGMENT) : 1;
		if (k == 0)
		{
			i++;
			continue;
		}
		{
			line		seg;

			memset(&seg, 0, sizeof(seg));
			seg.s = ln->s + start;
			seg.n = i - start;
			nx_trim(&seg.s, &seg.n);
			seg.width = seg.n;
			classify(&seg);
			segments++;
			if (!fn(arg, &seg))
				return -1;
		}
		i += k;
		start = i;
	}
	return segments;
}

/* a short label beside a date on a meta line: "CBS News", "TOI News Desk", "Edited by Jane Doe", "6:32 PM" */
static int
credit_segment(const line *seg)
{
	for (size_t i = 0; i + 1 < seg->n; i++)
		if ((seg->s[i] == '.' || seg->s[i] == '!' || seg->s[i] == '?') && seg->s[i + 1] == ' ')
			return 0;
	return seg->n > 0 && seg->n <= CREDIT_VALUE_MAX && nx_count_words(seg->s, seg->n) <= 5;
}

typedef struct
{
	int			dates;			/* segments that give a date */
	int			meta;			/* segments that are meta lines themselves */
} segment_count;

/* counts date and meta segments; a segment that is neither meta nor a credit stops the walk */
static int
segment_is_meta(void *arg, line *seg)
{
	segment_count *sc = arg;
	line_kind	k = kind_of(seg);

	if (k == LK_DATE || (k == LK_BYLINE && seg->date_label != NX_DATE_NONE))
		sc->dates++;
	if (k != LK_DATE && k != LK_READING && k != LK_META_TIME && k != LK_BYLINE)
		return credit_segment(seg);
	sc->meta++;
	return 1;
}

/* every segment meta, or a date beside short credits ("March 20, 2024 / 6:32 PM / CBS News") */
static int
all_segments_meta(const line *ln)
{
	size_t		i;
	int			has_separator = 0,
				segments;
	segment_count sc = {0, 0};

	if (ln->n > 200)
		return 0;
	/* every separator has one of these bytes: most lines have none */
	if (!memchr(ln->s, '|', ln->n) && !memchr(ln->s, '/', ln->n) && !memchr(ln->s, 0xC2, ln->n) &&
		!memchr(ln->s, 0xE2, ln->n))
		return 0;
	for (i = 0; i < ln->n && !has_separator; i++)
		has_separator = separator_at(ln->s + i, ln->n - i, SEP_SEGMENT) > 0;
	if (!has_separator || (segments = for_each_segment(ln, segment_is_meta, &sc)) < 2)
		return 0;
	/* credits only beside a date: without one, every segment must be meta itself */
	return sc.dates > 0 || sc.meta == segments;
}

/* four ASCII digits in a row somewhere in s[0..n) */
static int
has_year_digits(const char *s, size_t n)
{
	int			run = 0;

	for (size_t i = 0; i < n; i++)
		if ((run = (s[i] >= '0' && s[i] <= '9') ? run + 1 : 0) == 4)
			return 1;
	return 0;
}

/* a dateline alone on its line needs its date: "BRUSSELS 1996-08-22" */
static int
dateline_line(line *ln)
{
	nx_re_groups	m;
	const char *gs;
	size_t		gn;
	nx_date		d;

	/* "By Ana Lima, March 7, 2021" is a byline with a date; the date needs a year (four
	 * digits), which rules out most lines with numbers before the costly pattern */
	if (nx_by_word(ln->s, ln->n) > 0 || !has_year_digits(ln->s, ln->n))
		return 0;
	if (nx_re_match(NX_RE_DATELINE, ln->s, ln->n, &m) == 1 &&
		named(NX_RE_DATELINE, &m, "date", ln->s, &gs, &gn) && m.end[0] == ln->n &&
		nx_date_scan(gs, gn, 1, &d) > 0 && d.year != 0)
	{
		nx_byline	by;

		/* "Jane Doe, Staff Writer, September 4, 2016" reads like "PORTLAND, Ore., Feb 26, 1987" */
		if (nx_byline_names_role_date(ln->s, ln->n, &by))
		{
			ln->kind_cache = LK_BYLINE;
			ln->names = by.names;
			ln->names_n = by.names_n;
			ln->date_label = by.date_label;
			ln->date = by.date;
			return 1;
		}
		ln->kind_cache = LK_DATELINE_LINE;
		ln->date = d;
		return 1;
	}
	return 0;
}

/*
 * The date prefix of a line (nx_date_line_prefix), read once for the two tests that want it:
 * is the whole line a date line (whole_date_line), and is it a byline after a date ("Posted
 * on <date> by ...", nx_byline_parse_dated). A line without digits has none. NULL when it was
 * not read: a line with digits too long to be a date line (the byline parser reads it then).
 */
static const nx_date_prefix *
read_date_prefix(const line *ln, int has_digit, nx_date_prefix *p)
{
	memset(p, 0, sizeof(*p));
	if (has_digit && ln->n > NX_DATE_LINE_MAX)
		return NULL;
	if (has_digit)
		p->label = nx_date_line_prefix(ln->s, ln->n, &p->date, &p->consumed);
	return p;
}

/* the label of the line when all of it is a date line (as nx_date_line), else NX_DATE_NONE */
static nx_date_label
whole_date_line(const line *ln, const nx_date_prefix *p)
{
	return p != NULL && p->label != NX_DATE_NONE && p->consumed == ln->n ? p->label : NX_DATE_NONE;
}

/* the byte length of a colon at s: ASCII or fullwidth (U+FF1A), else 0 */
static size_t
colon_len(const char *s, size_t n)
{
	if (n >= 1 && s[0] == ':')
		return 1;
	return n >= 3 && memcmp(s, "\xEF\xBC\x9A", 3) == 0 ? 3 : 0;
}

/*
 * The outlet or the place after the date that line[0, at) holds, behind a comma or a dash
 * (which the date's reading took in, with a "The"): "..., 10.00pm GMT, The Times", "... 09:41
 * pm IST - CHENNAI". At most four capitalised words, no digits, no sentence's end.
 */
static int
outlet_or_place_tail(const char *line, size_t at, size_t n)
{
	const char *s = line + at;
	size_t		tn = n - at,
				b = at,
				w = 0;

	nx_trim(&s, &tn);
	if (tn == 0 || tn > CREDIT_VALUE_MAX || nx_has_digit(s, tn) || memchr(s, ':', tn) != NULL ||
		s[tn - 1] == '.' || s[tn - 1] == '!' || s[tn - 1] == '?')
		return 0;
	/* back over white space and a "The" to the separator */
	while (b > 0 && line[b - 1] == ' ')
		b--;
	if (b >= 3 && nx_strncaseeq(line + b - 3, "the", 3))
		for (b -= 3; b > 0 && line[b - 1] == ' '; b--)
			;
	if (b == 0 || !(line[b - 1] == ',' || line[b - 1] == '-' || (b >= 3 && (unsigned char) line[b - 3] == 0xE2 &&
															   (unsigned char) line[b - 2] == 0x80)))
		return 0;
	for (size_t i = 0; i < tn; i++)
	{
		if (s[i] == ' ')
			continue;
		if (!((s[i] >= 'A' && s[i] <= 'Z') || (unsigned char) s[i] >= 0xC0) || ++w > 4)
			return 0;
		while (i < tn && s[i] != ' ')
			i++;
	}
	return w > 0;
}

/*
 * A credit after a date on its line: "Source: Reuters", "Foto: dpa", "来源：新华社". A label
 * of one or two words without digits, a colon, and a short value of at most four words.
 */
static int
credit_tail(const char *s, size_t n)
{
	size_t		i,
				k = 0;
	const char *v;
	size_t		vn;
	int			words;

	nx_trim(&s, &n);
	for (i = 0; i < n && i < CREDIT_LABEL_MAX && (k = colon_len(s + i, n - i)) == 0; i++)
		;
	if (k == 0 || i == 0 || nx_has_digit(s, i) || nx_count_words(s, i) > 2)
		return 0;
	v = s + i + k;
	vn = n - i - k;
	nx_trim(&v, &vn);
	words = nx_count_words(v, vn);
	return vn > 0 && vn <= CREDIT_VALUE_MAX && words >= 1 && words <= 4 && colon_len(v, vn) == 0 &&
		memchr(v, ':', vn) == NULL;
}

/*
 * "Madrid - 14 feb 2024 - 12:45 CET": a place (or the names of a byline, which read the same)
 * of at most three capitalised words, a dash or bar, and a date line; in a script without
 * case a comma will do ("नई दिल्ली, 8 फरवरी 2024"). Capitals-only places go the way of wire
 * datelines ("MADRID -" opens a lead).
 */
static int
place_then_date(const char *s, size_t n, nx_date *date, nx_date_label *label)
{
	size_t		i,
				k = 0,
				letters,
				digits,
				upper,
				lower;
	/* only text outside ASCII may be in a script without case */
	int			non_ascii = !nx_is_ascii(s, n < PLACE_BEFORE_DATE_MAX ? n : PLACE_BEFORE_DATE_MAX);

	for (i = 1; i < n && i < PLACE_BEFORE_DATE_MAX && (k = separator_at(s + i, n - i, SEP_PLACE | (non_ascii ? SEP_COMMA : 0))) == 0; i++)
		;
	if (k == 0 || nx_count_words(s, i) > 3)
		return 0;
	nx_count_chars(s, i, &letters, &digits, &upper, &lower);
	if (digits > 0 || letters == 0 || !nx_looks_like_names(s, i, 0))
		return 0;
	/* cased letters: capitalised words with lower case; none at all: only a script without case */
	if ((upper + lower > 0 && (upper == 0 || lower == 0)) || (upper + lower == 0 && !non_ascii))
		return 0;
	if (s[i] == ',' && upper + lower > 0)
		return 0;
	*label = nx_date_line(s + i + k, n - i - k, date);
	return *label != NX_DATE_NONE;
}

/*
 * A clock time alone on its line, as archives print it under the date ("18:02", "6:02 PM",
 * "10.05 GMT"): hours, minutes, maybe AM/PM and a zone in capitals, nothing else.
 */
static int
bare_clock_time(const line *ln)
{
	size_t		i = 0;
	int			hour = 0;

	if (ln->n > BARE_TIME_MAX)
		return 0;
	while (i < ln->n && i < 2 && ln->s[i] >= '0' && ln->s[i] <= '9')
		hour = hour * 10 + (ln->s[i++] - '0');
	if (i == 0 || i + 3 > ln->n || (ln->s[i] != ':' && ln->s[i] != '.') || hour > 23 ||
		!(ln->s[i + 1] >= '0' && ln->s[i + 1] <= '5') || !(ln->s[i + 2] >= '0' && ln->s[i + 2] <= '9'))
		return 0;
	/* "0.50." in a wrapped table is a number: after a period the time needs its AM/PM or zone */
	if (ln->s[i] == '.' && (i + 4 >= ln->n || ln->s[i + 3] != ' '))
		return 0;
	for (i += 3; i < ln->n; i++)
		if (!(ln->s[i] == ' ' || ln->s[i] == '.' || (ln->s[i] >= 'A' && ln->s[i] <= 'Z') ||
			  ln->s[i] == 'a' || ln->s[i] == 'p' || ln->s[i] == 'm'))
			return 0;
	return 1;
}

/* the tail after the date when it is a place in capitals ("... 09:41 pm IST - CHENNAI"): ln->place */
static void
place_tail(line *ln, size_t at)
{
	const char *s = ln->s + at;
	size_t		n = ln->n - at,
				letters,
				digits,
				upper,
				lower;

	nx_trim(&s, &n);
	nx_count_chars(s, n, &letters, &digits, &upper, &lower);
	if (n > 0 && lower == 0 && upper >= 3 && upper == letters && outlet_or_place_tail(ln->s, at, ln->n))
	{
		ln->place = s;
		ln->place_n = n;
	}
}

static void
classify(line *ln)
{
	nx_re_groups	m;
	const char *gs;
	size_t		gn;
	int			has_digit;
	nx_byline	by;
	nx_date_prefix prefix;
	const nx_date_prefix *known;

	ln->classified = 1;
	ln->place = NULL;
	ln->place_n = 0;
	ln->kind_cache = LK_CONTENT;
	ln->date_label = NX_DATE_NONE;
	if (ln->n == 0)
	{
		ln->kind_cache = LK_BLANK;
		return;
	}
	if (ln->n > META_LINE_MAX)
		return;
	/* cheap pre-checks keep the regexes off lines that cannot match */
	has_digit = nx_date_has_digit(ln->s, ln->n);
	known = read_date_prefix(ln, has_digit, &prefix);
	if ((ln->date_label = whole_date_line(ln, known)) != NX_DATE_NONE)
	{
		ln->kind_cache = LK_DATE;
		ln->date = prefix.date;
		return;
	}
	if (known != NULL && known->label != NX_DATE_NONE && (credit_tail(ln->s + known->consumed, ln->n - known->consumed) ||
														 outlet_or_place_tail(ln->s, known->consumed, ln->n)))
	{
		ln->kind_cache = LK_DATE;
		ln->date_label = known->label;
		ln->date = known->date;
		place_tail(ln, known->consumed);
		return;
	}
	if (known != NULL && known->label == NX_DATE_NONE && has_digit && (nx_time_line(ln->s, ln->n) || bare_clock_time(ln)))
	{
		ln->kind_cache = LK_META_TIME;
		return;
	}
	if (has_digit && nx_re_match(NX_RE_READING_TIME, ln->s, ln->n, &m) == 1 &&
		(named(NX_RE_READING_TIME, &m, "label", ln->s, &gs, &gn) ||
		 named(NX_RE_READING_TIME, &m, "suffix", ln->s, &gs, &gn)))
	{
		ln->kind_cache = LK_READING;
		return;
	}
	if (nx_re_match(NX_RE_BOILERPLATE, ln->s, ln->n, &m) == 1 && nx_count_words(ln->s, ln->n) <= 25)
	{
		ln->kind_cache = LK_BOILERPLATE;
		return;
	}
	/* "KUALA LUMPUR, April 1 , 1997 (AFP)": a dateline line, though it ends like a photo credit */
	if (has_digit && dateline_line(ln))
		return;
	if (nx_re_match(NX_RE_CAPTION, ln->s, ln->n, &m) == 1 || nx_re_match(NX_RE_CAPTION_CREDIT, ln->s, ln->n, &m) == 1)
	{
		ln->kind_cache = LK_CAPTION;
		return;
	}
	if (nx_byline_parse_dated(ln->s, ln->n, known, &by))
	{
		ln->kind_cache = LK_BYLINE;
		ln->names = by.names;
		ln->names_n = by.names_n;
		ln->date_label = by.date_label;
		ln->date = by.date;
		return;
	}
	if (all_segments_meta(ln))
	{
		ln->kind_cache = LK_META_SEGMENTS;
		return;
	}
	if (has_digit && ln->n <= NX_DATE_LINE_MAX && place_then_date(ln->s, ln->n, &ln->date, &ln->date_label))
		ln->kind_cache = LK_DATE;
}

/* bytes of letters: ASCII letters plus every byte of a non-ASCII character */
static size_t
letter_bytes(const char *s, size_t n, size_t ascii_letters)
{
	size_t		i,
				r = ascii_letters;

	for (i = 0; i < n; i++)
		r += (unsigned char) s[i] >= 0x80;
	return r;
}

/* headline shape: a short line of words, not a sentence of prose */
static int
headline_shaped(const line *ln, int only_line)
{
	size_t		letters,
				digits,
				upper,
				lower;
	int			words;
	char		last;

	if (ln->n > HEADLINE_MAX_BYTES)
		return 0;
	words = nx_count_words(ln->s, ln->n);
	nx_count_chars(ln->s, ln->n, &letters, &digits, &upper, &lower);
	/* scripts without spaces (Chinese, Japanese): a headline is a line of a few words' length */
	if (words < 2 && !(words == 1 && letters - upper - lower >= 6 && ln->n <= 200 &&
					   !(ln->n >= 3 && memcmp(ln->s + ln->n - 3, "\xE3\x80\x82", 3) == 0)))
		return 0;
	if (words > HEADLINE_MAX_WORDS)
		return 0;
	/* letters against bytes: a non-ASCII letter takes two to four bytes */
	if (letters < 4 || letter_bytes(ln->s, ln->n, upper + lower) * 2 < ln->n - (ln->n / 4) - digits / 2)
		return 0;
	if (letters < digits)
		return 0;
	last = ln->s[ln->n - 1];
	if (last == ':' || last == ',' || last == ';')
		return 0;
	/* prose: a long line ending like a sentence (all-caps wire headlines may end in a period) */
	if ((last == '.' || last == '!' || last == '?') && words > 20 && lower > upper)
		return 0;
	/* a lone line of many words ending like a sentence is a paragraph, not a title */
	if (only_line && (last == '.' || last == '!' || last == '?') && words > 30)
		return 0;
	return 1;
}

/* a single word of three or more capital letters (and hyphens): "SEOUL", "BADEN-BADEN" */
static int
one_capitals_word(const char *s, size_t n)
{
	size_t		letters = 0;

	for (size_t i = 0; i < n; i++)
	{
		if (s[i] >= 'A' && s[i] <= 'Z')
			letters++;
		else if (s[i] != '-' && (unsigned char) s[i] < 0x80)
			return 0;
	}
	return letters >= 3;
}

static void
set_dateline(parse_state *st, const nx_re_groups *m, const char *s)
{
	const char *ps,
			   *rs;
	size_t		pn,
				rn;

	if (!named(NX_RE_DATELINE, m, "place", s, &ps, &pn))
		return;
	if (named(NX_RE_DATELINE, m, "region", s, &rs, &rn))
		pn = (size_t) (rs + rn - ps);
	while (pn > 0 && (ps[pn - 1] == ',' || nx_is_space((unsigned char) ps[pn - 1])))
		pn--;
	/*
	 * "LONDRES.- El ...": the period belongs to the dash that ends an EFE-style dateline;
	 * "SEOUL. April 11 , 1997 (AFP)": a period after a one-word place in capitals is no
	 * abbreviation's (those are "Ore.", "ST. LOUIS", "D.C.")
	 */
	if (pn > 1 && ps[pn - 1] == '.' &&
		(((size_t) (ps - s) + pn < m->end[0] && ps[pn] == '-') || one_capitals_word(ps, pn - 1)))
		pn--;
	st->out->dateline = dup_squeezed(st, ps, pn);
}

/* labels that news pages print in capitals before a colon, where a dateline would be */
static const char *const colon_kickers[] = {
	"NOTE", "EDITOR'S NOTE", "UPDATE", "UPDATED", "CORRECTION", "WARNING", "BREAKING", "EXCLUSIVE",
	"WATCH", "LIVE", "VIDEO", "PHOTOS", "ANALYSIS", "OPINION", "FILE", "REPORT", NULL
};

/*
 * The colon form "BHOPAL: The ...": a place of one or two words in capitals, no region,
 * not a kicker label, and a capital after the colon ("NOTE: 1985 period ..." is a note).
 */
static int
colon_dateline(const char *ps, size_t pn, const char *after, size_t after_n)
{
	size_t		letters,
				digits,
				upper,
				lower;
	const char *const *k;

	if (memchr(ps, ',', pn) != NULL || nx_count_words(ps, pn) > 2 || after_n == 0 ||
		(!(after[0] >= 'A' && after[0] <= 'Z') && (unsigned char) after[0] < 0x80))
		return 0;
	for (k = colon_kickers; *k; k++)
		if (strlen(*k) == pn && nx_strncaseeq(ps, *k, pn))
			return 0;
	nx_count_chars(ps, pn, &letters, &digits, &upper, &lower);
	return lower == 0 && upper >= 3;
}

/* what match_dateline_prefix does and accepts */
#define DL_RECORD 1				/* set the dateline (and a date it carries) */
#define DL_NEED_DATE_OR_AGENCY 2	/* a bare "CAPS -" does not count (headlines like "CRICKET - ..." have one) */
#define DL_COLON 4				/* the colon form "BHOPAL: " counts (a kicker like "UPDATE: " looks the same) */

/* a place in title case of at most three words, a spaced en or em dash, then a capital */
static int
title_case_dateline(const char *s, const nx_re_groups *m, const char *ps, size_t pn)
{
	const char *end;
	size_t		en,
				i;

	if (nx_count_words(ps, pn) > 3 || !named(NX_RE_DATELINE, m, "end", s, &end, &en))
		return 0;
	for (i = 0; i < en && end[i] == ' '; i++)
		;
	if (i == 0 || i + 3 >= en || (unsigned char) end[i] != 0xE2 || (unsigned char) end[i + 1] != 0x80 ||
		((unsigned char) end[i + 2] != 0x93 && (unsigned char) end[i + 2] != 0x94))
		return 0;
	/* the sentence after it: a capital letter (ASCII, or any letter outside ASCII) */
	return (end[en] >= 'A' && end[en] <= 'Z') || (unsigned char) end[en] >= 0xC0;
}

/*
 * A dateline at the start of the first body paragraph: returns the bytes it
 * takes (including the dash or colon), 0 when there is none.
 */
static size_t
match_dateline_prefix(parse_state *st, const char *s, size_t n, int flags)
{
	nx_re_groups	m;
	const char *gs,
			   *ps;
	size_t		gn,
				pn;
	size_t		scan = n < 160 ? n : 160;
	int			has_date,
				has_agency,
				at_end;
	size_t		letters,
				digits,
				upper,
				lower;

	/* bounded: the dateline sits in the first few words */
	while (scan < n && scan < 200 && (unsigned char) s[scan] >= 0x80 && (unsigned char) s[scan] < 0xC0)
		scan++;
	/*
	 * What every dateline taken below ends with: a dash or a colon (an en or em dash starts
	 * with 0xE2) in the bytes the pattern reads, or the whole line, which then needs its date
	 * (a digit: ASCII, or \d in another script, which is not ASCII)
	 */
	if (memchr(s, '-', scan) == NULL && memchr(s, ':', scan) == NULL && memchr(s, 0xE2, scan) == NULL &&
		memchr(s, ')', scan) == NULL && !(scan == n && (nx_has_digit(s, n) || !nx_is_ascii(s, n))))
		return 0;
	if (nx_re_match(NX_RE_DATELINE, s, scan, &m) != 1)
		return 0;
	if (!named(NX_RE_DATELINE, &m, "place", s, &ps, &pn))
		return 0;
	has_date = named(NX_RE_DATELINE, &m, "date", s, &gs, &gn);
	has_agency = named(NX_RE_DATELINE, &m, "agency", s, &gs, &gn);
	at_end = m.end[0] == scan && scan == n;
	if (at_end && !has_date)
		return 0;
	if ((flags & DL_NEED_DATE_OR_AGENCY) && !has_date && !has_agency)
		return 0;
	/*
	 * the colon form is a bare place in capitals of one or two words ("BHOPAL:", "NEW DELHI:"),
	 * or follows an agency ("Mumbai, March 19 (ANI):")
	 */
	if (named(NX_RE_DATELINE, &m, "colon", s, &gs, &gn) && !has_agency &&
		(!(flags & DL_COLON) || has_date || !colon_dateline(ps, pn, s + m.end[0], n - m.end[0])))
		return 0;
	if (!at_end && m.end[0] == scan)
		return 0;				/* "$" matched only because we cut the line */
	nx_count_chars(ps, pn, &letters, &digits, &upper, &lower);
	/*
	 * mixed-case places ("Toronto, Feb 26 -") need a date or an agency to count, or a spaced en
	 * or em dash with a sentence after it ("Wien – Es ist", "Islamabad, Pakistan — The")
	 */
	if (lower > 0 && !has_date && !has_agency && !title_case_dateline(s, &m, ps, pn))
		return 0;
	/* the text after the dash starts a sentence (sloppy lower case is fine after a date) */
	if (!at_end && !has_date && !has_agency)
	{
		unsigned char c = (unsigned char) s[m.end[0]];

		if (c >= 'a' && c <= 'z')
			return 0;
	}
	if (flags & DL_RECORD)
	{
		set_dateline(st, &m, s);
		if (has_date && named(NX_RE_DATELINE, &m, "date", s, &gs, &gn))
		{
			nx_date		d;

			if (nx_date_scan(gs, gn, 1, &d) > 0)
			{
				st->dateline_date = d;
				offer_date(st, NX_DATE_UPDATED, d);	/* weaker than a date line */
			}
		}
	}
	return m.end[0];
}

/* a line that is only a place in capitals, with an optional region: a dateline without a date */
static int
lone_place_line(const line *ln)
{
	nx_re_groups	m;
	const char *ps;
	size_t		pn,
				letters,
				digits,
				upper,
				lower;

	if (kind_of(ln) != LK_CONTENT || ln->n > 60 ||
		nx_re_match(NX_RE_DATELINE, ln->s, ln->n, &m) != 1 || m.end[0] != ln->n ||
		!named(NX_RE_DATELINE, &m, "place", ln->s, &ps, &pn))
		return 0;
	nx_count_chars(ps, pn, &letters, &digits, &upper, &lower);
	return lower == 0 && upper >= 3 && nx_count_words(ps, pn) <= 4;
}

/* a first line that is a dateline followed by prose ("WASHINGTON (Reuters) - The ...") */
static int
starts_with_dateline_prose(parse_state *st, const line *ln)
{
	size_t		skip = match_dateline_prefix(st, ln->s, ln->n, DL_NEED_DATE_OR_AGENCY);
	size_t		letters,
				digits,
				upper,
				lower;

	if (skip == 0)
		return 0;
	nx_count_chars(ln->s + skip, ln->n - skip, &letters, &digits, &upper, &lower);
	return lower > 0;
}

/* a bare name line under the headline ("Steve Barnes"): two to four capitalised words */
static int
bare_name_line(const line *ln)
{
	size_t		i,
				letters,
				digits,
				upper,
				lower;
	int			words;

	if (kind_of(ln) != LK_CONTENT || ln->n > 40)
		return 0;
	words = nx_count_words(ln->s, ln->n);
	nx_count_chars(ln->s, ln->n, &letters, &digits, &upper, &lower);
	if (words < 2 || words > 4 || digits > 0 || lower == 0)
		return 0;
	for (i = 0; i < ln->n; i++)
	{
		if (i == 0 || ln->s[i - 1] == ' ')
		{
			if (!(ln->s[i] >= 'A' && ln->s[i] <= 'Z'))
				return 0;
		}
		else if (!((ln->s[i] >= 'a' && ln->s[i] <= 'z') || (ln->s[i] >= 'A' && ln->s[i] <= 'Z') ||
				   ln->s[i] == ' ' || ln->s[i] == '.' || ln->s[i] == '-' || ln->s[i] == '\''))
			return 0;
	}
	return 1;
}

static void
add_caption(parse_state *st, const line *ln)
{
	int		   *cap_alloc = &st->cap_alloc;
	nx_article *out = st->out;
	char	   *c;

	if (out->ncaptions == *cap_alloc)
	{
		int			na = *cap_alloc ? *cap_alloc * 2 : 4;
		char	  **p = out->captions
			? nx_resize(st->a, out->captions, sizeof(char *) * (size_t) *cap_alloc, sizeof(char *) * (size_t) na)
			: nx_alloc(st->a, sizeof(char *) * (size_t) na);

		if (p == NULL)
		{
			st->failed = 1;
			return;
		}
		out->captions = p;
		*cap_alloc = na;
	}
	c = dup_squeezed(st, ln->s, ln->n);
	if (c)
		out->captions[out->ncaptions++] = c;
}

/* minutes from a reading-time line */
static int
reading_minutes(const line *ln)
{
	nx_re_groups	m;
	const char *gs;
	size_t		gn,
				i;
	int			v = 0;

	if (nx_re_match(NX_RE_READING_TIME, ln->s, ln->n, &m) != 1 ||
		!named(NX_RE_READING_TIME, &m, "minutes", ln->s, &gs, &gn))
		return -1;
	for (i = 0; i < gn; i++)
		v = v * 10 + (gs[i] - '0');
	return v;
}

/* the names of a byline as written, without the leading "By" and a date on the same line */
static char *
byline_text(parse_state *st, const line *ln)
{
	const char *s = ln->names != NULL ? ln->names : ln->s;
	size_t		n = ln->names != NULL ? ln->names_n : ln->n;

	/* "By Jane Doe," with the role on the next line: the comma belongs to neither */
	while (n > 1 && (s[n - 1] == ',' || s[n - 1] == ' '))
		n--;
	return dup_squeezed(st, s, nx_byline_without_role(s, n));
}

/* appends a finished paragraph to the body, the first one also as the lead */
static void
flush_para(parse_state *st, nx_buf *body, nx_buf *para)
{
	char	   *clean;

	if (para->len == 0)
		return;
	clean = dup_squeezed(st, para->data, para->len);
	para->len = 0;
	if (clean == NULL)
		return;
	if (body->len > 0)
		nx_buf_append(body, "\n\n", 2);
	nx_buf_append(body, clean, strlen(clean));
	if (st->out->lead == NULL)
		st->out->lead = clean;
	else
		nx_free(st->a, clean);
}

/* two or more words with letters in them: the least an article's line has (tables of numbers do not) */
static int
is_wordy(const line *ln)
{
	size_t		n = ln->n < 4096 ? ln->n : 4096;
	size_t		letters,
				digits,
				upper,
				lower;

	int			words;

	/* the first two hundred bytes decide: a line of prose has two words early on */
	if (n > 200)
		n = 200;
	if ((words = nx_count_words(ln->s, n)) == 0)
		return 0;
	nx_count_chars(ln->s, n, &letters, &digits, &upper, &lower);
	/* Chinese and Japanese prose has no spaces: one "word" of six or more letters without case */
	return letters >= 4 && (words >= 2 || letters - upper - lower >= 6);
}

/* records a header meta line: its date, reading time or byline */
static int
take_meta(void *arg, line *ln)
{
	parse_state *st = arg;

	if (kind_of(ln) == LK_DATE)
	{
		offer_date(st, ln->date_label, ln->date);
		if (ln->place != NULL && st->out->dateline == NULL)
			st->out->dateline = dup_squeezed(st, ln->place, ln->place_n);
	}
	else if (kind_of(ln) == LK_READING)
	{
		if (st->out->reading_minutes < 0)
			st->out->reading_minutes = reading_minutes(ln);
	}
	else if (kind_of(ln) == LK_BYLINE)
	{
		if (st->out->byline == NULL)
			st->out->byline = byline_text(st, ln);
		if (ln->date_label != NX_DATE_NONE)
			offer_date(st, ln->date_label, ln->date);
	}
	return 1;
}

typedef struct
{
	parse_state *st;
	int			index;
} segment_walk;

/* a meta segment, and a person's name printed first ("Jane Doe · Harbour News · Posted: ...") */
static int
take_segment(void *arg, line *seg)
{
	segment_walk *w = arg;

	if (w->index++ == 0 && kind_of(seg) == LK_CONTENT && w->st->out->byline == NULL &&
		nx_person_name(seg->s, seg->n))
		w->st->out->byline = dup_squeezed(w->st, seg->s, seg->n);
	return take_meta(w->st, seg);
}

/* the segments of a meta line: dates, reading times, bylines, a name first */
static void
take_segments(parse_state *st, const line *ln)
{
	segment_walk w = {st, 0};

	(void) for_each_segment(ln, take_segment, &w);
}

/*
 * The next line break at or after i (\n or \r), or len: memchr for \n when the text has no
 * \r. Polls for cancellation every NX_POLL_BYTES bytes, as a long line can be megabytes.
 */
static size_t
next_break(const char *text, size_t len, size_t i, int has_cr, const nx_allocator *a)
{
	while (i < len)
	{
		size_t		end = len - i < NX_POLL_BYTES ? len : i + NX_POLL_BYTES;
		const char *nl;

		if (!has_cr)
		{
			if ((nl = memchr(text + i, '\n', end - i)) != NULL)
				return (size_t) (nl - text);
		}
		else
			for (; i < end; i++)
				if (text[i] == '\n' || text[i] == '\r')
					return i;
		i = end;
		if (i < len)
			nx_interrupted(a);
	}
	return len;
}

/* split into lines at \n, \r\n and \r; lines are trimmed, indentation remembered */
static line *
split_lines(const char *text, size_t len, const nx_allocator *a, size_t *nlines)
{
	int			has_cr = memchr(text, '\r', len) != NULL;
	size_t		count = 1,
				i,
				k = 0;
	line	   *lines;

	for (i = next_break(text, len, 0, has_cr, a); i < len; i = next_break(text, len, i + 1, has_cr, a))
	{
		if ((count & 1023) == 0)
			nx_interrupted(a);
		/* \r\n is one break, counted at its \n */
		if (text[i] == '\n' || i + 1 >= len || text[i + 1] != '\n')
			count++;
	}
	lines = nx_alloc(a, sizeof(line) * count);
	if (lines == NULL)
		return NULL;
	for (size_t start = 0; k < count; k++)
	{
		size_t		end = next_break(text, len, start, has_cr, a);
		const char *s = text + start;
		size_t		n = end - start;

		if ((k & 1023) == 0)
			nx_interrupted(a);
		lines[k].indented = n > 0 && (s[0] == ' ' || s[0] == '\t');
		lines[k].classified = 0;
		nx_trim(&s, &n);
		lines[k].s = s;
		lines[k].n = n;
		lines[k].width = n;
		start = end + (end + 1 < len && text[end] == '\r' && text[end + 1] == '\n' ? 2 : 1);
	}
	*nlines = k;
	return lines;
}

/*
 * Hard-wrapped text (old wire copy): no line is much longer than the wrap width, and
 * most lines that reach it break mid-sentence. Unwrapped text has one paragraph per
 * line, and its long lines end like sentences. Returns the width, or 0.
 */
static int
detect_wrap_width(const line *lines, size_t from, size_t to)
{
	size_t		i,
				full = 0,
				mid_sentence = 0,
				max = 0;

	for (i = from; i < to; i++)
		if (kind_of(&lines[i]) == LK_CONTENT && lines[i].width > max)
			max = lines[i].width;
	if (max < 40 || max > 100)
		return 0;
	for (i = from; i < to; i++)
	{
		char		last;

		if (kind_of(&lines[i]) != LK_CONTENT || lines[i].width + 15 < max || lines[i].n == 0)
			continue;
		full++;
		last = lines[i].s[lines[i].n - 1];
		if (strchr(".!?:\"')", last) == NULL)
			mid_sentence++;
	}
	if (full < 3 || mid_sentence * 2 < full)
		return 0;
	return (int) max;
}

/*
 * Was the break between prev and next made by the wrapper? A line that reaches the
 * wrap width was wrapped. A shorter one ends its paragraph when it ends a sentence,
 * or when next's first word would easily have fitted after it (table rows); wrappers
 * also leave short lines before long words ("receive a / computer-generated").
 */
static int
wrapped_here(const line *prev, const line *next, size_t wrap)
{
	size_t		word = 0;
	char		last;

	if (prev->width + 15 >= wrap)
		return 1;
	if (prev->n == 0)
		return 0;
	last = prev->s[prev->n - 1];
	if (strchr(".!?:\"')", last) != NULL)
		return 0;
	while (word < next->n && !nx_is_space((unsigned char) next->s[word]))
		word++;
	return prev->width + 1 + word + 15 >= wrap;
}

static size_t
next_nonblank(const line *lines, size_t nlines, size_t i)
{
	/* blank is the one kind known without classifying: an empty line */
	while (i < nlines && lines[i].n == 0)
		i++;
	return i;
}

/* the meta lines that mark a header block (not captions or boilerplate, which bodies have too) */
static int
is_header_meta(line_kind k)
{
	return k == LK_DATE || k == LK_READING || k == LK_META_TIME || k == LK_BYLINE || k == LK_DATELINE_LINE ||
		k == LK_META_SEGMENTS || k == LK_PLACE_LINE;
}

/*
 * The headline is the first line when it is shaped like one, or when header meta lines
 * follow it (wire slugs such as "beef" above a dateline; "... (picture)" headlines).
 */
/*
 * The length of a page title without the site's name after a bar: "Bank cuts rates again |
 * The Daily Planet" -> "Bank cuts rates again". The name is short (at most four words, no
 * digits, no closing punctuation); the title keeps at least three words.
 */
static size_t
headline_without_site(const char *s, size_t n)
{
	const char *site;
	size_t		bar,
				sn;
	char		last = n > 0 ? s[n - 1] : 0;

	for (bar = n; bar >= 3; bar--)
		if (separator_at(s + bar - 3, 3, SEP_BAR) == 3)
			break;
	if (bar < 3)
		return n;
	site = s + bar;
	sn = n - bar;
	if (sn == 0 || sn > SITE_NAME_MAX || nx_has_digit(site, sn) || nx_count_words(site, sn) > 4 ||
		last == '.' || last == '!' || last == '?' || nx_count_words(s, bar - 3) < 3)
		return n;
	return bar - 3;
}

static int
take_headline(parse_state *st, line *lines, size_t nlines, size_t first)
{
	line	   *ln = &lines[first];
	size_t		next = next_nonblank(lines, nlines, first + 1);
	int			shaped;

	if (kind_of(ln) != LK_CONTENT && kind_of(ln) != LK_CAPTION)
		return 0;
	shaped = kind_of(ln) == LK_CONTENT && headline_shaped(ln, next >= nlines) &&
		!starts_with_dateline_prose(st, ln);
	if (!shaped && !(ln->n <= HEADLINE_MAX_BYTES && next < nlines && is_header_meta(kind_of(&lines[next]))))
		return 0;
	ln->kind_cache = LK_CONTENT;
	st->out->headline = dup_squeezed(st, ln->s, headline_without_site(ln->s, ln->n));
	return 1;
}

/*
 * A line of names with no "By" ("Jane Doe, John Roe") is a byline when it sits in the
 * header block next to another meta line (a date, a reading time, a byline).
 */
static void
mark_byline(line *ln)
{
	ln->kind_cache = LK_BYLINE;
	ln->names = ln->s;
	ln->names_n = ln->n;
}

/*
 * "Jane Doe" over "BBC News" or "Senior Political Correspondent" over the date: a name line
 * right above a line just taken as a byline is the byline (the lower one is an outlet or role).
 */
static void
mark_name_above_role(line *lines, size_t from, size_t i, int outlet)
{
	size_t		p = i;

	/* "LITTLE ROCK, Ark." under the name is where the story was filed: that name line stays as it was */
	if (!outlet && lone_place_line(&lines[i]))
		return;
	while (p > from && lines[p - 1].n == 0)
		p--;
	if (p == from || p + 2 < i)
		return;
	p--;
	if (lines[p].n <= NAME_ABOVE_ROLE_MAX && kind_of(&lines[p]) == LK_CONTENT &&
		nx_count_words(lines[p].s, lines[p].n) >= 2 && nx_count_words(lines[p].s, lines[p].n) <= 4 &&
		nx_looks_like_names(lines[p].s, lines[p].n, 0))
		mark_byline(&lines[p]);
}

/*
 * A line in a script without case (Arabic, Hindi, Chinese) where names cannot show by their
 * capitals: more than CASELESS_NAME_WORDS words, or a sentence's end, is prose, not names
 */
static int
caseless_prose(const line *ln)
{
	size_t		letters,
				digits,
				upper,
				lower;
	static const char *const stops[] = {".", "!", "?", "\xE3\x80\x82", "\xD8\x9F", "\xE0\xA5\xA4", NULL};

	nx_count_chars(ln->s, ln->n, &letters, &digits, &upper, &lower);
	if (upper + lower > 0)
		return 0;
	if (nx_count_words(ln->s, ln->n) > CASELESS_NAME_WORDS)
		return 1;
	for (int k = 0; stops[k] != NULL; k++)
	{
		size_t		sn = strlen(stops[k]);

		if (ln->n >= sn && memcmp(ln->s + ln->n - sn, stops[k], sn) == 0)
			return 1;
	}
	return 0;
}

/* a line that can be a byline's names: one taken as a byline, or two to four name-shaped words */
static int
names_above(const line *ln)
{
	return kind_of(ln) == LK_BYLINE ||
		(kind_of(ln) == LK_CONTENT && ln->n <= NAME_ABOVE_ROLE_MAX && nx_count_words(ln->s, ln->n) >= 2 &&
		 nx_count_words(ln->s, ln->n) <= 4 && nx_looks_like_names(ln->s, ln->n, 0));
}

/* a meta line that gives a date */
static int
dated_meta(const line *ln)
{
	line_kind	k = kind_of(ln);

	return k == LK_DATE || k == LK_META_TIME || k == LK_META_SEGMENTS || (k == LK_BYLINE && ln->date_label != NX_DATE_NONE);
}

/* photo agencies that sign a photo alone on the line under its caption */
static const char *const photo_agencies[] = {
	"Getty Images", "Shutterstock", "iStock", "Alamy", "AP Photo", "AFP Photo", "Reuters Photo", "EPA-EFE", NULL
};

/* a photo agency alone on the line ("Getty Images") */
static int
photo_agency_line(const line *ln)
{
	for (int k = 0; photo_agencies[k] != NULL; k++)
		if (strlen(photo_agencies[k]) == ln->n && nx_strncaseeq(ln->s, photo_agencies[k], ln->n))
			return 1;
	return 0;
}

/*
 * A photo credit on the line under its caption: a copyright sign, a photo agency, or a
 * photographer and the outlet across a slash ("Travis Heinz/AP", "Jan Novak / Agencja"),
 * at most CREDIT_LINE_MAX_WORDS capitalised words with no sentence in them.
 */
static int
credit_line(const line *ln)
{
	size_t		i,
				letters,
				digits,
				upper,
				lower;

	if (ln->n == 0 || ln->n > CREDIT_LINE_MAX_BYTES)
		return 0;
	if ((ln->n >= 2 && (unsigned char) ln->s[0] == 0xC2 && (unsigned char) ln->s[1] == 0xA9) ||
		(ln->n >= 4 && nx_strncaseeq(ln->s, "(c) ", 4)))
		return 1;
	if (photo_agency_line(ln))
		return 1;
	if (memchr(ln->s, '/', ln->n) == NULL || nx_has_digit(ln->s, ln->n) || nx_count_words(ln->s, ln->n) > CREDIT_LINE_MAX_WORDS)
		return 0;
	nx_count_chars(ln->s, ln->n, &letters, &digits, &upper, &lower);
	/* "OPN/INT", "Oct/Dec      Jan/Dec": a table's column heads */
	if (lower == 0)
		return 0;
	for (i = 1; i < ln->n; i++)
		if (ln->s[i] == ' ' && ln->s[i - 1] == ' ')
			return 0;
	for (i = 0; i < ln->n; i++)
	{
		/* a period only inside a word ("Wyborcza.pl") */
		if (((ln->s[i] == '.') && (i + 1 == ln->n || ln->s[i + 1] == ' ')) ||
			ln->s[i] == ',' || ln->s[i] == ':' || ln->s[i] == '!' || ln->s[i] == '?')
			return 0;
		/* every word starts with a capital: "Travis Heinz/AP" */
		if ((i == 0 || ln->s[i - 1] == ' ' || ln->s[i - 1] == '/') && ln->s[i] != ' ' && ln->s[i] != '/' &&
			!((ln->s[i] >= 'A' && ln->s[i] <= 'Z') || (unsigned char) ln->s[i] >= 0x80))
			return 0;
	}
	return 1;
}

/* a caption reads as prose: three words or more, one after the first in lower case, few digits */
static int
caption_prose(const line *ln)
{
	size_t		letters,
				digits,
				upper,
				lower;

	nx_count_chars(ln->s, ln->n, &letters, &digits, &upper, &lower);
	/* a line that introduces a table ends in a colon or a dash */
	if (nx_count_words(ln->s, ln->n) < 3 || digits * 10 > letters || ln->s[ln->n - 1] == ':' || ln->s[ln->n - 1] == '-')
		return 0;
	/* "Hail covers a road", "Строительство дороги"; not "American Agronomics Corp" */
	for (size_t i = 1; i < ln->n; i++)
		if (ln->s[i - 1] == ' ' && ln->s[i] != ' ' && nx_word_starts_lower(ln->s + i, ln->n - i))
			return 1;
	return 0;
}

/*
 * "Hail covers a road near Wichita." over "Travis Heinz/AP" or "© Agency / Name": a line
 * right above a photo credit (no blank line between) is the photo's caption, and the credit
 * is furniture; a photo agency alone is furniture too. In the header only, where the page's
 * photo sits.
 */
static void
mark_captions_over_credits(line *lines, size_t nlines, size_t from)
{
	size_t		i,
				seen = 0;

	for (i = from; i + 1 < nlines && seen < HEADER_MAX_LINES; i++)
	{
		if (lines[i].n == 0)
			continue;
		seen++;
		/* a photo agency's name alone is the credit of a photo, with or without a caption */
		if (photo_agency_line(&lines[i]) && kind_of(&lines[i]) == LK_CONTENT)
		{
			lines[i].kind_cache = LK_BOILERPLATE;
			continue;
		}
		if (lines[i + 1].n == 0 || lines[i].n > CAPTION_OVER_CREDIT_MAX || !credit_line(&lines[i + 1]) ||
			kind_of(&lines[i]) != LK_CONTENT || !caption_prose(&lines[i]) || nx_role_line(lines[i].s, lines[i].n) ||
			(kind_of(&lines[i + 1]) != LK_CONTENT && kind_of(&lines[i + 1]) != LK_BOILERPLATE))
			continue;
		lines[i].kind_cache = LK_CAPTION;
		lines[i + 1].kind_cache = LK_BOILERPLATE;
		i++;
	}
}

/*
 * The shape of a place alone on a line: one to three words, no digits, no label, handle or
 * separator (a place has no ':', '@', '|', '/', '·'), and not three capitals or fewer alone
 * (an outlet's initials: "HS", "AP").
 */
static int
place_shaped(const line *ln)
{
	size_t		letters,
				digits,
				upper,
				lower;

	if (ln->n > PLACE_LINE_MAX_BYTES || line_words(ln->s, ln->n) > 3 || memchr(ln->s, ':', ln->n) ||
		memchr(ln->s, '@', ln->n) || memchr(ln->s, '|', ln->n) || memchr(ln->s, '/', ln->n))
		return 0;
	for (const char *p = ln->s; (p = memchr(p, 0xC2, ln->n - (size_t) (p - ln->s))) != NULL && p + 1 < ln->s + ln->n; p++)
		if ((unsigned char) p[1] == 0xB7)
			return 0;
	nx_count_chars(ln->s, ln->n, &letters, &digits, &upper, &lower);
	return digits == 0 && !(lower == 0 && upper == letters && letters <= 3);
}

/*
 * "Renata Bessa" / "Brasília" / "12.mar.2024 às 17h42": a place of one to three name-shaped
 * words between the byline and the date is where the story was filed, in any script and
 * case ("GENOVA", "Barcelona"). A role ("Reporter") or an outlet ("Harbour Times") there
 * belongs to the byline.
 */
static void
mark_place_lines(line *lines, size_t nlines, size_t from)
{
	size_t		i,
				seen = 0,
				prev = (size_t) -1;

	for (i = from; i < nlines && seen < HEADER_MAX_LINES; i++)
	{
		line	   *ln = &lines[i];
		size_t		next;

		if (ln->n == 0)
			continue;
		seen++;
		if (prev != (size_t) -1 && place_shaped(ln) && kind_of(ln) == LK_CONTENT && nx_looks_like_names(ln->s, ln->n, 0) &&
			!nx_role_line(ln->s, ln->n) && !nx_outlet_name(ln->s, ln->n) &&
			(next = next_nonblank(lines, nlines, i + 1)) < nlines && dated_meta(&lines[next]) &&
			names_above(&lines[prev]))
			ln->kind_cache = LK_PLACE_LINE;
		prev = i;
	}
}

/* a social handle alone on its line ("@janedoe") */
static int
lone_handle(const line *ln)
{
	if (ln->n < 2 || ln->n > HANDLE_MAX_BYTES || ln->s[0] != '@' || kind_of(ln) != LK_CONTENT)
		return 0;
	for (size_t i = 1; i < ln->n; i++)
		if (!((ln->s[i] >= 'a' && ln->s[i] <= 'z') || (ln->s[i] >= 'A' && ln->s[i] <= 'Z') ||
			  (ln->s[i] >= '0' && ln->s[i] <= '9') || ln->s[i] == '_' || ln->s[i] == '.'))
			return 0;
	return 1;
}

static void
mark_bare_name_lines(line *lines, size_t nlines, size_t from)
{
	size_t		i,
				seen = 0;

	for (i = from; i < nlines && seen < HEADER_MAX_LINES; i++)
	{
		line	   *ln = &lines[i];
		size_t		next,
					prev;
		int			handle;

		if (ln->n == 0)
			continue;
		seen++;
		/* the line's own shape first: classifying it and its neighbours costs more */
		if (ln->n > 200)
			continue;
		handle = 0;
		if (nx_looks_like_names(ln->s, ln->n, 0) && nx_count_words(ln->s, ln->n) >= 2)
		{
			if (caseless_prose(ln))
				continue;
			next = next_text_line(lines, nlines, i + 1);	/* "Kinsey Lau" / "+ FOLLOW" / "Published: ..." */
			/* "Jane Doe" / "@janedoe" / the date: the handle is the byline's furniture */
			if (next < nlines && lone_handle(&lines[next]))
			{
				lines[next].kind_cache = LK_BOILERPLATE;
				next = next_text_line(lines, nlines, next + 1);
			}
		}
		else if ((handle = nx_looks_like_handles(ln->s, ln->n)))
			next = i + 1;		/* "dpa", "ORF.at": only right against the meta line */
		else
			continue;
		if (kind_of(ln) != LK_CONTENT)
			continue;
		/* "Harriet Doyle" over "Health reporter, BBC News": the role line is furniture */
		if (!handle && next < nlines && kind_of(&lines[next]) == LK_CONTENT && nx_role_line(lines[next].s, lines[next].n))
		{
			lines[next].kind_cache = LK_BOILERPLATE;
			mark_byline(ln);
			continue;
		}
		/* a meta line next to it, above or below, blank lines between or not (handles: right against it) */
		prev = i;
		while (!handle && prev > from && lines[prev - 1].n == 0)
			prev--;
		if ((next < nlines && is_header_meta(kind_of(&lines[next])) && kind_of(&lines[next]) != LK_DATELINE_LINE) ||
			(prev > from && is_header_meta(kind_of(&lines[prev - 1])) && kind_of(&lines[prev - 1]) != LK_DATELINE_LINE))
		{
			/* "USA TODAY" reads like a place in capitals: under a name it is the outlet */
			mark_name_above_role(lines, from, i, nx_outlet_name(ln->s, ln->n));
			mark_byline(ln);
		}
	}
}

/* closing quotes and brackets after the last word: ." .” .» .) */
static int
is_closing_mark(const char *s, size_t n, size_t *width)
{
	static const char *const marks[] = {"\"", "'", ")", "]", "\xE2\x80\x9D", "\xE2\x80\x99", "\xC2\xBB",
	"\xE3\x80\x8D", "\xE3\x80\x8F", "\xEF\xBC\x89", NULL};
	const char *const *m;

	for (m = marks; *m; m++)
	{
		size_t		k = strlen(*m);

		if (n >= k && memcmp(s + n - k, *m, k) == 0)
		{
			*width = k;
			return 1;
		}
	}
	return 0;
}

/* does the line end like a sentence (or a colon that introduces one), closing quotes aside? */
static int
sentence_final(const line *ln)
{
	static const char *const stops[] = {".", "!", "?", ":", "\xE2\x80\xA6", "\xE3\x80\x82", "\xEF\xBC\x81",
	"\xEF\xBC\x9F", "\xEF\xBC\x9A", NULL};
	const char *const *m;
	size_t		n = ln->n,
				k;
	int			marks = 0;

	while (n > 0 && marks++ < 4 && is_closing_mark(ln->s, n, &k))
		n -= k;
	for (m = stops; *m; m++)
	{
		k = strlen(*m);
		if (n >= k && memcmp(ln->s + n - k, *m, k) == 0)
			return 1;
	}
	return 0;
}

/*
 * Does a sentence end inside the line (not only at its end)? A stop after a lower-case or
 * non-ASCII letter, then white space and an upper-case, non-ASCII or quote character:
 * "... am Montag. Die ..." yes; "3. Oktober", "U.S. Army", "10.5" no.
 */
static int
has_inner_sentence_end(const line *ln)
{
	size_t		k;

	for (k = 1; k + 2 < ln->n; k++)
	{
		unsigned char prev = (unsigned char) ln->s[k - 1],
					next;
		size_t		after = k + 1;

		if (ln->s[k] != '.' && ln->s[k] != '!' && ln->s[k] != '?')
			continue;
		if (!((prev >= 'a' && prev <= 'z') || prev >= 0x80 || prev == '"' || prev == ')'))
			continue;
		if (ln->s[after] != ' ')
			continue;
		next = (unsigned char) ln->s[after + 1];
		if ((next >= 'A' && next <= 'Z') || next >= 0x80 || next == '"')
			return 1;
	}
	return 0;
}

/*
 * A teaser above the lead, both ending like sentences: a short paragraph (at most
 * TEASER_MAX_WORDS) before one at least twice as long that has more than one sentence.
 * Summaries are short; a lead that tells the story at length is not. A lead in the one-long-
 * sentence style of wire copy, or a lead before a longer second paragraph, stays the lead:
 * the next paragraph then has one sentence or is the second of the body, not a lead.
 */
static int
teaser_before_lead(const line *teaser, const line *lead)
{
	int			teaser_words;

	if (!sentence_final(teaser) || !sentence_final(lead) || !has_inner_sentence_end(lead))
		return 0;
	teaser_words = nx_count_words(teaser->s, teaser->n);
	return teaser_words <= TEASER_MAX_WORDS && nx_count_words(lead->s, lead->n) >= 2 * teaser_words;
}

/*
 * The next paragraph that could be part of a summary, from *j (blank lines skipped): a
 * content line (with stop_at_dateline, one that does not open with a dateline). NULL at
 * anything else, *j left there.
 */
static const line *
next_summary_para(parse_state *st, const line *lines, size_t nlines, size_t *j, int stop_at_dateline)
{
	const line *ln;

	*j = next_nonblank(lines, nlines, *j);
	if (*j >= nlines)
		return NULL;
	ln = &lines[*j];
	if (kind_of(ln) != LK_CONTENT || ln->n > 1000 ||
		(stop_at_dateline && match_dateline_prefix(st, ln->s, ln->n, 0) != 0))
		return NULL;
	return ln;
}

/*
 * Summary paragraphs between the headline and the meta lines: up to STANDFIRST_MAX_PARAS
 * content lines from i, followed by a header meta line (and then more text: a labelled date
 * at the foot of a short article does not make its paragraphs a standfirst). Returns the
 * index of that meta line, or i when there is none.
 */
static size_t
standfirst_end(parse_state *st, const line *lines, size_t nlines, size_t i)
{
	size_t		j = i;
	int			paras = 0,
				dateline_para = 0,
				last_final = 0;
	const line *ln;

	/* by position: what sits between the headline and the meta lines, a dateline paragraph too */
	while (paras < STANDFIRST_MAX_PARAS && (ln = next_summary_para(st, lines, nlines, &j, 0)) != NULL)
	{
		if (!dateline_para && match_dateline_prefix(st, ln->s, ln->n, DL_NEED_DATE_OR_AGENCY) != 0)
			dateline_para = 1;
		last_final = sentence_final(ln);
		paras++;
		j++;
	}
	/* a photo and its caption, share buttons and counters may sit between the summary and the meta lines */
	j = next_nonblank(lines, nlines, j);
	while (j < nlines && (kind_of(&lines[j]) == LK_CAPTION || kind_of(&lines[j]) == LK_BOILERPLATE || counter_line(&lines[j])))
		j = next_nonblank(lines, nlines, j + 1);
	if (paras == 0 || j >= nlines || !is_header_meta(kind_of(&lines[j])) || kind_of(&lines[j]) == LK_DATELINE_LINE)
		return i;
	/*
	 * After a dateline only a byline ends a summary, after a finished sentence: in hard-wrapped
	 * wire copy a lead goes on with a line that reads like a date ("June 19, 1987.") or a byline ("by Jane Doe.").
	 */
	if (dateline_para && (!last_final || (kind_of(&lines[j]) != LK_BYLINE && kind_of(&lines[j]) != LK_META_SEGMENTS)))
		return i;
	/* paragraphs before a dateline line are not a standfirst; more than one needs text after the meta */
	if (paras > 1 && next_nonblank(lines, nlines, j + 1) >= nlines)
		return i;
	return j;
}

/* the content lines [from, to) as paragraphs separated by a blank line */
static char *
join_paragraphs(parse_state *st, const line *lines, size_t from, size_t to)
{
	nx_buf		b;
	size_t		k;
	char	   *r;

	nx_buf_init(&b, st->a);
	for (k = from; k < to; k++)
	{
		char	   *para;

		/* a comment counter ("142") between the summary and the meta lines is no summary */
		if (kind_of(&lines[k]) != LK_CONTENT || counter_line(&lines[k]))
			continue;
		/* squeezed like every other field: no control characters, single spaces */
		if ((para = dup_squeezed(st, lines[k].s, lines[k].n)) == NULL)
			continue;
		if (b.len > 0)
			nx_buf_append(&b, "\n\n", 2);
		nx_buf_append(&b, para, strlen(para));
		nx_free(st->a, para);
	}
	if (b.failed)
		st->failed = 1;
	r = nx_buf_take(&b);
	return r;
}

/*
 * A standfirst printed after the byline and date: summary paragraphs from i, then the
 * lead. Without a layout to tell them apart, only two shapes count, so that a lead
 * under the meta lines is never taken for a summary: paragraphs of words that do not
 * end like sentences (summaries are often headline-style phrases) before a paragraph
 * that does, or paragraphs before a lead that opens with a wire dateline; each with a
 * blank line after it. Returns the
 * index of the lead, or i when there is no standfirst.
 */
static size_t
standfirst_after_meta(parse_state *st, const line *lines, size_t nlines, size_t i)
{
	size_t		j = i;
	int			paras = 0,
				phrases = 0;
	const line *ln,
			   *lead;

	while (paras < STANDFIRST_MAX_PARAS && (ln = next_summary_para(st, lines, nlines, &j, 1)) != NULL)
	{
		if (paras > 0 && sentence_final(ln))
			break;				/* the lead, unless a dateline opens the next paragraph */
		/* a paragraph of its own: in hard-wrapped text a line under the meta lines is part of the lead */
		if (j + 1 >= nlines || kind_of(&lines[j + 1]) != LK_BLANK)
			return i;
		paras++;
		if (!sentence_final(ln) && nx_count_words(ln->s, ln->n) >= SUMMARY_MIN_WORDS)
			phrases++;
		j++;
	}
	if (paras == 0 || j >= nlines || kind_of(&lines[j]) != LK_CONTENT)
		return i;
	lead = &lines[j];
	if (match_dateline_prefix(st, lead->s, lead->n, DL_COLON) != 0 && nx_count_words(lines[i].s, lines[i].n) >= SUMMARY_MIN_WORDS)
		return j;
	if (phrases == paras && sentence_final(lead))
		return j;
	if (paras == 1 && teaser_before_lead(&lines[i], lead))
		return j;
	return i;
}

/* classifies lines [from, to) ahead of a loop that asks for all their kinds */
static void
classify_lines(const nx_allocator *a, line *lines, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
	{
		/* often: a line can cost several regex matches up to their limits */
		if ((i & 15) == 0)
			nx_interrupted(a);
		(void) kind_of(&lines[i]);
	}
}

/*
 * Returns 0 when the text is not an article: no line with two words (a number table, one
 * word, white space) and no letters in its meta lines. Classifies lines only up to the
 * first line of prose.
 */
static int
is_article(const nx_allocator *a, line *lines, size_t nlines)
{
	size_t		i,
				letters = 0,
				digits,
				upper,
				lower;

	for (i = 0; i < nlines; i++)
	{
		if ((i & 15) == 0)
			nx_interrupted(a);
		if (kind_of(&lines[i]) == LK_CONTENT && is_wordy(&lines[i]))
			return 1;
	}
	for (i = 0; i < nlines && letters == 0; i++)
		if (kind_of(&lines[i]) != LK_BLANK && kind_of(&lines[i]) != LK_CONTENT)
			nx_count_chars(lines[i].s, lines[i].n, &letters, &digits, &upper, &lower);
	return letters > 0;
}

/* a letter of a script written without spaces between words: Thai, Lao, Myanmar, Khmer, kana, Han */
static int
spaceless_script(uint32_t cp)
{
	return (cp >= 0x0E00 && cp <= 0x0EFF) || (cp >= 0x1000 && cp <= 0x109F) || (cp >= 0x1780 && cp <= 0x17FF) ||
		(cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
		(cp >= 0xF900 && cp <= 0xFAFF);
}

/*
 * Words of a line for the kicker and menu tests. Chinese, Japanese and Thai put no spaces
 * between words: there every CASELESS_CHARS_PER_WORD characters count as a word, so that
 * "国際" is one word and a headline of twenty characters six.
 */
static size_t
line_words(const char *s, size_t n)
{
	size_t		words = nx_count_words(s, n),
				spaceless = 0;
	int			len;

	for (size_t i = 0; i < n; i += (size_t) len)
	{
		if ((unsigned char) s[i] < 0x80)
		{
			len = 1;
			continue;
		}
		spaceless += spaceless_script(nx_utf8_decode((const unsigned char *) s + i, n - i, &len));
	}
	return spaceless / CASELESS_CHARS_PER_WORD > words ? spaceless / CASELESS_CHARS_PER_WORD : words;
}

/*
 * A section label or breadcrumb: "Politics", "ECONOMY", "Home > News > Economy". One word, or
 * segments of at most three words each; no digits, no closing punctuation. (Two words are
 * too often a short headline over its standfirst.) "Economy | Central banks" reads like
 * "Names | Publisher": above a headline, a bar line without a by-word is a breadcrumb.
 */
static int
kicker_line(const line *ln)
{
	size_t		i,
				k,
				start = 0;
	int			segments = 0;
	char		last;
	int			bar_byline = kind_of(ln) == LK_BYLINE && ln->date_label == NX_DATE_NONE &&
		nx_by_word(ln->s, ln->n) == 0;

	/* at most KICKER_MAX_BYTES characters: Thai and Chinese take three bytes a character */
	if (ln->n > 3 * KICKER_MAX_BYTES || (ln->n > KICKER_MAX_BYTES && nx_utf8_count(ln->s, ln->n) > KICKER_MAX_BYTES) ||
		(kind_of(ln) != LK_CONTENT && !bar_byline) || nx_has_digit(ln->s, ln->n))
		return 0;
	last = ln->s[ln->n - 1];
	if (last == '.' || last == '!' || last == '?' || last == ':' || last == ',' || last == ';')
		return 0;
	if (!bar_byline && line_words(ln->s, ln->n) == 1)
		return 1;
	for (i = 0; i <= ln->n; i += k ? k : 1)
	{
		k = i < ln->n ? separator_at(ln->s + i, ln->n - i, SEP_CRUMB) : 1;
		if (k == 0)
			continue;
		if (line_words(ln->s + start, i - start) > 3)
			return 0;
		segments++;
		start = i + k;
	}
	return segments >= 2;
}

/*
 * Section labels and breadcrumbs above the headline are skipped when a headline-shaped line
 * of more words follows ("Politics" over "Bank cuts rates for the first time in four years").
 */
/* a navigation menu item: "Home", "World news", "Sport": at most three words, no digits, no sentence */
static int
menu_item(const line *ln)
{
	char		last;

	/* the shape first: classifying a line costs more */
	if (ln->n == 0 || ln->n > MENU_ITEM_MAX_BYTES)
		return 0;
	last = ln->s[ln->n - 1];
	/* "U.S.", "U.K.": a dotted abbreviation, not a sentence */
	if (last == '.' && ln->n >= 4 && ln->s[ln->n - 3] == '.' && memchr(ln->s, ' ', ln->n) == NULL)
		last = ln->s[ln->n - 2];
	if (nx_has_digit(ln->s, ln->n) || line_words(ln->s, ln->n) > 3 ||
		last == '.' || last == '!' || last == '?' || last == ':' || last == ',' || last == ';' || last == '"')
		return kind_of(ln) == LK_BOILERPLATE;
	return kind_of(ln) == LK_CONTENT || kind_of(ln) == LK_BOILERPLATE;
}

/*
 * A site's navigation menu above the headline: a run of at least MENU_MIN_LINES menu items,
 * kickers and boilerplate lines ("Home" / "News" / "Sport" / "Skip to main content" /
 * "Business | Markets"), then a headline-shaped line of four words or more. Returns that
 * line, or first when there is no such run.
 */
static size_t
skip_menu(line *lines, size_t nlines, size_t first)
{
	size_t		i = first,
				items = 0;

	while (i < nlines && items < MENU_MAX_LINES && (menu_item(&lines[i]) || kicker_line(&lines[i])))
	{
		items++;
		i = next_nonblank(lines, nlines, i + 1);
	}
	if (items < MENU_MIN_LINES || i >= nlines || kind_of(&lines[i]) != LK_CONTENT ||
		line_words(lines[i].s, lines[i].n) < KICKER_HEADLINE_MIN_WORDS ||
		!headline_shaped(&lines[i], next_nonblank(lines, nlines, i + 1) >= nlines))
		return first;
	return i;
}

/*
 * A kicker of two or three words ("Water industry", "La sentenza", "Zugausfälle im
 * Schwarzwald"), not in capitals, maybe two of them, over a headline-shaped line of more words
 * and a paragraph under that which is longer or ends like a sentence (the standfirst). A short
 * headline over a standfirst that does not end like a sentence has the meta lines or the
 * story under it, not a third such line. Returns the headline's index
 * when lines[i] is such a kicker, else i.
 */
static int
short_kicker_shape(line *lines, size_t nlines, size_t i)
{
	size_t		words,
				letters,
				digits,
				upper,
				lower;

	if (i >= nlines || kind_of(&lines[i]) != LK_CONTENT || lines[i].n > KICKER_MAX_BYTES ||
		nx_has_digit(lines[i].s, lines[i].n))
		return 0;
	words = line_words(lines[i].s, lines[i].n);
	nx_count_chars(lines[i].s, lines[i].n, &letters, &digits, &upper, &lower);
	/* in capitals it is a wire headline ("BLIZZARD CLOSES BOSPHORUS") over its wrapped lead */
	return words >= 2 && words <= 3 && strchr(".!?:,;\"", lines[i].s[lines[i].n - 1]) == NULL &&
		memchr(lines[i].s, ':', lines[i].n) == NULL && !(upper > 0 && lower == 0);
}

/* the next line that is neither blank nor boilerplate ("This article is more than 1 month old") */
static size_t
next_text_line(line *lines, size_t nlines, size_t i)
{
	while (i < nlines && (kind_of(&lines[i]) == LK_BLANK || kind_of(&lines[i]) == LK_BOILERPLATE))
		i++;
	return i;
}

static size_t
short_kicker(line *lines, size_t nlines, size_t i)
{
	size_t		words,
				head,
				under;
	char		last;

	if (!short_kicker_shape(lines, nlines, i))
		return i;
	words = line_words(lines[i].s, lines[i].n);
	head = next_text_line(lines, nlines, i + 1);
	if (short_kicker_shape(lines, nlines, head))
		head = next_text_line(lines, nlines, head + 1);	/* two of them: "Top News" / "U.S. News" */
	under = next_text_line(lines, nlines, head + 1);
	if (under >= nlines || kind_of(&lines[head]) != LK_CONTENT ||
		line_words(lines[head].s, lines[head].n) < words + 2 || lines[head].s[lines[head].n - 1] == '.' ||
		!headline_shaped(&lines[head], 0) || kicker_line(&lines[head]))
		return i;
	/* a section of the site ("U.S. News", "Top News") over the headline and its byline or date */
	if (is_header_meta(kind_of(&lines[under])))
		return nx_outlet_name(lines[i].s, lines[i].n) ? head : i;
	if (kind_of(&lines[under]) != LK_CONTENT)
		return i;
	last = lines[under].s[lines[under].n - 1];
	if (line_words(lines[under].s, lines[under].n) <= line_words(lines[head].s, lines[head].n) &&
		last != '.' && last != '!' && last != '?')
		return i;
	return head;
}

/* up to KICKER_MAX_LINES kickers ("News" / "India"), then a headline-shaped line of more words */
static size_t
skip_kickers(line *lines, size_t nlines, size_t first)
{
	size_t		next,
				head;
	int			k;

	first = skip_menu(lines, nlines, first);
	next = first;
	for (k = 0; k < KICKER_MAX_LINES && next < nlines && kicker_line(&lines[next]); k++)
		next = next_nonblank(lines, nlines, next + 1);
	head = short_kicker(lines, nlines, next);
	if (head != next)
	{
		next = head;
		k++;
	}
	if (k == 0 || next >= nlines || kind_of(&lines[next]) != LK_CONTENT ||
		line_words(lines[next].s, lines[next].n) < KICKER_HEADLINE_MIN_WORDS ||
		!headline_shaped(&lines[next], next_nonblank(lines, nlines, next + 1) >= nlines))
		return first;
	return next;
}

/* meta lines before the headline: a wire timestamp, a date, a reading time; returns the first other line */
static size_t
take_leading_meta(parse_state *st, line *lines, size_t nlines)
{
	size_t		first;

	for (first = 0; first < nlines; first++)
	{
		line	   *ln = &lines[first];

		if ((first & 15) == 0)
			nx_interrupted(st->a);
		if (kind_of(ln) == LK_BLANK || kind_of(ln) == LK_BOILERPLATE)
			continue;
		if (kind_of(ln) == LK_DATE || kind_of(ln) == LK_READING || kind_of(ln) == LK_META_TIME)
			take_meta(st, ln);
		else if (kind_of(ln) == LK_META_SEGMENTS)
			take_segments(st, ln);
		else
			break;
	}
	return first;
}

/*
 * A content line in the header: a bare name line above a dateline, a standfirst, or the
 * first body paragraph. Returns the index of the last line it takes, or (size_t) -1 when
 * the body starts at i.
 */
static size_t
take_header_content(parse_state *st, const line *lines, size_t nlines, size_t i, int seen_meta)
{
	nx_article *out = st->out;
	const line *ln = &lines[i];
	size_t		j = next_nonblank(lines, nlines, i + 1);

	if (out->byline == NULL && out->headline != NULL && out->dateline == NULL && j < nlines &&
		bare_name_line(ln) && (lone_place_line(&lines[j]) || kind_of(&lines[j]) == LK_DATELINE_LINE))
	{
		out->byline = dup_squeezed(st, ln->s, ln->n);
		return i;
	}
	if (out->standfirst != NULL || out->headline == NULL)
		return (size_t) -1;
	/* a standfirst before the meta lines, or (seen_meta) one after them; under a wire dateline line, the lead */
	if ((j = standfirst_end(st, lines, nlines, i)) == i && seen_meta && out->dateline == NULL)
		j = standfirst_after_meta(st, lines, nlines, i);
	if (j == i)
		return (size_t) -1;
	out->standfirst = join_paragraphs(st, lines, i, j);
	/* the header loop goes on after the last paragraph, so captions before the meta lines are kept */
	for (j--; j > i && kind_of(&lines[j]) != LK_CONTENT; j--)
		;
	return j;
}

/* a counter: "142", "5 min", "24 Kommentare" (digits, then at most one word) */
static int
counter_line(const line *ln)
{
	size_t		k = 0;

	while (k < ln->n && ln->s[k] >= '0' && ln->s[k] <= '9')
		k++;
	if (k == 0 || k > 6 || (k < ln->n && ln->s[k] != ' ') || nx_count_words(ln->s, ln->n) > 2 ||
		nx_has_digit(ln->s + k, ln->n - k))
		return 0;
	return kind_of(ln) == LK_CONTENT;
}

static int
furniture_line(const line *ln)
{
	return menu_item(ln) || counter_line(ln);
}

/*
 * Page furniture between the headline and the story: share and follow buttons, font-size
 * switches, listen and comment counters ("Share" / "Copy" / "Link copied" / "Email" / "X",
 * "Listen" / "5 min"). In any language it comes as a run of very short lines with no blank
 * line between them, which a standfirst, a byline or a story paragraph never is. Returns the
 * index after a run of FURNITURE_MIN_LINES or more such lines from i, else i. A story that is
 * a list of short items (a wire story listing companies) is no furniture: a paragraph must
 * follow the run, which must hold a known button ("Share") or follow the meta lines.
 */
static size_t
furniture_run(line *lines, size_t nlines, size_t i, int seen_meta)
{
	size_t		j = i,
				next,
				above = 0;
	int			button = 0;

	while (j < nlines && furniture_line(&lines[j]))
		button |= kind_of(&lines[j++]) == LK_BOILERPLATE;
	/* buttons right above, which the header loop has passed already ("공유" / "댓글") */
	while (above < i && kind_of(&lines[i - above - 1]) == LK_BOILERPLATE && furniture_line(&lines[i - above - 1]))
		above++;
	button |= above > 0;
	if (j - i == 0 || j - i + above < FURNITURE_MIN_LINES)
		return i;
	/* the paragraph after them: past photos and meta lines ("김민수 기자" under the buttons) */
	for (next = j; next < nlines && (kind_of(&lines[next]) == LK_BLANK || kind_of(&lines[next]) == LK_CAPTION ||
									 is_header_meta(kind_of(&lines[next]))); next++)
		;
	return (button || seen_meta) && next < nlines && lines[next].n >= FURNITURE_LEAD_MIN_BYTES ? j : i;
}

/* the header after the headline: standfirst and meta lines up to the first body paragraph, whose index it returns */
static size_t
parse_header(parse_state *st, line *lines, size_t nlines, size_t from, nx_parse_mode mode)
{
	nx_article *out = st->out;
	size_t		i,
				after;
	int			seen_meta = 0;

	for (i = from; i < nlines; i++)
	{
		line	   *ln = &lines[i];
		nx_re_groups m;

		if ((i & 15) == 0)
			nx_interrupted(st->a);

		if (kind_of(ln) == LK_BLANK || kind_of(ln) == LK_BOILERPLATE)
			continue;
		if (kind_of(ln) == LK_DATE || kind_of(ln) == LK_READING || kind_of(ln) == LK_META_TIME ||
			kind_of(ln) == LK_BYLINE)
			take_meta(st, ln);
		else if (kind_of(ln) == LK_META_SEGMENTS)
			take_segments(st, ln);
		else if (kind_of(ln) == LK_CAPTION)
		{
			if (mode == NX_PARSE_FULL)
				add_caption(st, ln);
			continue;
		}
		else if (out->dateline == NULL && out->headline != NULL && lone_place_line(ln))
		{
			/* "BANGKOK" or "LITTLE ROCK, Ark." alone under the headline, the date maybe on the next line */
			if (nx_re_match(NX_RE_DATELINE, ln->s, ln->n, &m) == 1)
				set_dateline(st, &m, ln->s);
		}
		else if (kind_of(ln) == LK_PLACE_LINE)
		{
			if (out->dateline == NULL)
				out->dateline = dup_squeezed(st, ln->s, ln->n);
		}
		else if (kind_of(ln) == LK_DATELINE_LINE)
		{
			if (out->dateline == NULL && nx_re_match(NX_RE_DATELINE, ln->s, ln->n, &m) == 1)
				set_dateline(st, &m, ln->s);
			offer_date(st, NX_DATE_PLAIN, ln->date);
		}
		else if ((after = furniture_run(lines, nlines, i, seen_meta)) > i)
			i = after - 1;
		else
		{
			size_t		last = take_header_content(st, lines, nlines, i, seen_meta);

			if (last == (size_t) -1)
				break;
			i = last;
			continue;
		}
		seen_meta = 1;
	}
	return i;
}

/* body: paragraphs from content lines from body_start; captions and boilerplate kept out */
/*
 * The heading of a page's lists after the story ("Most read", "Trending now", "More
 * stories"): the article ends before it. The whole line, case aside, a colon allowed.
 */
static int
foot_heading(const line *ln)
{
	static const char *const headings[] = {"most read", "most popular", "most viewed", "most shared",
		"trending", "trending now", "more stories", "more news", "top stories", "latest news",
	"latest stories", "related articles", "related stories", "recommended for you", NULL};
	const char *s = ln->s;
	size_t		n = ln->n;

	nx_trim(&s, &n);
	if (n > 0 && s[n - 1] == ':')
		n--;
	if (n < 8 || n > 20)
		return 0;
	for (int k = 0; headings[k] != NULL; k++)
		if (strlen(headings[k]) == n && nx_strncaseeq(s, headings[k], n))
			return 1;
	return 0;
}

static void
build_body(parse_state *st, line *lines, size_t nlines, size_t body_start)
{
	int			wrap;
	int			have_para = 0;
	nx_buf		body,
				para;
	size_t		i;

	classify_lines(st->a, lines, body_start, nlines);
	wrap = detect_wrap_width(lines, body_start, nlines);
	nx_buf_init(&body, st->a);
	nx_buf_init(&para, st->a);
	for (i = body_start; i <= nlines; i++)
	{
		line	   *ln = i < nlines ? &lines[i] : NULL;

		if ((i & 1023) == 0)
			nx_interrupted(st->a);
		/* "Most read" after the story: the page's lists follow, not the article */
		if (ln && (body.len > 0 || have_para) && foot_heading(ln))
		{
			ln = NULL;			/* the body ends here, as at the end of the text */
			i = nlines;
		}
		if (ln && kind_of(ln) == LK_CAPTION)
			add_caption(st, ln);
		else if (ln && kind_of(ln) != LK_BLANK && kind_of(ln) != LK_BOILERPLATE &&
				 kind_of(ln) != LK_META_TIME && !(kind_of(ln) == LK_DATE && ln->date_label != NX_DATE_PLAIN))
		{
			/* content (and unlabelled meta-looking lines inside the body stay text) */
			int			new_para = !have_para || !wrap || ln->indented ||
				(i > 0 && !wrapped_here(&lines[i - 1], ln, (size_t) wrap));

			if (new_para && have_para)
				flush_para(st, &body, &para);
			if (have_para && !new_para)
				nx_buf_putc(&para, ' ');
			nx_buf_append(&para, ln->s, ln->n);
			have_para = 1;
			continue;
		}
		/* a caption, boilerplate, a labelled date, a blank line or the end close the paragraph */
		if (have_para)
			flush_para(st, &body, &para);
		have_para = 0;
	}
	nx_buf_free(&para);
	if (body.failed || para.failed)
		st->failed = 1;
	st->out->body = nx_buf_take(&body);
	if (st->out->body)
		st->out->word_count = nx_count_words(st->out->body, strlen(st->out->body));
}

/*
 * Whether classify could make this line a labelled date line: its date prefix has a
 * published or updated label (a whole date line, or a date with a credit after it), or a
 * place before such a date. A necessary condition only: a header-only parse classifies the
 * lines that pass it, so both parses take the same lines, and skips the rest cheaply.
 */
static int
may_be_labelled_date(const line *ln)
{
	nx_date_prefix p;
	nx_date		d;
	nx_date_label label = NX_DATE_NONE;

	if (ln->n == 0 || ln->n > NX_DATE_LINE_MAX || !nx_has_digit(ln->s, ln->n))
		return 0;
	read_date_prefix(ln, 1, &p);
	if (p.label == NX_DATE_PUBLISHED || p.label == NX_DATE_UPDATED)
		return 1;
	return place_then_date(ln->s, ln->n, &d, &label) &&
		(label == NX_DATE_PUBLISHED || label == NX_DATE_UPDATED);
}

/*
 * Labelled date lines count wherever they are ("Published: ..." at the foot). A full parse
 * classifies the body anyway; a header-only one classifies only the lines that may be
 * labelled date lines, so its answer is the same.
 */
static void
offer_labelled_dates(parse_state *st, line *lines, size_t from, size_t nlines, nx_parse_mode mode)
{
	for (size_t i = from; i < nlines; i++)
	{
		line	   *ln = &lines[i];

		if ((i & 15) == 0)
			nx_interrupted(st->a);
		if ((mode == NX_PARSE_FULL || ln->classified || may_be_labelled_date(ln)) && kind_of(ln) == LK_DATE &&
			(ln->date_label == NX_DATE_PUBLISHED || ln->date_label == NX_DATE_UPDATED))
			offer_date(st, ln->date_label, ln->date);
	}
}

/*
 * "(Reuters) - ", "(AP) — ": an agency tag with no place before it opening the lead. Its
 * length with the dash and spaces after it, else 0. At most four capitalised words of letters.
 */
static size_t
agency_only_prefix(const char *s, size_t n)
{
	size_t		i = 1,
				dash;

	if (n < 6 || s[0] != '(' || !(s[1] >= 'A' && s[1] <= 'Z'))
		return 0;
	while (i < n && i <= AGENCY_TAG_MAX && ((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z') ||
										   s[i] == ' ' || s[i] == '.' || s[i] == '&'))
		i++;
	if (i >= n || s[i] != ')' || nx_count_words(s + 1, i - 1) > 4)
		return 0;
	for (size_t k = 2; k < i; k++)
		if (s[k - 1] == ' ' && !(s[k] >= 'A' && s[k] <= 'Z'))
			return 0;			/* "(Photo by Ana Lima)" is a credit, not an agency */
	i++;
	while (i < n && s[i] == ' ')
		i++;
	if ((dash = separator_at(s + i - 1, n - i + 1, SEP_HYPHEN | SEP_DASH)) > 0)
		return i - 1 + dash;
	if (i + 3 < n && s[i] == '-' && s[i + 1] == '-' && s[i + 2] == ' ')
		return i + 3;
	return 0;
}

/* an agency dateline in another script opening the lead (wire_dateline.c): place, reporter, day and month */
static size_t
take_script_dateline(parse_state *st, const char *s, size_t n)
{
	nx_wire_dateline w;
	size_t		skip = nx_script_wire_dateline(s, n, &w);

	if (skip == 0)
		return 0;
	if (w.place_n > 0)
		st->out->dateline = dup_squeezed(st, w.place, w.place_n);
	if (w.reporter_n > 0 && st->out->byline == NULL)
		st->out->byline = dup_squeezed(st, w.reporter, w.reporter_n);
	if (w.date.month != 0)
		st->dateline_date = w.date;
	return skip;
}

/*
 * A numeric date with day and month both 12 or less, read month first, against the date of
 * the wire dateline in the lead: the story's date is the header's, so the reading that
 * agrees with it is the one (neither agrees: the date stays a guess).
 */
static void
settle_order_by_dateline(nx_date *published, const nx_date *dateline)
{
	if (published->month == dateline->month && published->day == dateline->day)
		published->month_first_guess = 0;
	else if (published->day == dateline->month && published->month == dateline->day)
		nx_date_read_day_first(published);
}

int
nx_article_parse(const char *text, size_t len, nx_parse_mode mode, const nx_allocator *a, nx_article *out)
{
	parse_state st;
	line	   *lines;
	size_t		nlines = 0,
				first,
				body_start;

	memset(out, 0, sizeof(*out));
	out->reading_minutes = -1;
	memset(&st, 0, sizeof(st));
	st.a = a;
	st.out = out;
	st.best_label = NX_DATE_NONE;

	lines = split_lines(text, len, a, &nlines);
	if (lines == NULL)
		return NX_ENOMEM;
	if (!is_article(a, lines, nlines))
	{
		nx_free(a, lines);
		return NX_OK;
	}

	first = skip_kickers(lines, nlines, take_leading_meta(&st, lines, nlines));
	/* headline: the first content line, when it is shaped like one or meta lines follow it */
	body_start = first;
	if (first < nlines && take_headline(&st, lines, nlines, first))
	{
		size_t		next = next_nonblank(lines, nlines, first + 1);

		body_start = first + 1;
		/* a headline printed twice counts once */
		if (next < nlines && kind_of(&lines[next]) == LK_CONTENT && lines[next].n == lines[first].n &&
			memcmp(lines[next].s, lines[first].s, lines[first].n) == 0)
			body_start = next + 1;
		if (mode != NX_PARSE_HEADLINE_ONLY)
		{
			mark_captions_over_credits(lines, nlines, body_start);
			mark_place_lines(lines, nlines, body_start);
			mark_bare_name_lines(lines, nlines, body_start);
		}
	}
	if (mode == NX_PARSE_HEADLINE_ONLY)
	{
		nx_free(a, lines);
		return st.failed ? NX_ENOMEM : NX_OK;
	}
	body_start = parse_header(&st, lines, nlines, body_start, mode);
	offer_labelled_dates(&st, lines, body_start, nlines, mode);

	if (body_start < nlines && kind_of(&lines[body_start]) == LK_CONTENT && out->dateline == NULL)
	{
		size_t		skip = match_dateline_prefix(&st, lines[body_start].s, lines[body_start].n, DL_RECORD | DL_COLON);

		if (skip == 0)
			skip = agency_only_prefix(lines[body_start].s, lines[body_start].n);
		if (skip == 0)
			skip = take_script_dateline(&st, lines[body_start].s, lines[body_start].n);

		lines[body_start].s += skip;
		lines[body_start].n -= skip;
	}

	if (mode != NX_PARSE_HEADER_ONLY)
	{
		out->language = nx_language_identify(text, len, &out->language_has_english);
		build_body(&st, lines, nlines, body_start);
	}
	/* 01/04/2024 over "KUALA LUMPUR, April 1 -": the dateline's day and month settle the order */
	if (out->has_published && out->published.month_first_guess && st.dateline_date.month != 0)
		settle_order_by_dateline(&out->published, &st.dateline_date);
	/* 04/09/2016 was read in the US order: outside English the day comes first (both modes alike) */
	if (out->has_published && out->published.month_first_guess)
	{
		int			has_english;
		const char *language = mode == NX_PARSE_HEADER_ONLY ? nx_language_identify(text, len, &has_english) : out->language;

		if (language != NULL && strcmp(language, "en") != 0)
			nx_date_read_day_first(&out->published);
	}
	nx_free(a, lines);
	return st.failed ? NX_ENOMEM : NX_OK;
}

void
nx_article_free(nx_article *art, const nx_allocator *a)
{
	int			i;

	nx_free(a, art->headline);
	nx_free(a, art->standfirst);
	nx_free(a, art->byline);
	nx_free(a, art->dateline);
	for (i = 0; i < art->ncaptions; i++)
		nx_free(a, art->captions[i]);
	nx_free(a, art->captions);
	nx_free(a, art->body);
	nx_free(a, art->lead);
	memset(art, 0, sizeof(*art));
}
