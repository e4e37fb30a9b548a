/*
 * wire_dateline.c - the datelines agencies in other scripts print at the start of a story's
 * lead: Japanese brackets (【ワシントン＝山田太郎】, 【北京共同】), the Chinese form (新华社北京9月4日电),
 * the Korean form ((서울=연합뉴스) 김민수 기자 =) and the Russian agencies' (МОСКВА, 12 мар —
 * РИА Новости.). They give spans of the text; the article parser copies what it keeps.
 */
#include <string.h>

#include "locale_names.h"
#include "wire_dateline.h"

#define WIRE_AGENCY_MAX 30			/* an agency in brackets or a place before its comma */
#define BRACKET_DATELINE_MAX 60		/* "【ワシントン＝山田太郎】": up to about 18 characters inside */
#define KOREAN_NAME_MAX 15			/* a reporter's name in Hangul: up to five syllables */

/* " — " or " – " at s */
static int
spaced_dash(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *) s;

	return n >= 5 && u[0] == ' ' && u[1] == 0xE2 && u[2] == 0x80 && (u[3] == 0x93 || u[3] == 0x94) && u[4] == ' ';
}

/*
 * The Japanese dateline in lenticular brackets opening the lead: "【ワシントン＝山田太郎】" (place,
 * fullwidth equals sign, reporter), "【北京共同】" (place and agency). Returns the bracket's
 * length with the spaces after it, else 0.
 */
static size_t
bracket_dateline(const char *s, size_t n, nx_wire_dateline *out)
{
	static const char open[] = "\xE3\x80\x90", close[] = "\xE3\x80\x91", equals[] = "\xEF\xBC\x9D";
	const char *end,
			   *eq;
	size_t		i,
				skip;

	if (n < 9 || memcmp(s, open, 3) != 0)
		return 0;
	for (i = 3; i + 3 <= n && i <= BRACKET_DATELINE_MAX && memcmp(s + i, close, 3) != 0; i++)
		if (s[i] == '\n' || (unsigned char) s[i] < 0x80)
			return 0;			/* a place and a name in Japanese script only */
	if (i + 3 > n || i > BRACKET_DATELINE_MAX || i == 3)
		return 0;
	end = s + i;
	for (eq = s + 3; eq + 3 <= end && memcmp(eq, equals, 3) != 0; eq++)
		;
	if (eq + 3 > end)
	{
		/* the place and the agency as one: "【北京共同】" (Kyodo), "【ワシントン時事】" (Jiji) */
		static const char *const agencies[] = {"\xE5\x85\xB1\xE5\x90\x8C", "\xE6\x99\x82\xE4\xBA\x8B", NULL};
		size_t		inside = (size_t) (end - (s + 3));

		for (int k = 0; agencies[k] != NULL; k++)
			if (inside > 6 && memcmp(end - 6, agencies[k], 6) == 0)
				eq = end - 6;
		/* one part alone may be a place (【ワシントン】) or an agency (【共同】): left as it is */
		if (eq + 3 > end)
			return 0;
		out->place = s + 3;
		out->place_n = (size_t) (eq - (s + 3));
	}
	else if (eq == s + 3)
		return 0;
	else
	{
		out->place = s + 3;
		out->place_n = (size_t) (eq - (s + 3));
		out->reporter = eq + 3;
		out->reporter_n = (size_t) (end - (eq + 3));
	}
	skip = i + 3;
	while (skip < n && s[skip] == ' ')
		skip++;
	return skip;
}

/*
 * The byte length of the three-byte characters at s whose first byte is in [first, last]:
 * CJK ideographs (U+4E00-U+9FFF: 0xE4-0xE9), Hangul syllables (U+AC00-U+D7A3: 0xEA-0xED).
 */
static size_t
three_byte_run(const char *s, size_t n, unsigned char first, unsigned char last)
{
	size_t		i = 0;
	const unsigned char *u = (const unsigned char *) s;

	while (i + 3 <= n && u[i] >= first && u[i] <= last && (u[i + 1] & 0xC0) == 0x80 && (u[i + 2] & 0xC0) == 0x80)
		i += 3;
	return i;
}

#define hangul_run(s, n) three_byte_run((s), (n), 0xEA, 0xED)
#define ideograph_run(s, n) three_byte_run((s), (n), 0xE4, 0xE9)

/*
 * After a Korean wire dateline, the reporter: "김민수 기자 = " or "김민수 특파원 = " (name, role
 * word, equals sign). Returns the length, else 0.
 */
static size_t
korean_reporter(const char *s, size_t n, nx_wire_dateline *out)
{
	static const char *const roles[] = {" \xEA\xB8\xB0\xEC\x9E\x90 = ", " \xED\x8A\xB9\xED\x8C\x8C\xEC\x9B\x90 = ", NULL};
	size_t		name = hangul_run(s, n < KOREAN_NAME_MAX ? n : KOREAN_NAME_MAX);

	if (name < 6)
		return 0;
	for (int k = 0; roles[k] != NULL; k++)
	{
		size_t		rn = strlen(roles[k]);

		if (name + rn <= n && memcmp(s + name, roles[k], rn) == 0)
		{
			out->reporter = s;
			out->reporter_n = name;
			return name + rn;
		}
	}
	return 0;
}

/*
 * The Korean wire dateline opening the lead: "(서울=연합뉴스) 김민수 기자 = ..." or
 * "【서울=뉴시스】" (place in Hangul, an ASCII equals sign, the agency), then maybe the
 * reporter. Returns the length to skip, else 0.
 */
static size_t
korean_wire_dateline(const char *s, size_t n, nx_wire_dateline *out)
{
	size_t		open,
				place,
				close,
				i;

	if (n > 0 && s[0] == '(')
		open = 1;
	else if (n >= 3 && memcmp(s, "\xE3\x80\x90", 3) == 0)
		open = 3;
	else
		return 0;
	place = hangul_run(s + open, n - open);
	if (place < 3 || open + place >= n || s[open + place] != '=')
		return 0;
	for (i = open + place + 1; i < n && i < open + WIRE_AGENCY_MAX && s[i] != ')' && s[i] != '\n'; i++)
		if (open == 3 && i + 3 <= n && memcmp(s + i, "\xE3\x80\x91", 3) == 0)
			break;
	close = open == 1 ? 1 : 3;
	if (i == open + place + 1 || i >= n || (open == 1 ? s[i] != ')' : memcmp(s + i, "\xE3\x80\x91", 3) != 0))
		return 0;
	out->place = s + open;
	out->place_n = place;
	i += close;
	while (i < n && s[i] == ' ')
		i++;
	return i + korean_reporter(s + i, n - i, out);
}

/* a Russian capital letter (А-Я, Ё) at s */
static int
cyrillic_capital(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *) s;

	return n >= 2 && u[0] == 0xD0 && ((u[1] >= 0x90 && u[1] <= 0xAF) || u[1] == 0x81);
}

/* the byte length of a place in Cyrillic capitals at s ("МОСКВА", "НИЖНИЙ НОВГОРОД"), else 0 */
static size_t
cyrillic_capitals(const char *s, size_t n)
{
	size_t		i = 0,
				letters = 0;

	while (i < n && i < WIRE_AGENCY_MAX)
	{
		if (cyrillic_capital(s + i, n - i))
			i += 2, letters++;
		else if ((s[i] == ' ' || s[i] == '-') && letters > 0)
			i++;
		else
			break;
	}
	return letters >= 2 ? i : 0;
}

/*
 * The Russian agencies' dateline opening the lead: "МОСКВА, 12 мар — РИА Новости. " or
 * "МОСКВА, 12 марта. /ТАСС/. " (place in capitals, day, month, the agency after a dash or
 * between slashes), with its day and month. Returns the length to skip, else 0.
 */
static size_t
cyrillic_wire_dateline(const char *s, size_t n, nx_wire_dateline *out)
{
	size_t		place = cyrillic_capitals(s, n),
				i,
				w,
				agency;
	nx_date		d = {0, 0, 0, 0};

	while (place > 0 && s[place - 1] == ' ')
		place--;
	if (place == 0 || place + 2 >= n || s[place] != ',' || s[place + 1] != ' ')
		return 0;
	for (i = place + 2; i < n && i < place + 4 && s[i] >= '0' && s[i] <= '9'; i++)
		d.day = d.day * 10 + (s[i] - '0');
	if (d.day == 0 || i >= n || s[i] != ' ')
		return 0;
	for (w = ++i; i < n && s[i] != ' ' && s[i] != '.'; i++)
		;
	if ((d.month = nx_locale_month(s + w, i - w)) == 0 || !nx_date_valid(2000, d.month, d.day))
		return 0;
	if (i + 5 <= n && memcmp(s + i, ". /", 3) == 0)
	{
		/* ". /ТАСС/. " */
		const char *slash = memchr(s + i + 3, '/', n - i - 3 < WIRE_AGENCY_MAX ? n - i - 3 : WIRE_AGENCY_MAX);

		if (slash == NULL || slash == s + i + 3)
			return 0;
		agency = (size_t) (slash - s) + 1;
	}
	else if (i + 5 <= n && spaced_dash(s + i, n - i))
	{
		/* " — РИА Новости. " */
		const char *dot;

		i += 5;
		dot = memchr(s + i, '.', n - i < WIRE_AGENCY_MAX ? n - i : WIRE_AGENCY_MAX);
		if (dot == NULL || dot == s + i || !(cyrillic_capital(s + i, n - i) || (s[i] >= 'A' && s[i] <= 'Z')))
			return 0;
		agency = (size_t) (dot - s);
	}
	else
		return 0;
	if (agency >= n || s[agency] != '.')
		return 0;
	out->place = s;
	out->place_n = place;
	out->date = d;
	for (agency++; agency < n && s[agency] == ' '; agency++)
		;
	return agency;
}

/*
 * The Chinese wire dateline opening the lead: "新华社北京9月4日电" (agency, place, month 月,
 * day 日, 电 "dispatch" or 讯 "report"). The place is without the agency (新华社, 中新社, 中新网,
 * 本报); returns the length with the spaces after it, else 0.
 */
static size_t
chinese_wire_dateline(const char *s, size_t n, nx_wire_dateline *out)
{
	static const char *const agencies[] = {"\xE6\x96\xB0\xE5\x8D\x8E\xE7\xA4\xBE", "\xE4\xB8\xAD\xE6\x96\xB0\xE7\xA4\xBE",
	"\xE4\xB8\xAD\xE6\x96\xB0\xE7\xBD\x91", "\xE6\x9C\xAC\xE6\x8A\xA5", NULL};
	size_t		place = ideograph_run(s, n < 30 ? n : 30),
				i,
				skip = 0;

	if (place < 6 || place > 27 || place >= n || !(s[place] >= '0' && s[place] <= '9'))
		return 0;
	for (int k = 0; agencies[k] != NULL; k++)
		if (place >= strlen(agencies[k]) && memcmp(s, agencies[k], strlen(agencies[k])) == 0)
			skip = strlen(agencies[k]);
	/* month 月 day 日, then 电 or 讯 */
	i = place;
	while (i < n && i < place + 2 && s[i] >= '0' && s[i] <= '9')
		i++;
	if (i + 3 > n || memcmp(s + i, "\xE6\x9C\x88", 3) != 0)
		return 0;
	i += 3;
	if (!(i < n && s[i] >= '0' && s[i] <= '9'))
		return 0;
	while (i < n && s[i] >= '0' && s[i] <= '9')
		i++;
	if (i + 6 > n || memcmp(s + i, "\xE6\x97\xA5", 3) != 0 ||
		(memcmp(s + i + 3, "\xE7\x94\xB5", 3) != 0 && memcmp(s + i + 3, "\xE8\xAE\xAF", 3) != 0))
		return 0;
	if (place > skip)			/* "新华社9月4日电": the agency alone, no place */
	{
		out->place = s + skip;
		out->place_n = place - skip;
	}
	i += 6;
	while (i < n && s[i] == ' ')
		i++;
	return i;
}

size_t
nx_script_wire_dateline(const char *s, size_t n, nx_wire_dateline *out)
{
	size_t		skip;

	memset(out, 0, sizeof(*out));
	if ((skip = bracket_dateline(s, n, out)) == 0 && (skip = chinese_wire_dateline(s, n, out)) == 0 &&
		(skip = korean_wire_dateline(s, n, out)) == 0 && (skip = cyrillic_wire_dateline(s, n, out)) == 0)
		memset(out, 0, sizeof(*out));
	return skip;
}
