/*
 * gen_locale_names - writes src/core/locale_names.inc: the month and weekday names of
 * the languages parse_article reads dates in, from ICU's CLDR locale data.
 *
 *   make locale-names      (cc ... -licui18n -licuuc -lutf8proc; then runs it)
 *
 * The table is generated once and committed, so answers do not change with the ICU
 * version of the machine that runs the extension; the header of the .inc names the
 * ICU/CLDR version it came from. Names are folded the way dates.c folds a word
 * (utf8proc: case fold, marks stripped, trailing period dropped); a folded name that
 * means different months in two languages is left out as ambiguous.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/udat.h>
#include <unicode/ustring.h>
#include <unicode/uversion.h>
#include <unicode/ulocdata.h>
#include <utf8proc.h>

static const char *const locales[] = {
	"en", "de", "fr", "es", "it", "pt", "nl", "da", "nb", "nn", "sv", "pl", "cs", "sk",
	"tr", "ru", "uk", "fi", "ro", "hu", "id", "ca", "el", "bg", "sr", "sl", "lt", "lv", "et",
	"hi", "bn", "mr", "ar", "fa", "ur", "he", "ms", "sw", "th", "vi", "fil", NULL
};

typedef struct entry
{
	char		name[64];
	int			kind;			/* 1 month, 2 weekday */
	int			number;			/* 1..12, or 1..7 from Monday */
	char		langs[128];
	int			ambiguous;
} entry;

static entry entries[8192];
static int nentries;

/*
 * Thai writes vowels and tone marks as combining marks: stripping them would merge names
 * (มี.ค. March and ม.ค. January), so Thai keeps its marks, as nx_fold_word_utf8proc does.
 */
static int
fold(const char *in, char *out, size_t outsz)
{
	utf8proc_uint8_t *folded = NULL;
	int			thai = strstr(in, "\xE0\xB8") != NULL || strstr(in, "\xE0\xB9") != NULL;
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *) in, 0, &folded,
									  UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE |
									  UTF8PROC_CASEFOLD | (thai ? 0 : UTF8PROC_STRIPMARK));

	if (n < 0 || (size_t) n + 1 > outsz)
	{
		free(folded);
		return 0;
	}
	memcpy(out, folded, (size_t) n + 1);
	free(folded);
	while (n > 0 && out[n - 1] == '.')
		out[--n] = '\0';
	return n > 0;
}

static void
add(const char *lang, const char *utf8, int kind, int number)
{
	char		f[64];
	int			i;

	if (!fold(utf8, f, sizeof(f)))
		return;
	/*
	 * names are words, or two words (Vietnamese "thứ năm", Thursday): a name with a digit
	 * ("1月", "tháng 3") is not a word to look up
	 */
	if (strpbrk(f, "0123456789") != NULL || strlen(f) < 2 ||
		(strchr(f, ' ') != NULL && (strchr(f, ' ') != strrchr(f, ' ') || f[0] == ' ' || f[strlen(f) - 1] == ' ')))
		return;
	for (i = 0; i < nentries; i++)
		if (strcmp(entries[i].name, f) == 0 && entries[i].kind == kind)
		{
			/* a weekday's number is never used: only months can be ambiguous */
			if (entries[i].number != number && kind == 1)
				entries[i].ambiguous = 1;
			else if (strstr(entries[i].langs, lang) == NULL &&
					 strlen(entries[i].langs) + strlen(lang) + 2 < sizeof(entries[i].langs))
			{
				strcat(entries[i].langs, " ");
				strcat(entries[i].langs, lang);
			}
			return;
		}
	snprintf(entries[nentries].name, sizeof(entries[nentries].name), "%s", f);
	entries[nentries].kind = kind;
	entries[nentries].number = number;
	snprintf(entries[nentries].langs, sizeof(entries[nentries].langs), "%s", lang);
	nentries++;
}

static void
symbols(const char *lang, UDateFormat *fmt, UDateFormatSymbolType type, int kind)
{
	int			count = udat_countSymbols(fmt, type),
				i;

	for (i = 0; i < count; i++)
	{
		UChar		buf[64];
		char		utf8[192];
		UErrorCode	err = U_ZERO_ERROR;
		int32_t		len = udat_getSymbols(fmt, type, i, buf, 64, &err);
		int			number;

		if (U_FAILURE(err) || len <= 0)
			continue;
		u_strToUTF8(utf8, sizeof(utf8), NULL, buf, len, &err);
		if (U_FAILURE(err))
			continue;
		if (kind == 1)
			number = i + 1;		/* UCAL_JANUARY = 0 */
		else if (i == 0)
			continue;			/* weekday symbols are 1-based, Sunday = 1 */
		else
			number = i == 1 ? 7 : i - 1;
		if (kind == 1 && number > 12)
			continue;
		add(lang, utf8, kind, number);
	}
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(((const entry *) a)->name, ((const entry *) b)->name);
}

int
main(void)
{
	static const UDateFormatSymbolType months[] = {
		UDAT_MONTHS, UDAT_SHORT_MONTHS, UDAT_STANDALONE_MONTHS, UDAT_STANDALONE_SHORT_MONTHS
	};
	static const UDateFormatSymbolType weekdays[] = {
		UDAT_WEEKDAYS, UDAT_SHORT_WEEKDAYS, UDAT_STANDALONE_WEEKDAYS, UDAT_STANDALONE_SHORT_WEEKDAYS
	};
	const char *const *l;
	int			i,
				kept = 0;
	UVersionInfo cldr;
	char		cldr_s[U_MAX_VERSION_STRING_LENGTH];
	UErrorCode	err = U_ZERO_ERROR;

	for (l = locales; *l; l++)
	{
		UDateFormat *fmt;

		err = U_ZERO_ERROR;
		fmt = udat_open(UDAT_NONE, UDAT_LONG, *l, NULL, 0, NULL, 0, &err);
		if (U_FAILURE(err))
		{
			fprintf(stderr, "gen_locale_names: no ICU data for %s\n", *l);
			return 1;
		}
		for (i = 0; i < 4; i++)
			symbols(*l, fmt, months[i], 1);
		for (i = 0; i < 4; i++)
			symbols(*l, fmt, weekdays[i], 2);
		udat_close(fmt);
	}
	qsort(entries, (size_t) nentries, sizeof(entry), by_name);
	err = U_ZERO_ERROR;
	ulocdata_getCLDRVersion(cldr, &err);
	u_versionToString(cldr, cldr_s);
	printf("/* generated by tools/locale_names/gen_locale_names.c (make locale-names) from ICU %s,\n"
		   " * CLDR %s; do not edit. Month (1) and weekday (2, Monday = 1) names, folded. */\n",
		   U_ICU_VERSION, cldr_s);
	printf("static const char *const nx_locale_languages = \"");
	for (l = locales; *l; l++)
		printf("%s%s", l == locales ? "" : " ", *l);
	printf("\";\n\nstatic const nx_locale_name nx_locale_names[] = {\n");
	for (i = 0; i < nentries; i++)
	{
		if (entries[i].ambiguous)
		{
			printf("\t/* ambiguous, left out: \"%s\" (%s) */\n", entries[i].name, entries[i].langs);
			continue;
		}
		printf("\t{\"%s\", %d, %d},\t\t/* %s */\n", entries[i].name, entries[i].kind, entries[i].number,
			   entries[i].langs);
		kept++;
	}
	printf("};\n");
	fprintf(stderr, "gen_locale_names: %d names from %d locales\n", kept, (int) (l - locales));
	return 0;
}
