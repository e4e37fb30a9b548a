/* byline.c - recognising byline lines and the names in them */
#include <string.h>
#include <utf8proc.h>

#include "byline.h"
#include "locale_names.h"
#include "nx_text.h"

#define BYLINE_MAX_BYTES 300
#define NAMES_MAX_WORDS 30
/* a person's name alone: "Catharine Tunstall" */
#define NAME_MAX_BYTES 60
/* a role line under a name is short: "Science and technology correspondent @handle" */
#define ROLE_LINE_MAX_WORDS 8
#define HANDLES_MAX_BYTES 40
#define PUBLISHER_MAX_BYTES 60

/*
 * the words for "by" before names, folded (nx_fold_word): also Greek's genitive articles
 * ("Της Μαρίας Παπαδοπούλου"; folding turns the final sigma into σ), Arabic "بقلم" (by the
 * pen of) and Hebrew "מאת"
 */
static const char *const by_words[] = {
	"by", "von", "par", "por", "di", "door", "av", "af", "przez", "oleh", "penulis", "kirjoittanut",
	"na", "ni",					/* Swahili, Tagalog */
	"\xCF\x84\xCE\xBF\xCF\x85", "\xCF\x84\xCE\xB7\xCF\x83", "\xD8\xA8\xD9\x82\xD9\x84\xD9\x85",
	"\xD7\x9E\xD7\x90\xD7\xAA", NULL
};

/* words that introduce names only with a colon or a "by" after them ("Text: ...", "Written by ...") */
static const char *const by_words_labelled[] = {
	"autor", "autorka", "autore", "autores", "auteur", "yazan", "yazar", "автор", "текст", "text", "texto",
	"testo", "tekst", "author", "authors", "written", "reported", "words", "story", "reporting", "posted",
	"opinion", "analysis", "commentary", "review", "edited", "compiled", "produced", "interview", "column",
	"artikel", "kommentar", "analyse", "beitrag", "gastbeitrag", "bericht", "reportage", "kolumne", "essay",
	"chronique", "tribune", "article", "reportaje", "columna", "articulo", "cronaca", "intervista",
	"\xE0\xB8\x9C\xE0\xB8\xB9\xE0\xB9\x89\xE0\xB9\x80\xE0\xB8\x82\xE0\xB8\xB5\xE0\xB8\xA2\xE0\xB8\x99",	/* ผู้เขียน */
	"\xE6\x92\xB0\xE6\x96\x87", "\xE4\xBD\x9C\xE8\x80\x85",	/* 撰文, 作者 */
	NULL
};

/* the articles a label before a by-word may open with ("Ein Artikel von", "A column by") */
static const char *const label_articles[] = {
	"a", "an", "ein", "eine", "un", "une", "una", "uno", "een", NULL
};

/* lower-case words that sit inside name lists: conjunctions, particles, roles */
static const char *const name_glue[] = {
	"and", "und", "et", "y", "e", "i", "en", "og", "och", "ve", "a", "и", "oraz", "ja", "es", "si", "dan",
	"van", "von", "der", "den", "de", "da", "das", "do", "dos", "del", "della", "di", "du", "des", "le", "la",
	"al", "el", "bin", "ben", "ibn", "ter", "ten", "zu", "mac", "y", "&", "dela",
	"in", "for", "at", "with", "mit", "avec", "con", "com", "met", "med", "staff", "correspondent", "reporter", "writer", "editor", "news",
	"desk", "team", "redaktion", "redaccion", "redazione", "redaction", "agencies", "agency", NULL
};

/* the fullwidth colon of Chinese and Japanese text ("撰文：") at s */
static int
fullwidth_colon(const char *s, size_t n)
{
	return n >= 3 && (unsigned char) s[0] == 0xEF && (unsigned char) s[1] == 0xBC && (unsigned char) s[2] == 0x9A;
}

/* the end of the word at i (at most 24 bytes; a colon ends it too), or i when there is none */
static size_t
word_end(const char *s, size_t n, size_t i)
{
	size_t		j = i;

	while (j < n && j - i < 24 && !nx_is_space((unsigned char) s[j]) && s[j] != ':' && !fullwidth_colon(s + j, n - j))
		j++;
	return j;
}

/* i past the white space at i, or 0 when there is none (a by-word is followed by names) */
static size_t
after_space(const char *s, size_t n, size_t i)
{
	if (i >= n || !nx_is_space((unsigned char) s[i]))
		return 0;
	while (i < n && nx_is_space((unsigned char) s[i]))
		i++;
	return i < n ? i : 0;
}

/*
 * After a label word at [i0, i): "Text: ", "Written by ", "Kommentar von ": the offset of the
 * names, or 0
 */
static size_t
after_label(const char *s, size_t n, size_t i)
{
	size_t		j,
				k;

	if (i < n && s[i] == ':')
		return after_space(s, n, i + 1);
	/* "撰文：張偉": no space after a fullwidth colon */
	if (fullwidth_colon(s + i, n - i))
		return i + 3 < n ? (after_space(s, n, i + 3) ? after_space(s, n, i + 3) : i + 3) : 0;
	if ((j = after_space(s, n, i)) == 0)
		return 0;
	k = word_end(s, n, j);
	return k > j && nx_word_in_folded_list(s + j, k - j, by_words) ? after_space(s, n, k) : 0;
}

size_t
nx_by_word(const char *s, size_t n)
{
	size_t		i = word_end(s, n, 0),
				j,
				k;
	char		f[64];

	/* every header line asks this: the first word is folded once for the three lists */
	if (i == 0 || i >= n || nx_fold_word(s, i, f, sizeof(f)) == 0)
		return 0;
	if (nx_folded_in_list(f, by_words))
		return after_space(s, n, s[i] == ':' ? i + 1 : i);
	if (nx_folded_in_list(f, by_words_labelled))
		return after_label(s, n, i);
	/* "Ein Artikel von", "Une chronique par", "A column by": an article, a label, a by-word */
	if (!nx_folded_in_list(f, label_articles) || (j = after_space(s, n, i)) == 0)
		return 0;
	k = word_end(s, n, j);
	return k > j && nx_word_in_folded_list(s + j, k - j, by_words_labelled) ? after_label(s, n, k) : 0;
}

static int	word_case(const char *s, size_t n);

/* "our" before a role after the by-word: "By our correspondent", "Von unserer Korrespondentin" */
static const char *const our_words[] = {
	"our", "unser", "unsere", "unserer", "unserem", "unseren", "notre", "nos", "nuestro", "nuestra",
	"nuestros", "nostro", "nostra", "nostri", "nosso", "nossa", "onze", NULL
};

/* folded stems of the roles such a phrase names: a stem and at most five more letters */
static const char *const our_role_stems[] = {
	"correspond", "corrispond", "correspons", "korrespond", "korespond", "sonderkorrespond",
	"reporter", "redakteur", "redaktor", "redattor", "redactor", "redacteur", "envoy", "enviad",
	"inviat", "mitarbeiter", NULL
};

/* the words before such a role, whole (a stem would take names: "Stafford", "Staffan") */
static const char *const our_role_adjectives[] = {
	"staff", "special", "speciale", "speciaux", "spezial", "foreign", "political", "chief",
	"senior", "own", "eigener", "eigene", "eigenen", NULL
};

static int
is_our_role_word(const char *s, size_t n)
{
	char		f[64];
	size_t		fn;

	/* "correspondent," ends the phrase with its comma */
	if (n > 1 && s[n - 1] == ',')
		n--;
	if ((fn = nx_fold_word(s, n, f, sizeof(f))) == 0)
		return 0;
	for (const char *const *w = our_role_stems; *w; w++)
		if (strncmp(f, *w, strlen(*w)) == 0 && fn <= strlen(*w) + 5)
			return 1;
	return nx_folded_in_list(f, our_role_adjectives);
}

/*
 * Past "our correspondent" (up to three role words after the possessive), or a role in lower
 * case without it ("political reporter"), at the start of the names: the offset of the
 * names, or 0 when there is no such phrase or nothing after it
 */
static size_t
after_our_role(const char *s, size_t n)
{
	size_t		i = word_end(s, n, 0),
				j,
				k,
				roles = 0;

	if (i == 0)
		return 0;
	/* without "our", the role alone in lower case: "By political reporter Tom Lowry" */
	if (!nx_word_in_folded_list(s, i, our_words))
	{
		if (word_case(s, i) != 'l' || !is_our_role_word(s, i))
			return 0;
		roles = 1;
	}
	while ((j = after_space(s, n, i)) != 0 && roles < 3)
	{
		k = word_end(s, n, j);
		if (k == j || !is_our_role_word(s + j, k - j))
			break;
		roles++;
		i = k;
	}
	/* a comma after the role ("Korrespondentin, Anna Berg") is part of its word */
	return roles > 0 ? after_space(s, n, i) : 0;
}

/* the first character of a word: upper case, lower case, or no case (CJK, Devanagari) */
static int
word_case(const char *s, size_t n)
{
	utf8proc_int32_t cp;

	if (utf8proc_iterate((const utf8proc_uint8_t *) s, (utf8proc_ssize_t) n, &cp) <= 0)
		return 'x';
	switch (utf8proc_category(cp))
	{
		case UTF8PROC_CATEGORY_LU:
		case UTF8PROC_CATEGORY_LT:
			return 'U';
		case UTF8PROC_CATEGORY_LL:
			return 'l';
		case UTF8PROC_CATEGORY_LO:
		case UTF8PROC_CATEGORY_LM:
			return 'o';
		default:
			return 'x';
	}
}

int
nx_word_starts_lower(const char *s, size_t n)
{
	return n > 0 && word_case(s, n) == 'l';
}

/* an en or em dash standing alone between names and a place: "Ana Souza — Brasília" */
static int
is_dash_word(const char *s, size_t n)
{
	return n == 3 && (unsigned char) s[0] == 0xE2 && (unsigned char) s[1] == 0x80 &&
		((unsigned char) s[2] == 0x93 || (unsigned char) s[2] == 0x94);
}

static int
is_name_separator(char c)
{
	return c == ',' || c == '|' || c == '/' || c == ';' || c == '&';
}

/*
 * After a comma behind two or more capitalised words, a short outlet tail in lower case or
 * with digits, up to a dash and a place or the end: "Por Ana Lima, g1 — São Paulo".
 */
static int
outlet_tail(const char *s, size_t n)
{
	size_t		i = 0;
	int			words = 0,
				plain = 1;

	while (i < n)
	{
		size_t		j = i;

		while (j < n && !nx_is_space((unsigned char) s[j]))
			j++;
		if (is_dash_word(s + i, j - i))
			break;
		if (++words > 2)
			return 0;
		for (size_t k = i; k < j; k++)
			if ((s[k] >= '0' && s[k] <= '9') || (k == i && word_case(s + k, j - k) == 'l'))
				plain = 0;
		i = j;
		while (i < n && nx_is_space((unsigned char) s[i]))
			i++;
	}
	return words > 0 && !plain && i <= 20;
}

int
nx_looks_like_names(const char *s, size_t n, int after_by_word)
{
	size_t		i = 0;
	int			words = 0,
				lower = 0,
				capital = 0;

	nx_trim(&s, &n);
	if (n == 0 || n > BYLINE_MAX_BYTES)
		return 0;
	/* sentences end in periods; names may have initials ("J. Doe") but not ". The" */
	for (i = 0; i + 2 < n; i++)
		if ((s[i] == '.' || s[i] == '!' || s[i] == '?') && s[i + 1] == ' ' && s[i + 2] >= 'a' && s[i + 2] <= 'z')
			return 0;
	i = 0;
	while (i < n)
	{
		size_t		j;
		int			c;

		while (i < n && (nx_is_space((unsigned char) s[i]) || is_name_separator(s[i])))
			i++;
		/* after "|" comes the publisher, spelled as it likes; after a comma a short outlet */
		if (i > 0 && s[i - 1] == '|' && capital > 0)
			break;
		if (after_by_word && capital >= 2 && i > 1 && s[i - 1] == ' ' && s[i - 2] == ',' && outlet_tail(s + i, n - i))
			break;
		j = i;
		while (j < n && !nx_is_space((unsigned char) s[j]) && !is_name_separator(s[j]))
			j++;
		if (j == i)
			break;
		words++;
		if (words > NAMES_MAX_WORDS)
			return 0;
		if (memchr(s + i, '.', j - i) == NULL || j - i > 3)
		{
			size_t		k;

			for (k = i; k < j; k++)
				if (s[k] >= '0' && s[k] <= '9')
					return 0;
		}
		/* a dash ends a wire dateline ("NAIROBI, Kenya —"); in a byline a place follows it */
		if (is_dash_word(s + i, j - i) && j >= n)
			return 0;
		c = word_case(s + i, j - i);
		/* a social handle after the name: "Jane Doe @janedoe" */
		if (s[i] == '@' && j - i > 1 && capital > 0)
			c = '@';
		if (c == 'U' || c == 'o')
			capital++;
		else if (c == 'x' && !(j - i == 1 && (s[i] == '-' || s[i] == '&')) && !is_dash_word(s + i, j - i))
			return 0;
		else if (c == '@' && memchr(s + i + 1, '@', j - i - 1) != NULL)
			return 0;			/* an e-mail address, not a handle */
		else if (c == 'l' && !nx_word_in_folded_list(s + i, j - i, name_glue))
		{
			lower++;
			/* the answer is no from here on (words and lower only grow): prose stops early */
			if (!after_by_word || words > 1)
				return 0;
		}
		i = j;
	}
	if (capital > 0 && lower == 0)
		return 1;
	/* "By dpa", "By mbl.is": one handle or agency in lower case after an explicit by-word */
	return after_by_word && words == 1 && lower == 1 && n <= 40;
}

/*
 * Handles and agencies as sites print them without a "By": "dpa", "kicker", "ORF.at",
 * "ssi, dan". At most three short tokens of letters (dots and hyphens inside), no sentence.
 */
int
nx_looks_like_handles(const char *s, size_t n)
{
	size_t		i = 0;
	int			tokens = 0;

	nx_trim(&s, &n);
	if (n == 0 || n > HANDLES_MAX_BYTES)
		return 0;
	while (i < n)
	{
		size_t		j,
					letters = 0;

		while (i < n && (s[i] == ' ' || s[i] == ','))
			i++;
		if (i >= n)
			break;
		j = i;
		while (j < n && s[j] != ' ' && s[j] != ',')
		{
			unsigned char c = (unsigned char) s[j];

			if (c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
				letters++;
			else if (!(c == '.' || c == '-' || c == '_' || (c >= '0' && c <= '9')))
				return 0;
			j++;
		}
		/* a token ends with a letter or digit: "etc." or "end." is prose */
		if (letters == 0 || s[j - 1] == '.' || s[j - 1] == '-')
			return 0;
		if (!nx_word_in_folded_list(s + i, j - i, name_glue) && ++tokens > 3)
			return 0;
		i = j;
	}
	return tokens > 0;
}

/* a publisher after "|", spelled as it likes ("Euronews (DE)", "Die Tageszeitung (taz)"): a short label */
static int
publisher_like(const char *s, size_t n)
{
	size_t		i;
	int			lower_words = 0;

	nx_trim(&s, &n);
	if (n == 0 || n > PUBLISHER_MAX_BYTES || nx_count_words(s, n) > 8 || word_case(s, n) == 'x')
		return 0;
	for (i = 0; i < n; i++)
	{
		if (s[i] == '|' || s[i] == ':' || s[i] == '!' || s[i] == '?')
			return 0;
		/* "Post. The": a sentence, where "S.A." or "Le Monde.fr" are not */
		if (s[i] == '.' && i + 1 < n && s[i + 1] == ' ')
			return 0;
		/* a name, not a clause: "Trump wins the vote" has lower-case words that are not glue */
		if (i == 0 || s[i - 1] == ' ')
		{
			size_t		j = i;

			while (j < n && s[j] != ' ')
				j++;
			if (word_case(s + i, j - i) == 'l' && !nx_word_in_folded_list(s + i, j - i, name_glue) && ++lower_words > 1)
				return 0;
		}
	}
	return 1;
}

/*
 * The length of " on " at s, or of the word before a date in the other languages ("Von Anna
 * Berg am 4. September", "Par Anne Martin le 4 septembre", "Por Ana Lima el 4 de ..."), else 0
 */
static size_t
date_preposition_len(const char *s, size_t n)
{
	static const char *const words[] = {"on", "am", "le", "el", "il", "em", "op", "den", NULL};

	if (n < 4 || s[0] != ' ')
		return 0;
	for (int w = 0; words[w] != NULL; w++)
	{
		size_t		k = strlen(words[w]);

		if (n > k + 2 && memcmp(s + 1, words[w], k) == 0 && s[k + 1] == ' ')
			return k + 2;
	}
	return 0;
}

/*
 * "Jane Doe, September 4, 2016" / "Jane Doe | 4 Sep 2016" / "Jane Doe on 4 September 2016":
 * where the names stop and a date line starts
 */
static int
split_names_date(const char *s, size_t n, nx_byline *out)
{
	size_t		i;
	int			tries = 0;

	for (i = 1; i < n && tries < 8; i++)
	{
		size_t		k = i;
		const char *r;
		size_t		rn;
		nx_date		d;
		nx_date_label label;

		if (s[i] == ',' || s[i] == '|' || s[i] == ';')
			k = i + 1;
		else if (s[i] == ' ' && i + 2 < n && (s[i + 1] == '-' || s[i + 1] == '/') && s[i + 2] == ' ')
			k = i + 2;
		else if (s[i] == ' ' && i + 4 < n && (unsigned char) s[i + 1] == 0xE2 && (unsigned char) s[i + 2] == 0x80)
			k = i + 4;			/* en dash, em dash, bullet */
		else if ((k = date_preposition_len(s + i, n - i)) > 0)
			k += i;
		else
			continue;
		tries++;
		r = s + k;
		rn = n - k;
		nx_trim(&r, &rn);
		if (rn == 0 || (label = nx_date_line(r, rn, &d)) == NX_DATE_NONE)
			continue;
		out->names = s;
		out->names_n = i;
		out->date = d;
		out->date_label = label;
		return 1;
	}
	return 0;
}

/* ------------------------------------------- names with a role word (Korean, Chinese) */

/* a personal name of two to four Hangul syllables or CJK ideographs: "김민수", "张伟" */
static int
cjk_name_word(const char *s, size_t n)
{
	size_t		i = 0;
	int			chars = 0;

	while (i < n)
	{
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *) s + i, (utf8proc_ssize_t) (n - i), &cp);

		if (k <= 0 || !((cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x4E00 && cp <= 0x9FFF)))
			return 0;
		i += (size_t) k;
		chars++;
	}
	return chars >= 2 && chars <= 4;
}

/* a token of names joined by "·", "、" or ",": "김민수·이영희" */
static int
cjk_names_token(const char *s, size_t n)
{
	size_t		start = 0;

	for (size_t i = 0; i <= n; i++)
	{
		size_t		k = i == n ? 1 : (s[i] == ',' ? 1 : (i + 1 < n && memcmp(s + i, "\xC2\xB7", 2) == 0) ? 2 :
								 (i + 2 < n && memcmp(s + i, "\xE3\x80\x81", 3) == 0) ? 3 : 0);

		if (k == 0)
			continue;
		if (!cjk_name_word(s + start, i - start))
			return 0;
		start = i + k;
		i += k - 1;
	}
	return 1;
}

/* the byte length of the next space-separated token at s */
static size_t
token_len(const char *s, size_t n)
{
	size_t		i = 0;

	while (i < n && s[i] != ' ')
		i++;
	return i;
}

static int
ends_with(const char *s, size_t n, const char *suffix)
{
	size_t		k = strlen(suffix);

	return n >= k && memcmp(s + n - k, suffix, k) == 0;
}

/*
 * "김민수 기자", "[서울=뉴시스] 김민수·이영희 기자 kim@example.com", "워싱턴=김민수 특파원" (Korean: names, then the
 * role: reporter, correspondent, editorial writer), "新华社记者 张伟 李娜" (Chinese: the role
 * first). The names without the role are the byline.
 */
static int
role_byline(const char *s, size_t n, nx_byline *out)
{
	const char *role_ko[] = {"\xEA\xB8\xB0\xEC\x9E\x90", "\xED\x8A\xB9\xED\x8C\x8C\xEC\x9B\x90",
	"\xEC\x9C\x84\xEC\x9B\x90"};	/* 기자, 특파원, (논설/편집)위원 */
	const char *names = NULL;
	size_t		names_end = 0,
				i = 0;
	int			tokens = 0,
				chinese = 0;

	/* an agency tag first: "[서울=뉴시스]", "(记者)" */
	if (n > 0 && (s[0] == '[' || s[0] == '('))
	{
		const char *close = memchr(s, s[0] == '[' ? ']' : ')', n < 40 ? n : 40);

		if (close == NULL)
			return 0;
		i = (size_t) (close - s) + 1;
	}
	while (i < n)
	{
		size_t		k;
		int			ko_role = 0;

		while (i < n && s[i] == ' ')
			i++;
		if (i >= n)
			break;
		k = token_len(s + i, n - i);
		/* a place before the names: "워싱턴=김민수 특파원" */
		if (names == NULL && memchr(s + i, '=', k) != NULL)
		{
			size_t		eq = (size_t) ((const char *) memchr(s + i, '=', k) - (s + i)) + 1;

			i += eq;
			k -= eq;
		}
		for (int r = 0; r < 3; r++)
			ko_role |= ends_with(s + i, k, role_ko[r]) && (r < 2 || k > 6);
		if (tokens == 0 && names == NULL && ends_with(s + i, k, "\xE8\xAE\xB0\xE8\x80\x85") && k <= 21)
			chinese = 1;		/* 记者, 新华社记者, 本报记者 */
		else if (!chinese && names != NULL && ko_role && k <= 12)
		{
			/* Korean: the role closes the names; an e-mail address may follow */
			size_t		rest = i + k;

			while (rest < n && s[rest] == ' ')
				rest++;
			if (rest < n && (memchr(s + rest, '@', n - rest) == NULL || token_len(s + rest, n - rest) != n - rest))
				return 0;
			out->names = names;
			out->names_n = names_end - (size_t) (names - s);
			return 1;
		}
		else if (cjk_names_token(s + i, k) && tokens < 3)
		{
			if (names == NULL)
				names = s + i;
			names_end = i + k;
			tokens++;
		}
		else
			return 0;
		i += k;
	}
	if (!chinese || names == NULL)
		return 0;
	out->names = names;
	out->names_n = names_end - (size_t) (names - s);
	return 1;
}

/* a quick test before role_byline: the line holds 기자, 특파원, 위원 or 记者 (memchr for their first bytes) */
static int
may_have_role_word(const char *s, size_t n)
{
	static const char *const words[] = {"\xEA\xB8\xB0\xEC\x9E\x90", "\xED\x8A\xB9\xED\x8C\x8C",
	"\xEC\x9C\x84\xEC\x9B\x90", "\xE8\xAE\xB0\xE8\x80\x85"};

	for (int w = 0; w < 4; w++)
	{
		const char *p = s;
		const char *end = s + n;

		while ((p = memchr(p, words[w][0], (size_t) (end - p))) != NULL)
		{
			if (end - p >= 6 && memcmp(p, words[w], 6) == 0)
				return 1;
			if (++p >= end)
				break;
		}
	}
	return 0;
}

/* the words of a byline's role after the name: "Staff Writer", "Political Editor" */
static const char *const role_words[] = {
	"writer", "editor", "correspondent", "reporter", "columnist", "contributor", "journalist", "staff",
	"redakteur", "redakteurin", "korrespondent", "correspondant", "corresponsal", "periodista", "giornalista", NULL
};

/*
 * The words of a reporter's role printed on the line under the name, folded (utf8proc case
 * fold, marks stripped): "Health reporter, BBC News", "Dziennikarz Onetu", "Reporter".
 */
static const char *const role_line_words[] = {
	"writer", "editor", "correspondent", "reporter", "columnist", "contributor", "journalist", "producer",
	"redakteur", "redakteurin", "korrespondent", "korrespondentin", "reporterin", "journalistin",
	"correspondant", "correspondante", "journaliste", "redacteur", "redactrice", "corresponsal",
	"periodista", "redactor", "redactora", "giornalista", "redattore", "redattrice", "inviato", "inviata",
	"jornalista", "correspondente", "verslaggever", "redaktor", "redaktorka", "reportrar",
	"dziennikarz", "dziennikarka", "novinar", "novinarka", "muhabir", "muhabiri",
	"\xD0\xBA\xD0\xBE\xD1\x80\xD1\x80\xD0\xB5\xD1\x81\xD0\xBF\xD0\xBE\xD0\xBD\xD0\xB4\xD0\xB5\xD0\xBD\xD1\x82",	/* корреспондент */
	"\xD0\xB6\xD1\x83\xD1\x80\xD0\xBD\xD0\xB0\xD0\xBB\xD0\xB8\xD1\x81\xD1\x82",	/* журналист */
	"\xD1\x80\xD0\xB5\xD0\xB4\xD0\xB0\xD0\xBA\xD1\x82\xD0\xBE\xD1\x80",	/* редактор */
	NULL
};

/* words of outlets' names, folded: "CBC News", "Harbour Times", "Press Desk" */
static const char *const outlet_words[] = {
	"news", "press", "times", "post", "today", "media", "agency", "agencies", "desk", "staff", "team",
	"online", "wire", "service", "bureau", "network", "daily", "herald", "tribune", "journal", "gazette",
	"group", "magazine", "radio", "report", "digital", "live", "weekly", "channel", "nachrichten",
	"redaktion", "redaccion", "redazione", "redaction", "noticias", "notizie", "nieuws", "nyheter", NULL
};

int
nx_outlet_name(const char *s, size_t n)
{
	size_t		i = 0;

	while (i < n)
	{
		size_t		j;

		while (i < n && nx_is_space((unsigned char) s[i]))
			i++;
		for (j = i; j < n && !nx_is_space((unsigned char) s[j]); j++)
			;
		if (j > i && nx_word_in_folded_list(s + i, j - i, outlet_words))
			return 1;
		i = j;
	}
	return 0;
}

/*
 * A person's name as a segment of a meta line prints it ("Jane Doe · Harbour News ·
 * Posted: ..."): two to four words, each a capital then lower case (acronyms are outlets:
 * "CBS News", "TNN"), none an outlet word.
 */
int
nx_person_name(const char *s, size_t n)
{
	size_t		i = 0;
	int			words = 0;

	nx_trim(&s, &n);
	/* "Source: Xinhua" is a label and its value */
	if (n == 0 || n > NAME_MAX_BYTES || memchr(s, ':', n) != NULL || !nx_looks_like_names(s, n, 0))
		return 0;
	while (i < n)
	{
		size_t		j;
		int			lower = 0;

		while (i < n && nx_is_space((unsigned char) s[i]))
			i++;
		for (j = i; j < n && !nx_is_space((unsigned char) s[j]); j++)
			lower |= s[j] >= 'a' && s[j] <= 'z';
		if (j == i)
			break;
		if (++words > 4 || word_case(s + i, j - i) != 'U' || (!lower && (unsigned char) s[j - 1] < 0x80) ||
			nx_word_in_folded_list(s + i, j - i, outlet_words))
			return 0;
		i = j;
	}
	return words >= 2;
}

/* words that may follow a role word: "Correspondent in Beijing", "Editor at large" */
static const char *const role_line_links[] = {
	"in", "at", "for", "of", "on", "de", "di", "da", "en", "bei", "fur", "im", "w", "v", "na", "i", NULL
};

/*
 * A role line under a byline's name: at most ROLE_LINE_MAX_WORDS words, no digits, no
 * sentence end, and a role word at the end, before a comma or a handle, before a capital
 * (the outlet: "Dziennikarz Onetu") or a link word; in a sentence a verb follows it
 * ("The reporter saw ...").
 */
int
nx_role_line(const char *s, size_t n)
{
	size_t		i = 0;
	int			words = 0,
				role = 0,
				after_role = 0;

	nx_trim(&s, &n);
	if (n == 0 || n > BYLINE_MAX_BYTES || s[n - 1] == '.' || s[n - 1] == '!' || s[n - 1] == '?' ||
		nx_has_digit(s, n))
		return 0;
	while (i < n)
	{
		size_t		j;

		while (i < n && (nx_is_space((unsigned char) s[i]) || is_name_separator(s[i])))
			i++;
		for (j = i; j < n && !nx_is_space((unsigned char) s[j]) && !is_name_separator(s[j]); j++)
			;
		if (j == i)
			break;
		if (++words > ROLE_LINE_MAX_WORDS)
			return 0;
		/* the word after a role word, on the same side of a separator */
		if (after_role && (i == 0 || !is_name_separator(s[i - 1])) && s[i] != '@' &&
			word_case(s + i, j - i) == 'l' && !nx_word_in_folded_list(s + i, j - i, role_line_links))
			role = 0;
		after_role = nx_word_in_folded_list(s + i, j - i, role_line_words);
		role |= after_role;
		i = j;
	}
	return role;
}

/*
 * "Jane Doe, Staff Writer, September 4, 2016": names with a role word, then a date, and no
 * by-word. The line reads like a wire dateline (place, region, date), so classify asks this
 * only of such lines.
 */
int
nx_byline_names_role_date(const char *s, size_t n, nx_byline *out)
{
	int			role = 0;

	memset(out, 0, sizeof(*out));
	nx_trim(&s, &n);
	if (n < 3 || n > BYLINE_MAX_BYTES || !split_names_date(s, n, out))
		return 0;
	nx_trim(&out->names, &out->names_n);
	for (size_t i = 0; i < out->names_n && !role;)
	{
		size_t		j = i;

		while (j < out->names_n && out->names[j] != ' ' && out->names[j] != ',')
			j++;
		role = j > i && nx_word_in_folded_list(out->names + i, j - i, role_words);
		i = j + 1;
	}
	if (role && nx_looks_like_names(out->names, out->names_n, 0))
		return 1;
	memset(out, 0, sizeof(*out));
	return 0;
}

size_t
nx_byline_without_role(const char *s, size_t n)
{
	const char *bar = memchr(s, '|', n);
	const char *after,
			   *end = s + n;
	size_t		w,
				k;

	if (bar == NULL)
		return n;
	for (after = bar + 1; after < end && nx_is_space((unsigned char) *after); after++)
		;
	w = word_end(after, (size_t) (end - after), 0);
	/* the role's first word or the one after it ("Editor", "Senior Reporter") */
	k = after + w < end ? word_end(after, (size_t) (end - after), w + 1) : w;
	if ((w > 0 && nx_word_in_folded_list(after, w, role_line_words)) ||
		(k > w + 1 && nx_word_in_folded_list(after + w + 1, k - w - 1, role_line_words)))
	{
		for (n = (size_t) (bar - s); n > 0 && nx_is_space((unsigned char) s[n - 1]); n--)
			;
	}
	return n;
}

/* "Rina Sari | Editor Budi Santoso": another role after a bar is not the publisher; the names end at the bar */
static void
cut_role_after_bar(nx_byline *out)
{
	out->names_n = nx_byline_without_role(out->names, out->names_n);
}

int
nx_byline_parse(const char *s, size_t n, nx_byline *out)
{
	return nx_byline_parse_dated(s, n, NULL, out);
}

int
nx_byline_parse_dated(const char *s, size_t n, const nx_date_prefix *prefix, nx_byline *out)
{
	size_t		by,
				consumed = 0;
	nx_date		d;
	nx_date_label label;

	memset(out, 0, sizeof(*out));
	nx_trim(&s, &n);
	if (n < 3 || n > BYLINE_MAX_BYTES)
		return 0;
	by = nx_by_word(s, n);
	if (by > 0)
	{
		by += after_our_role(s + by, n - by);
		if (!split_names_date(s + by, n - by, out))
		{
			out->names = s + by;
			out->names_n = n - by;
		}
		nx_trim(&out->names, &out->names_n);
		if (nx_looks_like_names(out->names, out->names_n, 1))
		{
			cut_role_after_bar(out);
			return 1;
		}
		/* a place and role in brackets after the name: "Par Claire Vasseur (Lorient, envoyée spéciale)" */
		if (out->names_n > 2 && out->names[out->names_n - 1] == ')')
		{
			const char *open = memchr(out->names, '(', out->names_n);

			if (open != NULL && open > out->names)
			{
				out->names_n = (size_t) (open - out->names);
				nx_trim(&out->names, &out->names_n);
				if (nx_looks_like_names(out->names, out->names_n, 1))
					return 1;
			}
		}
		memset(out, 0, sizeof(*out));
		return 0;
	}
	if (may_have_role_word(s, n) && role_byline(s, n, out))
		return 1;
	memset(out, 0, sizeof(*out));
	/* "Posted on Sept. 4, 2016 by Jane Doe": a date line, then the byline */
	if (prefix != NULL)
	{
		label = prefix->label;
		d = prefix->date;
		consumed = prefix->consumed;
	}
	else
		label = nx_date_line_prefix(s, n, &d, &consumed);
	if (label != NX_DATE_NONE && consumed < n && (by = nx_by_word(s + consumed, n - consumed)) > 0)
	{
		out->names = s + consumed + by;
		out->names_n = n - consumed - by;
		nx_trim(&out->names, &out->names_n);
		/* after a date and a by-word, handles in lower case too ("by ssi and dan", "by jane doe") */
		if (!nx_looks_like_names(out->names, out->names_n, 1) && !nx_looks_like_handles(out->names, out->names_n))
			return 0;
		out->date = d;
		out->date_label = label;
		return 1;
	}
	/* "Jane Doe, John Roe | Publisher" */
	if (memchr(s, '|', n) != NULL)
	{
		const char *bar = memchr(s, '|', n);

		/* "Jane Doe | Published March 20, 2024": names, then a date line */
		if (split_names_date(s, n, out))
		{
			nx_trim(&out->names, &out->names_n);
			if (nx_looks_like_names(out->names, out->names_n, 0))
				return 1;
			memset(out, 0, sizeof(*out));
		}

		if (bar > s && (nx_looks_like_names(s, (size_t) (bar - s), 0) ||
						nx_looks_like_handles(s, (size_t) (bar - s))) &&
			publisher_like(bar + 1, n - (size_t) (bar - s) - 1))
		{
			out->names = s;
			out->names_n = n;
			return 1;
		}
	}
	return 0;
}
