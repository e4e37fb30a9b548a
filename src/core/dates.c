/* dates.c - recognising date lines and dates inside datelines */
#include <pthread.h>
#include <string.h>

#include "dates.h"
#include "locale_names.h"
#include "nx_text.h"
#include "wordset.h"

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
	/* other languages, and forms such as genitives ("septembre", "września", "сентября") */
	return nx_locale_month(s, n);
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

/*
 * The words around a date on a date line, folded (nx_fold_word): labels that say what
 * the date is, in the languages whose month names locale_names.inc has, and the small
 * words and time-zone names a date line may carry. Month and weekday names come from
 * the CLDR table, not from here.
 */
static const char *const published_words[] = {
	"published", "posted", "first", "created", "issued", "released", "filed",
	"veroffentlicht", "erschienen", "publie", "publicado", "publicada", "pubblicato", "pubblicata",
	"gepubliceerd", "geplaatst", "publisert", "publiceret", "publicerad", "publicerat", "opublikowano",
	"publikacja", "opublikowany", "publikovano", "zverejnene", "yayınlanma", "yayınlandı", "yayın", "yayımlanma",
	"опубликовано", "опубликован", "публикация", "julkaistu", "publicat", "diterbitkan", "megjelent",
	"dipublikasikan", "postado", "postat", "udgivet", "zverejneno", "vydano", "erstellt", "publicacion",
	"publikacji", "publicacao", "pubblicazione", "публикации", "publiziert", "utworzenia", "giris",
	/* Hebrew and Arabic (published, publishing), Hindi (published); Vietnamese (date posted,
	 * published: two words, read as one) */
	"פורסם", "نشر", "النشر", "प्रकाशित", "ngay dang", "xuat ban",
	/* Korean (entered, registered, published), Chinese, Japanese (published, delivered, posted) */
	"입력", "기사입력", "등록", "발행", "게재", "송고", "송고시간", "发布", "发布时间", "發布", "發佈", "发表", "發表",
	"發布時間", "發佈時間", "發表時間",
	"出版", "出版时间", "出版時間", "公開", "公開日",
	"配信", "掲載", "投稿", "投稿日", NULL
};
/* "date" in other languages ("Fecha de publicación:", "Datum:"): a label word that says day first */
static const char *const date_words[] = {"fecha", "data", "datum", "dato", "дата", "تاريخ", NULL};

/* is t one of date_words? The first byte first: folding a word costs more than the rest of the test */
static int
may_be_date_word(const tok *t)
{
	unsigned char c = (unsigned char) t->s[0] | 0x20;

	return (c == 'f' || c == 'd' || (unsigned char) t->s[0] == 0xD0 || (unsigned char) t->s[0] == 0xD8) &&
		nx_word_in_folded_list(t->s, t->n, date_words);
}

/* the English labels: after any other, a numeric date is day first (04/09/2016 is 4 September) */
static const char *const english_labels[] = {
	"published", "posted", "first", "created", "issued", "released", "filed",
	"updated", "modified", "last", "edited", "revised", NULL
};
static const char *const updated_words[] = {
	"updated", "modified", "last", "edited", "revised", "aktualisiert", "geandert", "stand",
	"actualise", "modifie", "mis", "jour", "actualizado", "actualizada", "actualizacion", "aggiornato",
	"aggiornata", "aggiornamento", "atualizado", "atualizada", "atualizacao", "bijgewerkt", "gewijzigd",
	"laatst", "oppdatert", "opdateret", "uppdaterad", "uppdaterat", "sist", "senast", "aktualizacja",
	"zaktualizowano", "aktualizacji", "aktualizovano", "guncelleme", "guncellendi", "guncellenme", "son", "обновлено",
	"обновлен", "paivitetty", "actualizat", "diperbarui", "frissitve", "ultima", "ostatnia", "modifica",
	/* Korean (modified, last modified, update), Chinese and Japanese (update, last update) */
	"수정", "최종수정", "업데이트", "更新", "更新时间", "更新於", "最終更新", "更新日", "更新時間",
	/* Arabic (update, last), Hindi (update), Vietnamese (updated: two words) */
	"تحديث", "آخر", "अपडेट", "cap nhat", NULL
};
static const char *const filler_words[] = {
	"on", "at", "the", "of", "date", "time", "am", "pm", "a", "m", "p", "h", "hrs",
	"gmt", "utc", "bst", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "cet", "cest",
	"ist", "jst", "aest", "aedt", "et", "pt", "ct", "z", "hkt", "sgt", "msk", "eet", "eest", "wat",
	"t", "mez", "mesz", "wib", "trt", "kst",
	/* on, at, the, o'clock, "of" and "year" in the other languages */
	"am", "um", "uhr", "le", "la", "el", "il", "lo", "em", "op", "om", "den", "kl", "klo", "klokken",
	"de", "del", "do", "da", "di", "alle", "ore", "las", "los", "horas", "hs", "hrs", "a", "as", "ao",
	"w", "o", "godz", "dnia", "dne", "v", "saat", "tarihi", "tarih", "в", "г", "года", "год", "ч",
	"uur", "u", "kello", "pukul", "um", "jam",
	"時", "分", "시", "분", "午前", "午後", "오전", "오후", "上午", "下午", "น", "م", "ص", NULL
};

/*
 * The byte length of a punctuation character outside ASCII at s, else 0: general punctuation
 * (U+2000-U+205F: dashes, bullets, quotes), CJK symbols and punctuation (U+3000-U+303F:
 * 、。【】) and the fullwidth forms of ASCII punctuation (：，（） and the like). Date lines
 * use them as separators ("4 September 2016 — 10:05", "发布时间：2024-02-05").
 */
static size_t
wide_punct_len(const unsigned char *s, size_t n)
{
	if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
		return 0;
	if ((s[0] == 0xE2 && (s[1] == 0x80 || (s[1] == 0x81 && s[2] <= 0x9F))) ||
		(s[0] == 0xE3 && s[1] == 0x80) ||
		(s[0] == 0xEF && s[1] == 0xBC && ((s[2] >= 0x81 && s[2] <= 0x8F) || (s[2] >= 0x9A && s[2] <= 0xA0))) ||
		(s[0] == 0xEF && s[1] == 0xBD && s[2] >= 0x9B && s[2] <= 0xA5))
		return 3;
	return 0;
}

/* splits [s, s+n) into word, number and punctuation tokens; other non-ASCII bytes are words */
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
		else if (c >= 0xE2 && (j = i + wide_punct_len((const unsigned char *) s + i, n - i)) > i)
			toks[nt].kind = TK_PUNCT;
		else if (is_alpha(c) || c >= 0x80)
		{
			while (j < n && (is_alpha((unsigned char) s[j]) ||
							 ((unsigned char) s[j] >= 0x80 &&
							  ((unsigned char) s[j] < 0xE2 || wide_punct_len((const unsigned char *) s + j, n - j) == 0))))
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
	static const char *const ord[] = {"st", "nd", "rd", "th", "er", "e", NULL};

	return t->kind == TK_WORD && word_in(t, ord);
}

/* month token, with an optional abbreviation period; returns tokens used */
static int
match_month(const tok *t, int *month)
{
	if (t->kind != TK_WORD)
		return 0;
	/* a dotted abbreviation outside ASCII, one name across tokens: Thai "มี.ค." */
	if ((unsigned char) t->s[0] >= 0x80 && is_punct(&t[1], '.') && t[2].kind == TK_WORD &&
		t[1].s == t->s + t->n && t[2].s == t[1].s + 1 &&
		(*month = nx_locale_month(t->s, (size_t) (t[2].s + t[2].n - t->s))) != 0)
		return is_punct(&t[3], '.') && t[3].s == t[2].s + t[2].n ? 4 : 3;
	*month = nx_month_number(t->s, t->n);
	/* Hebrew writes "in" as a prefix: "במרץ", in March */
	if (*month == 0 && t->n > 4 && (unsigned char) t->s[0] == 0xD7 && (unsigned char) t->s[1] == 0x91)
		*month = nx_locale_month(t->s + 2, t->n - 2);
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

/* the Thai solar calendar counts from 543 BC: 2567 is 2024 */
#define BUDDHIST_ERA_OFFSET 543

static int
match_year(const tok *t, int *year)
{
	int			v = num_value(t);

	if (t->n != 4)
		return 0;
	/* Buddhist-era years of 1900-2099 (2443-2642) overlap no Gregorian year a date line prints */
	if (v >= 1900 + BUDDHIST_ERA_OFFSET && v <= 2099 + BUDDHIST_ERA_OFFSET)
		v -= BUDDHIST_ERA_OFFSET;
	if (v < 1800 || v > 2199)
		return 0;
	*year = v;
	return 1;
}

/* t[0] is a year: the year, month and day marks of Chinese, Japanese and Korean */
static int
match_cjk_date(const tok *t, nx_date *r)
{
	static const char *const marks[3][2] = {{"\xE5\xB9\xB4", "\xEB\x85\x84"},	/* 年 년 */
	{"\xE6\x9C\x88", "\xEC\x9B\x94"},	/* 月 월 */
	{"\xE6\x97\xA5", "\xEC\x9D\xBC"}};	/* 日 일 */
	int			part,
				v[2];

	for (part = 0; part < 3; part++)
	{
		const tok  *w = &t[2 * part + 1];

		if (w->kind != TK_WORD || w->n < 3 ||
			(memcmp(w->s, marks[part][0], 3) != 0 && memcmp(w->s, marks[part][1], 3) != 0))
			return 0;
		if (part < 2)
		{
			if (t[2 * part + 2].kind != TK_NUM || t[2 * part + 2].n > 2)
				return 0;
			v[part] = num_value(&t[2 * part + 2]);
		}
	}
	if (!nx_date_valid(r->year, v[0], v[1]))
		return 0;
	r->month = v[0];
	r->day = v[1];
	return 6;
}

/* the Gregorian year of an era name and year (令和 6 -> 2024; 平成 31 -> 2019), else 0 */
static int
japanese_era_year(const tok *t)
{
	static const struct
	{
		const char *name;
		int			first;		/* the Gregorian year of the era's year 1 */
	}			eras[] = {{"\xE4\xBB\xA4\xE5\x92\x8C", 2019}, {"\xE5\xB9\xB3\xE6\x88\x90", 1989}};

	if (t->kind != TK_WORD || t->n != 6 || t[1].kind != TK_NUM || t[1].n > 2 || num_value(&t[1]) < 1)
		return 0;
	for (size_t k = 0; k < sizeof(eras) / sizeof(eras[0]); k++)
		if (memcmp(t->s, eras[k].name, 6) == 0)
			return eras[k].first + num_value(&t[1]) - 1;
	return 0;
}

/* t opens a further number of the same run ("1.2.10.4", a version or an address, no date) */
static int
followed_by_digits(const tok *t)
{
	return t->kind == TK_PUNCT && t->n == 1 && strchr("./-", t->s[0]) != NULL && t[1].kind == TK_NUM;
}

/*
 * Tries every date form at t; returns tokens used (0 = none). Year stays 0 when
 * absent and allow_no_year is set.
 */
static int
match_date(const tok *t, int allow_no_year, nx_date *d)
{
	int			k = 0,
				u,
				separator;
	nx_date		r = {0, 0, 0, 0};

	/* year first: 2016-09-04 (ISO), 2016/09/04 (China, Japan), 2016.09.04 (Korea, Hungary) */
	if (match_year(t, &r.year) && (is_punct(&t[1], '-') || is_punct(&t[1], '/') || is_punct(&t[1], '.')) &&
		t[2].kind == TK_NUM && t[2].n <= 2 && is_punct(&t[3], t[1].s[0]) && t[4].kind == TK_NUM && t[4].n <= 2)
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
	/*
	 * numeric with slashes, dashes or dots: US month/day/year, day/month/year when the first is
	 * over 12; a two-digit year as POSIX strptime reads %y (69-99: 1969-1999, 00-68: 2000-2068),
	 * but not in a row of numbers ("5/02/91 4/26/91", a table's column heads) other than a clock
	 * time ("14.03.24 10:05")
	 */
	if (t[0].kind == TK_NUM && t[0].n <= 2 && (is_punct(&t[1], '/') || is_punct(&t[1], '-') || is_punct(&t[1], '.')) &&
		t[2].kind == TK_NUM && t[2].n <= 2 && t[3].kind == TK_PUNCT && t[3].s[0] == t[1].s[0] &&
		(match_year(&t[4], &r.year) || (t[4].kind == TK_NUM && t[4].n == 2 && !followed_by_digits(&t[5]) &&
										   (t[5].kind != TK_NUM || is_punct(&t[6], ':')))))
	{
		int			a = num_value(&t[0]),
					b = num_value(&t[2]);

		if (r.year == 0)
			r.year = num_value(&t[4]) < 69 ? 2000 + num_value(&t[4]) : 1900 + num_value(&t[4]);

		if (t[1].s[0] == '.' || a > 12)
		{
			r.day = a;
			r.month = b;
		}
		else
		{
			r.month = a;
			r.day = b;
			r.month_first_guess = t[1].s[0] != '.' && b <= 12 && a != b;
		}
		if (nx_date_valid(r.year, r.month, r.day))
		{
			*d = r;
			return 5;
		}
		return 0;
	}
	/* year first: 2016年9月4日 (Chinese, Japanese), 2016년 9월 4일 (Korean), 2016. szeptember 4. */
	if (match_year(t, &r.year) && (u = match_cjk_date(t, &r)) > 0)
	{
		*d = r;
		return u;
	}
	/* a Japanese era year: 令和6年3月14日 (Reiwa 6, 2024), 平成31年 (Heisei 31, 2019) */
	if ((r.year = japanese_era_year(t)) != 0 && (u = match_cjk_date(&t[1], &r)) > 0)
	{
		*d = r;
		return 1 + u;
	}
	r.year = 0;
	if (match_year(t, &r.year) && is_punct(&t[1], '.') && (u = match_month(&t[2], &r.month)) > 0 &&
		match_day(&t[2 + u], &r.day) > 0 && is_punct(&t[3 + u], '.'))
	{
		if (!nx_date_valid(r.year, r.month, r.day))
			return 0;
		*d = r;
		return 4 + u;
	}
	r.year = 0;
	/* day first: 4 September 2016, 04 September, 2016, 4th of September 2016, 26-FEB-1987 */
	if ((u = match_day(t, &r.day)) > 0)
	{
		k = u;
		if (is_punct(&t[k], '-') || is_punct(&t[k], '.'))
			k++;
		else if (t[k].kind == TK_WORD && t[k].n == 2 &&
				 (nx_strncaseeq(t[k].s, "of", 2) || nx_strncaseeq(t[k].s, "de", 2)))
			k++;				/* 4th of September, 4 de septiembre */
		if ((u = match_month(&t[k], &r.month)) == 0)
			return 0;
		k += u;
		separator = 0;
		if (is_punct(&t[k], '-') || is_punct(&t[k], ',') ||
			(t[k].kind == TK_WORD && t[k].n == 2 && nx_strncaseeq(t[k].s, "de", 2) &&
			 t[k + 1].kind == TK_NUM && t[k + 1].n == 4))
			separator = 1;		/* 4 September, 2016; septiembre de 2016 */
		k += separator;
		if ((u = match_year(&t[k], &r.year)) > 0)
			k += u;
		else if (!allow_no_year)
			return 0;
		else
			k -= separator;		/* no year: the separator ("de" too) is not part of the date */
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

/* the word's folded form is in list */
static int
word_in_folded(const tok *t, const char *const *list)
{
	return nx_word_in_folded_list(t->s, t->n, list);
}

/*
 * The date-line words in one hash table: a token of a date line is asked about all of them.
 * The label and filler lists hold folded words (nx_fold_word); weekdays and the filler words
 * also match as printed, ignoring ASCII case, as word_in does.
 */
enum
{
	DW_PUBLISHED = 1 << 0,
	DW_UPDATED = 1 << 1,
	DW_FILLER = 1 << 2,			/* folded */
	DW_WEEKDAY_AS_PRINTED = 1 << 3,
	DW_FILLER_AS_PRINTED = 1 << 4,
	DW_ENGLISH_LABEL = 1 << 5,	/* folded: a label that says the date is in English order */
	DW_FOLDED = DW_PUBLISHED | DW_UPDATED | DW_FILLER | DW_ENGLISH_LABEL
};

static nx_wordset date_vocab;
static pthread_once_t date_vocab_once = PTHREAD_ONCE_INIT;

static void
date_vocab_build(void)
{
	nx_wordset_add(&date_vocab, published_words, 0);
	nx_wordset_add(&date_vocab, updated_words, 1);
	nx_wordset_add(&date_vocab, filler_words, 2);
	nx_wordset_add(&date_vocab, weekdays, 3);
	nx_wordset_add(&date_vocab, filler_words, 4);
	nx_wordset_add(&date_vocab, english_labels, 5);
}

/* which date-line word lists hold the word token t (DW_ bits) */
static uint32_t
date_word_lists(const tok *t)
{
	uint32_t	printed,
				folded;
	char		f[64];
	size_t		fn;

	pthread_once(&date_vocab_once, date_vocab_build);
	printed = nx_wordset_lists(&date_vocab, t->s, t->n);
	/* an ASCII word folds to its lower case, which the lookup folds anyway */
	if (nx_is_ascii(t->s, t->n))
		folded = printed;
	else if (t->n >= 40 || (fn = nx_fold_word(t->s, t->n, f, sizeof(f))) == 0)
		folded = 0;
	else
		folded = nx_wordset_lists(&date_vocab, f, fn);
	/* as printed too: Hangul folds to its jamo, while the lists spell words as they are printed */
	return ((folded | printed) & DW_FOLDED) | (printed & (DW_WEEKDAY_AS_PRINTED | DW_FILLER_AS_PRINTED));
}

int
nx_date_words_valid(void)
{
	pthread_once(&date_vocab_once, date_vocab_build);
	return !date_vocab.invalid;
}

/* a number that is part of a time or a zone: 15:01, 10.05, 10h30, +02:00, GMT-4 */
static int
time_number(const tok *t, int i)
{
	if (t->n <= 2 && (is_punct(&t[1], ':') || is_punct(&t[1], '.') ||
					  (t[1].kind == TK_WORD && t[1].n == 1 && (t[1].s[0] == 'h' || t[1].s[0] == 'H'))))
		return 2;
	if (i > 0 && (is_punct(&t[-1], ':') || is_punct(&t[-1], '.') || is_punct(&t[-1], '+') ||
				  (t[-1].kind == TK_WORD && t[-1].n == 1)))
		return 1;
	/* hours and minutes with CJK marks: 8時15分, 8시 15분 */
	if (t->n <= 2 && t[1].kind == TK_WORD && (unsigned char) t[1].s[0] >= 0x80 &&
		word_in_folded(&t[1], filler_words))
		return 2;
	/* a zone offset after a zone name or a time: GMT-4, 10:05-04:00 */
	if (i > 1 && t->n <= 4 && is_punct(&t[-1], '-') && (t[-2].kind == TK_WORD || t[-2].kind == TK_NUM))
		return 1;
	return 0;
}

/* a zone abbreviation after a time, known to the lists or not: CAT, SAST, NZDT (2-5 capitals) */
static int
zone_after_time(const tok *t, int after_time)
{
	if (!after_time || t->kind != TK_WORD || t->n < 2 || t->n > 5)
		return 0;
	for (size_t k = 0; k < t->n; k++)
		if (t->s[k] < 'A' || t->s[k] > 'Z')
			return 0;
	return 1;
}

void
nx_date_read_day_first(nx_date *d)
{
	if (d->month_first_guess && nx_date_valid(d->year, d->day, d->month))
	{
		int			month = d->day;

		d->day = d->month;
		d->month = month;
		d->month_first_guess = 0;
	}
}

/* "há 2 horas", "vor 3 Stunden", "il y a 2 heures": the tokens of an update time without a date */
#define RELATIVE_TIME_TOKENS 5
/* tokens date_prefix reads past the one it is at (match_date's longest look) */
#define DATE_LOOKAHEAD 12
/* tokens a line is first cut into: most lines stop at their first word */
#define FIRST_LINE_TOKENS 24
/* date_prefix_scan: the scan needs tokens past a cut line's first FIRST_LINE_TOKENS */
#define NEED_MORE_TOKENS (-1)

/*
 * The lists of the word t, or of t and the next word as one label when t alone is no label
 * and the two are outside ASCII with one space between (Vietnamese "Cập nhật", updated):
 * *width is the tokens the label takes.
 */
static uint32_t
label_lists(const tok *t, int *width)
{
	uint32_t	lists = date_word_lists(t);
	tok			two;

	*width = 1;
	if ((lists & (DW_PUBLISHED | DW_UPDATED)) || t->kind != TK_WORD || t[1].kind != TK_WORD ||
		t[1].s != t->s + t->n + 1 || t->s[t->n] != ' ' || nx_is_ascii(t->s, (size_t) (t[1].s + t[1].n - t->s)))
		return lists;
	two = *t;
	two.n = (size_t) (t[1].s + t[1].n - t->s);
	if (date_word_lists(&two) & (DW_PUBLISHED | DW_UPDATED))
	{
		*width = 2;
		return date_word_lists(&two);
	}
	return lists;
}

/* a weekday name of two words outside ASCII: Vietnamese "Thứ năm", Hebrew "יום חמישי" */
static int
two_word_weekday(const tok *t)
{
	return t->kind == TK_WORD && t[1].kind == TK_WORD && t[1].s == t->s + t->n + 1 && t->s[t->n] == ' ' &&
		!nx_is_ascii(t->s, (size_t) (t[1].s + t[1].n - t->s)) &&
		nx_locale_weekday(t->s, (size_t) (t[1].s + t[1].n - t->s)) != 0;
}

/* a weekday name with a hyphen, which the line's tokens split: Portuguese "quinta-feira" */
static int
hyphenated_weekday(const tok *t)
{
	return t->kind == TK_WORD && is_punct(&t[1], '-') && t[1].s == t->s + t->n && t[2].kind == TK_WORD &&
		t[2].s == t[1].s + 1 && nx_locale_weekday(t->s, (size_t) (t[2].s + t[2].n - t->s)) != 0;
}

/*
 * The date-line scan over toks[0, nt) (see date_prefix). When cut is set, toks holds only the
 * line's first tokens: a scan that would read within DATE_LOOKAHEAD of their end returns
 * NEED_MORE_TOKENS, so every answer it gives is the one the whole line gives.
 */
static int
date_prefix_scan(const tok *toks, int nt, int cut, const char *s, size_t *stop, nx_date *out)
{
	int			i = 0;
	nx_date_label label = NX_DATE_PLAIN;
	nx_date_label best = NX_DATE_NONE;
	nx_date		best_date = {0, 0, 0, 0};
	int			dates = 0,
				day_first = 0,
				update_at = -1,
				clock = 0;

	while (i < nt)
	{
		const tok  *t = &toks[i];
		nx_date		d;
		int			used,
					width = 1;
		uint32_t	lists = 0;

		if (cut && i + DATE_LOOKAHEAD >= nt)
			return NEED_MORE_TOKENS;
		if ((used = match_date(t, 0, &d)) > 0)
		{
			if (day_first)
				nx_date_read_day_first(&d);
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
			used = strchr(",.:;|/-()[]+", t->s[0]) != NULL || (unsigned char) t->s[0] >= 0x80;
		else if (t->kind == TK_NUM)
			used = time_number(t, i);
		else if (zone_after_time(t, clock))
			used = 1;
		else if (two_word_weekday(t))
			used = 2;
		else if (hyphenated_weekday(t))
			used = 3;
		else if ((lists = label_lists(t, &width)) & DW_PUBLISHED)
		{
			label = NX_DATE_PUBLISHED;
			day_first = !(lists & DW_ENGLISH_LABEL);
			used = width;
		}
		else if (lists & DW_UPDATED)
		{
			label = label == NX_DATE_PUBLISHED && dates == 0 ? label : NX_DATE_UPDATED;
			day_first = !(lists & DW_ENGLISH_LABEL);
			used = width;
			if (dates > 0)
				update_at = i + 1;
		}
		else if ((used = (lists & (DW_WEEKDAY_AS_PRINTED | DW_FILLER_AS_PRINTED | DW_FILLER)) != 0 ||
				  nx_locale_weekday(t->s, t->n) != 0) == 0 && i == 0 && may_be_date_word(t))
			used = day_first = 1;	/* "Fecha:", "Datum:" open the line */
		/* "31/07/2024 18h32 Atualizado há 2 horas": a relative update time ends the line */
		if (used == 0 && i == update_at && nt - i <= RELATIVE_TIME_TOKENS)
		{
			*stop = (size_t) (toks[nt].s - s);
			i = nt;
			break;
		}
		if (used == 0)
		{
			*stop = (size_t) (t->s - s);
			break;
		}
		/* a clock time and its fillers (PM, a.m.) may be followed by a zone ("18:30, UK") */
		if (t->kind == TK_NUM)
			clock = 1;
		else if (t->kind == TK_PUNCT ? !is_punct(t, '.') && !is_punct(t, ':') && !is_punct(t, ',') :
				 !zone_after_time(t, clock) && !(lists & DW_FILLER_AS_PRINTED))
			clock = 0;
		i += used;
	}
	if (cut && i >= nt)
		return NEED_MORE_TOKENS;
	if (dates == 0)
		return NX_DATE_NONE;
	/* a label in another language after the date still says how the line writes dates */
	if (day_first)
		nx_date_read_day_first(&best_date);
	*out = best_date;
	return best;
}

/* the tokens of the line's first max - 1 tokens; *nt < 0 when the line has more */
static void
cut_line(const char *s, size_t n, tok *toks, int max, int *nt, size_t *stop)
{
	*stop = n;
	*nt = tokenize_line(s, n, toks, max);
	if (*nt < 0)
	{
		*nt = max - 1;			/* longer lines: their first tokens may still start with a date */
		*stop = (size_t) (toks[*nt].s - s);
	}
	/* room for lookahead past the end */
	for (int i = *nt > 0 ? *nt + 1 : 1; i < max + DATE_LOOKAHEAD; i++)
		toks[i] = toks[*nt > 0 ? *nt : 0];
}

/*
 * The longest prefix of [s, s+n) that is a date line (labels, weekday, date, time, zone);
 * *consumed is where the rest starts. Works on the first MAX_LINE_TOKENS tokens only. Every
 * date needs a digit, and most lines are decided by their first words: a line without digits
 * is not scanned, and a line is first cut into FIRST_LINE_TOKENS tokens.
 */
static nx_date_label
date_prefix(const char *s, size_t n, nx_date *out, size_t *consumed)
{
	tok			toks[MAX_LINE_TOKENS + DATE_LOOKAHEAD];
	int			nt,
				r;
	size_t		stop;

	if (!nx_has_digit(s, n))
		return NX_DATE_NONE;
	cut_line(s, n, toks, FIRST_LINE_TOKENS, &nt, &stop);
	if (nt <= 0)
		return NX_DATE_NONE;
	r = date_prefix_scan(toks, nt, nt == FIRST_LINE_TOKENS - 1, s, &stop, out);
	if (r == NEED_MORE_TOKENS)
	{
		cut_line(s, n, toks, MAX_LINE_TOKENS, &nt, &stop);
		r = date_prefix_scan(toks, nt, 0, s, &stop, out);
	}
	if (r == NX_DATE_NONE)
		return NX_DATE_NONE;
	*consumed = stop;
	return (nx_date_label) r;
}

/* tokens of a labelled time line at most ("Last updated: Tue 4:12 p.m. ET") */
#define TIME_LINE_TOKENS 16

/*
 * A labelled time without a date: "Updated 4:12 p.m. ET", "Aktualisiert 14.32 Uhr", "Updated 2
 * hours ago", "Atualizado há 2 horas". A header meta line that gives no date: a label first,
 * then a clock time with its fillers and zone, or one small number and at most two words.
 */
int
nx_time_line(const char *s, size_t n)
{
	tok			toks[TIME_LINE_TOKENS + DATE_LOOKAHEAD];
	int			nt,
				labels = 0,
				times = 0,
				numbers = 0,
				words = 0;
	size_t		stop;

	nx_trim(&s, &n);
	if (n == 0 || n > 64 || !nx_has_digit(s, n))
		return 0;
	/* the label opens the line, as printed on a page: a wrapped sentence ("the first time in
	 * 15 years.", "revised 300 mln") is not one */
	if (*s >= 'a' && *s <= 'z')
		return 0;
	cut_line(s, n, toks, TIME_LINE_TOKENS, &nt, &stop);
	if (nt <= 0 || stop < n || !(date_word_lists(&toks[0]) & (DW_PUBLISHED | DW_UPDATED)))
		return 0;
	for (int i = 0; i < nt; i++)
	{
		const tok  *t = &toks[i];
		uint32_t	lists;
		int			used;

		if (t->kind == TK_PUNCT)
		{
			if (!strchr(",.:;|/-()[]+", t->s[0]) && (unsigned char) t->s[0] < 0x80)
				return 0;
			continue;
		}
		if (t->kind == TK_NUM)
		{
			if (labels == 0)
				return 0;
			used = time_number(t, i);
			/* "il y a 3 heures": a count after a one-letter word, unlike the minutes of 10h30 */
			if (used == 1 && t[-1].kind == TK_WORD && (i < 2 || t[-2].kind != TK_NUM))
				used = 0;
			if (used > 0)
			{
				times++;
				i += used - 1;
			}
			else if (++numbers > 1 || t->n > 3)
				return 0;
			continue;
		}
		if (zone_after_time(t, times > 0))
			continue;
		lists = date_word_lists(t);
		if (lists & (DW_PUBLISHED | DW_UPDATED))
		{
			if (times + numbers + words > 0)
				return 0;
			labels++;
		}
		else if ((lists & (DW_FILLER | DW_FILLER_AS_PRINTED | DW_WEEKDAY_AS_PRINTED)) == 0 &&
				 nx_locale_weekday(t->s, t->n) == 0 && (labels == 0 || ++words > 2))
			return 0;
	}
	return labels > 0 && ((times > 0 && numbers == 0 && words == 0) ||
						  (times == 0 && numbers == 1 && words > 0 && n <= 40));
}

nx_date_label
nx_date_line(const char *s, size_t n, nx_date *out)
{
	size_t		consumed = 0;
	nx_date		d;
	nx_date_label label;

	nx_trim(&s, &n);
	if (n == 0 || n > NX_DATE_LINE_MAX)
		return NX_DATE_NONE;
	label = nx_date_line_prefix(s, n, &d, &consumed);
	if (label == NX_DATE_NONE || consumed < n)
		return NX_DATE_NONE;
	*out = d;
	return label;
}

/* a line long enough for any date line (NX_DATE_LINE_MAX and the byline forms) */
#define WESTERN_COPY_MAX 512

/* a line with its Arabic-Indic and Persian digits written as ASCII ones, and where each byte came from */
typedef struct western_copy
{
	char		s[WESTERN_COPY_MAX];
	unsigned short from[WESTERN_COPY_MAX + 1];
	size_t		n;
} western_copy;

/* an Arabic-Indic (U+0660-U+0669) or Persian (U+06F0-U+06F9) digit at u: its value, else -1 */
static int
eastern_digit(const unsigned char *u, size_t n)
{
	if (n >= 2 && u[0] == 0xD9 && u[1] >= 0xA0 && u[1] <= 0xA9)
		return u[1] - 0xA0;
	if (n >= 2 && u[0] == 0xDB && u[1] >= 0xB0 && u[1] <= 0xB9)
		return u[1] - 0xB0;
	return -1;
}

int
nx_date_has_digit(const char *s, size_t n)
{
	if (nx_has_digit(s, n))
		return 1;
	if (memchr(s, 0xD9, n) == NULL && memchr(s, 0xDB, n) == NULL)
		return 0;
	for (size_t i = 0; i + 1 < n; i++)
		if (eastern_digit((const unsigned char *) s + i, n - i) >= 0)
			return 1;
	return 0;
}

/* 1 and the copy when [s, s+n) has digits of Arabic script (and fits), else 0 */
static int
western_digits(const char *s, size_t n, western_copy *w)
{
	size_t		i = 0;
	int			found = 0;

	if (n >= WESTERN_COPY_MAX || (memchr(s, 0xD9, n) == NULL && memchr(s, 0xDB, n) == NULL))
		return 0;
	w->n = 0;
	while (i < n)
	{
		int			v = eastern_digit((const unsigned char *) s + i, n - i);

		w->from[w->n] = (unsigned short) i;
		if (v >= 0)
		{
			w->s[w->n++] = (char) ('0' + v);
			i += 2;
			found = 1;
		}
		else
			w->s[w->n++] = s[i++];
	}
	w->from[w->n] = (unsigned short) n;
	return found;
}

static nx_date_label date_line_prefix(const char *s, size_t n, nx_date *out, size_t *consumed);

nx_date_label
nx_date_line_prefix(const char *s, size_t n, nx_date *out, size_t *consumed)
{
	western_copy w;
	nx_date_label label;

	if (!western_digits(s, n, &w))
		return date_line_prefix(s, n, out, consumed);
	if ((label = date_line_prefix(w.s, w.n, out, consumed)) != NX_DATE_NONE)
		*consumed = w.from[*consumed];
	return label;
}

static nx_date_label
date_line_prefix(const char *s, size_t n, nx_date *out, size_t *consumed)
{
	tok			toks[8];
	int			nt;

	if (n == 0)
		return NX_DATE_NONE;
	/* wire timestamp: 26-FEB-1987 15:01:01.79 (and whatever follows it on the line) */
	nt = tokenize_line(s, n < 24 ? n : 24, toks, 8);
	if ((nt < 0 || nt >= 7) && toks[0].kind == TK_NUM &&
		is_punct(&toks[1], '-') && toks[2].kind == TK_WORD && is_punct(&toks[3], '-') &&
		toks[4].n == 4 && toks[5].kind == TK_NUM && is_punct(&toks[6], ':'))
	{
		nx_date		d;
		nx_date_label label = date_prefix(s, n, &d, consumed);

		if (label != NX_DATE_NONE && nx_date_valid(d.year, d.month, d.day))
		{
			*out = d;
			*consumed = n;
			return NX_DATE_WIRE;
		}
	}
	return date_prefix(s, n, out, consumed);
}

static size_t date_scan(const char *s, size_t n, int allow_no_year, nx_date *out);

size_t
nx_date_scan(const char *s, size_t n, int allow_no_year, nx_date *out)
{
	western_copy w;
	size_t		used;

	if (!western_digits(s, n, &w))
		return date_scan(s, n, allow_no_year, out);
	used = date_scan(w.s, w.n, allow_no_year, out);
	return used > 0 ? w.from[used] : 0;
}

static size_t
date_scan(const char *s, size_t n, int allow_no_year, nx_date *out)
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
