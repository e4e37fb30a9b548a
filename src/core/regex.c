/* regex.c - compile-once pcre2 patterns with JIT and limits */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <string.h>

#include "regex.h"
#include "nx_text.h"

/* month names and abbreviations by their opening letters: English, and the other prefixes of
 * the Romance and Germanic languages' months (ene, gen, fév, mai, mag, giu, lug, ago, août,
 * set, ott, out, okt, dic, déc, dez, mrt, mei, abr, avr, juil), grouped by first letter (one
 * alternation of 34 costs the dateline pattern 4% more); nx_date_scan reads the date */
#define NX_MONTHS "(?i:(?:a(?:pr|ug|go|o\\x{fb}|br|vr)|d(?:ec|ic|\\x{e9}c|ez)|e(?:ne)|f(?:eb|ev|\\x{e9}v)|g(?:en|iu)" \
	"|j(?:an|un|ul|uil)|lug|m(?:ar|ay|ai|ag|rt|ei)|nov|o(?:ct|tt|ut|kt)|s(?:ep|et))[a-z\\x{c0}-\\x{17f}]*\\.?)"
#define NX_PLACE_WORD "\\p{Lu}[\\p{L}\\p{M}.'\\x{2019}&-]*"

static const char *const pattern_source[NX_RE_COUNT] = {
	/* NX_RE_DATELINE (dateline_possible below must stay a necessary condition of it): place, optional region, optional date, optional agency (a publisher may carry
	 * its own parentheses: "(Die Zeitung (DZ))"), then a dash, a colon ("BHOPAL: "), the end,
	 * or after the agency a space and the sentence ("New Delhi, March 19 (IANS) The ...")
	 * (feeds sometimes print the year twice: "Dec 1 , 2006, 2006") */
	"^(?<place>" NX_PLACE_WORD "(?:\\s+(?:" NX_PLACE_WORD "|de|del|da|do|dos|es|el|la|le|al|of|upon)){0,4})"
	"(?:\\s*,\\s*(?!" NX_MONTHS "\\s*\\d)(?<region>" NX_PLACE_WORD "(?:\\s+" NX_PLACE_WORD "){0,2}))?"
	"(?:\\s*,?\\s*(?<date>" NX_MONTHS "\\s+\\d{1,2}(?:\\s*,\\s*\\d{4}){0,2}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}\\.?\\s+" NX_MONTHS "(?:\\s+\\d{4})?))?"
	"(?:\\s*\\((?<agency>\\p{L}[\\p{L}\\p{M}\\s./&'-]{0,40}(?:\\([\\p{L}\\p{M}\\s./&'-]{1,20}\\))?)\\))?"
	"(?<end>\\s*(?:\\.?--?|\\x{2013}|\\x{2014})(?:\\s+|$)|(?<colon>:)\\s+|\\s*$|(?<=\\))\\s+(?=\\p{Lu}))",
	/* NX_RE_READING_TIME (first_byte_possible below must stay a necessary condition of it) */
	"^(?i)(?:(?<label>(?:estimated\\s+)?(?:reading|read)\\s+time)\\s*:?\\s*)?(?<minutes>\\d{1,3})\\s*-?\\s*(?:min|mins|minute|minutes)\\.?(?<suffix>\\s+read)?$",
	/* NX_RE_CAPTION (caption_possible below must stay a necessary condition of it) */
	"(?:\\[(?<credit>\\p{L}[^\\[\\]]{0,48})\\]$"
	"|\\((?<credit2>[^()]{0,40}\\b(?i:photo|photograph|picture|image|getty|afp|reuters|epa|ap|pa|file|credit)\\b[^()]{0,40})\\)$"
	/* the photographer (a name, not a table's heads in capitals) and the outlet across a slash in
	 * brackets: "(Jahi Okafor/The Washington Post)" */
	"|\\(\\p{Lu}\\p{Ll}[\\p{L}\\p{M}.'-]*(?:\\s\\p{Lu}[\\p{L}\\p{M}.'-]*){1,3}/\\p{Lu}[\\p{L}\\p{M} .&-]{1,40}\\)$"
	"|^(?i:photo|photos|foto|fotos|image|picture|caption|image caption|photograph|pictured)\\s*:"
	"|^(?i:image caption|media caption),?\\s+\\S"
	"|(?i:photograph|photo|foto|image|picture)\\s*:\\s*\\p{L}[\\p{L} /&.,'-]{1,60}$"
	/* the agency and the photographer in brackets at the end: "(ABC News: Matt Roberts)", "(AP: Evan Vucci)" */
	"|\\((?:\\p{Lu}[\\p{L}.]*\\s+)?(?:News|AP|AAP|AFP|Reuters|Getty Images|EPA|Supplied)\\s*:\\s*\\p{Lu}[\\p{L}\\p{M} .'-]{1,40}\\)$)",
	/* NX_RE_BOILERPLATE (first_byte_possible below must stay a necessary condition of it) */
	"^(?i:follow\\s+(?:us|me)\\b|follow(?:\\s+topic)?\\s*:?$|read\\s+more\\b|read\\s+also\\b|also\\s+read\\b|advertisement$|advertising$|sponsored$"
	"|share\\s+this\\b|share\\s+on\\b|share\\s+article|click\\s+here\\b|sign\\s+up\\b|subscribe\\b"
	"|related\\s*:|related\\s+(?:articles|stories|topics|coverage|content)\\b|more\\s+on\\s+this\\s+story"
	"|image\\s+copyright\\b|media\\s+playback\\b|copyright\\s*(?:\\x{00A9}|\\(c\\)|\\d{4})|\\x{00A9}|all\\s+rights\\s+reserved"
	"|reuters?$|\\(?reporting\\s+by\\b|editing\\s+by\\b|you\\s+may\\s+also\\s+like|recommended(?:\\s+for\\s+you|\\s+stories|\\s+reading)?:?$"
	"|continue\\s+reading\\b|listen\\s+to\\s+this\\s+article|skip\\s+advertisement|story\\s+continues\\s+below"
	"|skip\\s+to\\b|skip\\s+links?$|this\\s+article\\s+is\\s+more\\s+than\\s+\\w+\\s+\\w+\\s+old$"
	/* the photo's buttons: "hide caption", "toggle caption", "Enlarge this image" */
	"|hide\\s+caption$|toggle\\s+caption$|enlarge\\s+this\\s+image$|\\+\\s*follow$|share\\s+full\\s+article$"
	/* a web address alone on its line, and the label of a short one */
	"|https?://\\S+$|short\\s+url$"
	/* an archive's word count and copyright ("612 words", "(c) 2024."), a wire update's note
	 * ("(Adds minister's comments in paragraphs 5-6)", "(Updates with close)") */
	"|\\d[\\d,.]*\\s+words$|\\(c\\)\\s*\\d{4}"
	"|\\((?:adds|updates|recasts|corrects|changes|repeats|refiles|rewrites|removes|inserts)\\b[^()]{0,120}\\)$"
	"|email\\s+this\\b|print\\s+this\\b|comments?$|\\d+\\s+comments?$|tweet$|whatsapp$|facebook$|twitter$|linkedin$|e-?mail$"
	/* share and save buttons, advertisement labels, in English and the larger European languages */
	"|share$|save$|print$|listen$|copy\\s+link$|teilen$|anzeige$|partager$|publicit\\x{00E9}$|compartir$|publicidad$"
	"|condividi$|pubblicit\\x{00E0}$|delen$|advertentie$|reklama$|reklam$|annons$|annonse$"
	/* share, print and comment buttons of other languages, and the Korean, Japanese and Chinese ones */
	"|dela$|jaa$|udost\\x{0119}pnij$|sd\\x{00ED}let$|payla\\x{015F}$|\\x{043F}\\x{043E}\\x{0434}\\x{0435}\\x{043B}\\x{0438}\\x{0442}\\x{044C}\\x{0441}\\x{044F}$"
	"|imprimir$|imprimer$|drucken$|stampa$|\\x{ACF5}\\x{C720}$|\\x{C778}\\x{C1C4}$|\\x{B313}\\x{AE00}$|\\x{5171}\\x{6709}$|\\x{5370}\\x{5237}$|\\x{5206}\\x{4EAB}$"
	/* the topic list at the foot */
	"|topics\\s*:|tags\\s*:|filed\\s+under\\s*:)",
	/* NX_RE_CAPTION_CREDIT (credit_possible below must stay a necessary condition of it): a
	 * credit after a bar with the outlet after a slash ("... | Francis Chung/POLITICO"), the
	 * photographer in capitals, the last an ASCII letter, after the last sentence of a
	 * caption-sized line ("... martes. ÓSCAR CORRAL EFE"; a paragraph with a subheading glued
	 * on is longer), NYT's "Credit...",
	 * a credit after a dash at the end ("... in Karachi. — Reuters/File", "—INQUIRER FILE PHOTO") */
	"(?:\\s\\|\\s\\p{Lu}[\\p{L}\\p{M}.'-]*(?:\\s\\p{Lu}[\\p{L}\\p{M}.'-]*){0,3}/\\p{L}[\\p{L}\\p{M} .&-]{1,40}$"
	"|^(?=.{0,250}$).*\\p{Ll}\\.\\s\\p{Lu}[\\p{Lu}\\p{M}.'-]+(?:\\s\\p{Lu}[\\p{Lu}\\p{M}.'/-]+){1,3}(?<=[A-Z])$"
	"|\\bCredit\\.\\.\\.\\p{Lu}"
	"|\\s[\\x{2013}\\x{2014}]\\s?[^\\x{2013}\\x{2014}]{0,30}\\b(?i:photo|file|reuters|afp|ap|epa|getty|pa|xinhua|anadolu|bloomberg)\\b[^\\x{2013}\\x{2014}]{0,30}$)",
};

static const char *const pattern_name[NX_RE_COUNT] = {
	"dateline", "reading_time", "caption", "boilerplate", "caption_credit"
};

typedef struct compiled
{
	pcre2_code *code;
	pcre2_match_data *md;
	int			failed;
} compiled;

static compiled patterns[NX_RE_COUNT];
static pcre2_match_context *match_ctx;

/* bounded work per line: a line is at most a few kilobytes by the time it gets here */
#define NX_RE_MATCH_LIMIT 200000
#define NX_RE_DEPTH_LIMIT 2000

static compiled *
get_pattern(nx_pattern p)
{
	compiled   *c = &patterns[p];
	int			err;
	PCRE2_SIZE	erroff;

	(void) pattern_name;
	if (c->code || c->failed)
		return c;
	if (match_ctx == NULL)
	{
		match_ctx = pcre2_match_context_create(NULL);
		if (match_ctx == NULL)
		{
			c->failed = 1;
			return c;
		}
		pcre2_set_match_limit(match_ctx, NX_RE_MATCH_LIMIT);
		pcre2_set_depth_limit(match_ctx, NX_RE_DEPTH_LIMIT);
	}
	/* compiled code lives for the process: one copy per backend, built on first use */
	c->code = pcre2_compile((PCRE2_SPTR) pattern_source[p], PCRE2_ZERO_TERMINATED,
							PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF, &err, &erroff, NULL);
	if (c->code == NULL)
	{
		c->failed = 1;
		return c;
	}
#ifndef NX_RE_NO_JIT
	/* (make valgrind builds without JIT: JIT code reads ahead and has no unwind info) */
	(void) pcre2_jit_compile(c->code, PCRE2_JIT_COMPLETE);	/* falls back to the interpreter */
#endif
	c->md = pcre2_match_data_create_from_pattern(c->code, NULL);
	if (c->md == NULL)
	{
		pcre2_code_free(c->code);
		c->code = NULL;
		c->failed = 1;
	}
	return c;
}

/*
 * What every NX_RE_CAPTION match needs, tested in a few byte reads: the caption pattern is
 * not anchored, and every body line is asked. A credit in brackets or parentheses ends the
 * line (before a final newline, as $ allows); the label forms have a colon or start with
 * "image caption" / "media caption".
 */
/* an en or em dash in the last CREDIT_TAIL_BYTES bytes (where a credit after a dash starts) */
#define CREDIT_TAIL_BYTES 280	/* the credit after a dash: at most 69 characters of up to 4 bytes */

static int
dash_near_end(const char *s, size_t e)
{
	const char *end = s + e,
			   *p = e > CREDIT_TAIL_BYTES ? end - CREDIT_TAIL_BYTES : s;

	for (; (p = memchr(p, 0xE2, (size_t) (end - p))) != NULL && end - p >= 3; p++)
		if ((unsigned char) p[1] == 0x80 && ((unsigned char) p[2] == 0x93 || (unsigned char) p[2] == 0x94))
			return 1;
	return 0;
}

/* a bar with a slash after it: "... | Francis Chung/POLITICO" */
static int
bar_then_slash(const char *s, size_t n)
{
	const char *bar = memchr(s, '|', n);

	return bar != NULL && memchr(bar, '/', n - (size_t) (bar - s)) != NULL;
}

/* a lower-case letter: the caption's sentence before a credit in capitals (ASCII, or any letter outside it) */
static int
has_lower(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((s[i] >= 'a' && s[i] <= 'z') || (unsigned char) s[i] >= 0x80)
			return 1;
	return 0;
}

/* "Credit..." */
static int
has_credit_dots(const char *s, size_t n)
{
	for (const char *p = s; (p = memchr(p, 'C', n - (size_t) (p - s))) != NULL; p++)
		if ((size_t) (s + n - p) >= 9 && memcmp(p, "Credit...", 9) == 0)
			return 1;
	return 0;
}

/* the line's length without a final newline ($ allows one) */
static size_t
without_newline(const char *s, size_t n)
{
	return n > 0 && s[n - 1] == '\n' ? n - 1 : n;
}

static int
caption_possible(const char *s, size_t n)
{
	size_t		e = without_newline(s, n);
	unsigned char last;

	if (e == 0)
		return 0;
	last = (unsigned char) s[e - 1];
	return last == ']' || last == ')' || memchr(s, ':', n) != NULL ||
		(n >= 5 && (nx_strncaseeq(s, "image", 5) || nx_strncaseeq(s, "media", 5)));
}

/*
 * What every NX_RE_CAPTION_CREDIT match needs: a dash near the end, a bar with a slash after
 * it, an ASCII capital last after some lower case in at most 250 characters, or "Credit...".
 */
static int
credit_possible(const char *s, size_t n)
{
	size_t		e = without_newline(s, n);

	if (e == 0)
		return 0;
	return dash_near_end(s, e) || bar_then_slash(s, n) ||
		(s[e - 1] >= 'A' && s[e - 1] <= 'Z' && e <= 1000 && has_lower(s, e)) || has_credit_dots(s, n);
}

/* every NX_RE_DATELINE match starts with a capital letter (\p{Lu}: ASCII or not) */
static int
dateline_possible(const char *s, size_t n)
{
	return n > 0 && ((unsigned char) s[0] >= 0x80 || (s[0] >= 'A' && s[0] <= 'Z'));
}

/*
 * The anchored patterns can start only with these bytes (ASCII case folded); any non-ASCII
 * byte may start one too (Unicode digits, the long s that caseless "s" matches, the copyright
 * sign). Most lines start otherwise, and a pcre2 call costs about 100 ns even when it fails
 * at once.
 */
static int
first_byte_possible(nx_pattern p, const char *s, size_t n)
{
	unsigned char c;

	if (n == 0)
		return 0;
	c = nx_ascii_lower((unsigned char) s[0]);
	if (c >= 0x80 || (c >= '0' && c <= '9'))
		return 1;
	if (p == NX_RE_READING_TIME)
		return c == 'e' || c == 'r';
	return strchr("acdefhijlmprstuwy(+", c) != NULL;	/* NX_RE_BOILERPLATE */
}

int
nx_re_match(nx_pattern p, const char *s, size_t n, nx_re_groups *m)
{
	compiled   *c = get_pattern(p);
	int			rc,
				i;
	PCRE2_SIZE *ov;

	if (c->failed)
		return -1;
	if ((p == NX_RE_CAPTION && !caption_possible(s, n)) || (p == NX_RE_CAPTION_CREDIT && !credit_possible(s, n)) ||
		(p == NX_RE_DATELINE && !dateline_possible(s, n)) ||
		((p == NX_RE_READING_TIME || p == NX_RE_BOILERPLATE) && !first_byte_possible(p, s, n)))
		return 0;
	rc = pcre2_match(c->code, (PCRE2_SPTR) s, n, 0, 0, c->md, match_ctx);
	if (rc == PCRE2_ERROR_NOMATCH)
		return 0;
	if (rc < 0)
		return -1;
	ov = pcre2_get_ovector_pointer(c->md);
	for (i = 0; i < NX_RE_MAX_GROUPS; i++)
	{
		if (i < rc && ov[2 * i] != PCRE2_UNSET)
		{
			m->start[i] = ov[2 * i];
			m->end[i] = ov[2 * i + 1];
		}
		else
		{
			m->start[i] = (size_t) -1;
			m->end[i] = (size_t) -1;
		}
	}
	return 1;
}

int
nx_re_group(nx_pattern p, const char *name)
{
	compiled   *c = get_pattern(p);
	int			g;

	if (c->failed)
		return -1;
	g = pcre2_substring_number_from_name(c->code, (PCRE2_SPTR) name);
	return (g > 0 && g < NX_RE_MAX_GROUPS) ? g : -1;
}
